package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// testNow is the demo's "today" and the documents' print date.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// TestMain removes the demo organization the tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoPath != "" {
		os.RemoveAll(filepath.Dir(demoPath))
	}
	os.Exit(code)
}

// demoStore opens (generating once per test run) the default demo
// organization: 300 members in 8 branches with a year of records.
func demoStore(t testing.TB) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dangjian-pdf-test")
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

// rendered is a document written to a file, with what poppler reads of it.
type rendered struct {
	path  string
	text  string // pdftotext -layout
	pages int
	fonts string // pdffonts
}

// render writes document k and reads it back with poppler's tools.
func render(t *testing.T, s *data.Store, k Kind, o Options) rendered {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = testNow
	}
	var buf bytes.Buffer
	if err := Write(context.Background(), s, k, &buf, o); err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	path := filepath.Join(t.TempDir(), string(k)+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return rendered{path: path, text: tool(t, "pdftotext", "-layout", path, "-"),
		pages: pageCount(t, path), fonts: tool(t, "pdffonts", path)}
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v (poppler-utils is installed by scripts/deps.sh)", name, args, err)
	}
	return string(out)
}

func pageCount(t *testing.T, path string) int {
	for _, line := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}

// checkFrame checks what every document carries: the Song face embedded,
// the title and organization, and 第 N 页 共 M 页 on every page.
func checkFrame(t *testing.T, r rendered, title string) {
	t.Helper()
	if !strings.Contains(r.fonts, "CID TrueType") || !strings.Contains(r.fonts, " yes ") {
		t.Errorf("the font is not embedded:\n%s", r.fonts)
	}
	if !strings.Contains(r.text, title) || !strings.Contains(r.text, "计算机科学与技术学院党委") {
		t.Errorf("title %q or organization missing", title)
	}
	want := "共 " + strconv.Itoa(r.pages) + " 页"
	if n := strings.Count(r.text, want); n != r.pages {
		t.Errorf("%q appears %d times on %d pages", want, n, r.pages)
	}
	if !strings.Contains(r.text, "打印日期:2026-11-26") {
		t.Error("print date missing")
	}
}

func TestRosterGroupsByBranchInStrokeOrder(t *testing.T) {
	s := demoStore(t)
	r := render(t, s, Roster, Options{})
	checkFrame(t, r, "党员花名册")
	if !strings.Contains(r.text, "在册党员共") || !strings.Contains(r.text, "计算机系教工党支部(") {
		t.Fatal("roster lacks its total or a branch heading with its count")
	}
	members, _ := s.Members.List(context.Background())
	for _, m := range members {
		if m.Active() && !strings.Contains(r.text, m.Name) {
			t.Fatalf("member %s missing from the roster", m.Name)
		}
	}
}

func TestStrokeOrder(t *testing.T) {
	names := []string{"张", "王", "丁", "李", "马", "方", "万", "刘", "于"}
	ms := make([]data.Member, len(names))
	for i, n := range names {
		ms[i].Name = n
	}
	sortByStroke(ms)
	var got []string
	for _, m := range ms {
		got = append(got, m.Name)
	}
	if strings.Join(got, "") != "丁万于马方王刘张李" {
		t.Fatalf("stroke order %s", strings.Join(got, ""))
	}
}

func TestUnknownBranchListsTheBranches(t *testing.T) {
	s := demoStore(t)
	err := Write(context.Background(), s, Roster, &bytes.Buffer{}, Options{BranchID: "no-such-branch"})
	be, ok := err.(*BranchError)
	if !ok || len(be.Branches) != 8 || !strings.Contains(be.Error(), "计算机系教工党支部") {
		t.Fatalf("got %v", err)
	}
}

func TestEmptyOrganizationSaysSo(t *testing.T) {
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "e.db"), "空组织", "E")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for k := range writers {
		r := render(t, s, k, Options{Now: testNow})
		if r.pages != 1 || !strings.Contains(r.text, "没有") {
			t.Errorf("%s on an empty organization: %d pages, no sentence saying there is nothing:\n%s", k, r.pages, r.text)
		}
	}
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
