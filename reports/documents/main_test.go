package documents

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/reports/layout"
)

// testNow is the demo's "today" and the documents' print date.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// TestMain removes the demo organization and the committee's databases
// the tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoPath != "" {
		os.RemoveAll(filepath.Dir(demoPath))
	}
	if committeeDir != "" {
		os.RemoveAll(committeeDir)
	}
	os.Exit(code)
}

// demoStore opens (generating once per test run) the default demo
// organization: 300 members in 8 branches with a year of records.
func demoStore(t testing.TB) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dangjian-documents-test")
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		s, err := data.Create(context.Background(), demoPath, "计算机科学与技术学院党委", "DEMO",
			data.WithClock(func() time.Time { return testNow }))
		if err != nil {
			demoErr = err
			return
		}
		defer s.Close()
		_, demoErr = demo.Generate(context.Background(), s, demo.Options{Seed: 1, AsOf: testNow})
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	s, err := data.Open(context.Background(), demoPath, data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// built is a document made for a test, with its plain text.
type built struct {
	doc  *layout.Document
	text string // layout.PlainText
}

// build makes document k, printed on testNow unless o says otherwise.
func build(t *testing.T, s *data.Store, k Kind, o Options) built {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = testNow
	}
	d, err := Build(context.Background(), s, k, o)
	if err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	return built{doc: d, text: readable(layout.PlainText(d))}
}

// branchID is the id of the one branch named name.
func branchID(t *testing.T, s *data.Store, name string) string {
	t.Helper()
	b, err := s.ResolveBranch(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return b.ID
}

// parts is the number of parts (each member's form is one).
func (b built) parts() int { return len(b.doc.Parts) }

// partText is the plain text of part i alone.
func (b built) partText(i int) string {
	d := *b.doc
	d.Parts = d.Parts[i : i+1]
	return readable(layout.PlainText(&d))
}

// tables returns the tables of a document, in order.
func tables(d *layout.Document) []*layout.Table {
	var out []*layout.Table
	for _, p := range d.Parts {
		for _, b := range p.Blocks {
			if t, ok := b.(*layout.Table); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// column is the index of the column titled title, or -1.
func column(t *layout.Table, title string) int {
	for i, c := range t.Columns {
		if c.Title == title {
			return i
		}
	}
	return -1
}

// readable is the plain text as a reader takes it in, for tests that look
// for words on a line: headings without their marks, a table's cells and
// a form's cells separated by spaces, labels without brackets, total rows
// without their mark, a line break in a cell as a space.
func readable(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, "#＝")
		l = strings.TrimPrefix(l, " ")
		l = strings.TrimPrefix(l, "　　")
		l = strings.ReplaceAll(l, "↵", " ")
		l = strings.ReplaceAll(l, "\t", " ")
		l = strings.ReplaceAll(l, " | ", " ")
		l = strings.NewReplacer("[", "", "]", "", "（满页）", "").Replace(l)
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// checkFrame checks what every document carries: its title and the
// organization in the running header.
func checkFrame(t *testing.T, r built, title string) {
	t.Helper()
	if r.doc.Title != title || r.doc.Org != "计算机科学与技术学院党委" {
		t.Errorf("title %q, organization %q; want %q", r.doc.Title, r.doc.Org, title)
	}
}
