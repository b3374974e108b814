package documents

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func TestRosterGroupsByBranchInStrokeOrder(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Roster, Options{})
	checkFrame(t, r, "党员花名册")
	if !strings.Contains(r.text, "在册党员共") || !strings.Contains(r.text, "计算机系教工党支部（") {
		t.Fatal("roster lacks its total or a branch heading with its count")
	}
	// Every member of status 正常 (those 停止党籍 are not counted in 党员总数,
	// nor listed).
	members, _ := s.Members.List(context.Background())
	for _, m := range members {
		if vocab.Status(m.Status) == vocab.StatusNormal && !strings.Contains(r.text, m.Name) {
			t.Fatalf("member %s missing from the roster", m.Name)
		}
	}
}

// TestDocumentsFollowTheStoresBranchOrder: every ledger lists the branches
// as every screen does (data.Store.BranchRefs: 第二 before 第十), not by
// code point.
func TestDocumentsFollowTheStoresBranchOrder(t *testing.T) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "o.db"), "计算机科学与技术学院党委", "O")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, name := range []string{"第十党支部", "第二党支部", "第一党支部"} {
		b := &data.Branch{Name: name, Type: "教工"}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		formMember(t, s, b, "王"+strings.Repeat("一", i+1), i+1)
	}
	r := build(t, s, Roster, Options{})
	first, second, tenth := strings.Index(r.text, "第一党支部（"), strings.Index(r.text, "第二党支部（"), strings.Index(r.text, "第十党支部（")
	if first < 0 || !(first < second && second < tenth) {
		t.Errorf("branches at %d, %d, %d; want 第一, 第二, 第十 in that order", first, second, tenth)
	}
}

func TestStrokeOrder(t *testing.T) {
	names := []string{"张", "王", "丁", "李", "马", "方", "万", "刘", "于"}
	ms := make([]data.Member, len(names))
	for i, n := range names {
		ms[i].Name = n
	}
	sortMembers(ms)
	var got []string
	for _, m := range ms {
		got = append(got, m.Name)
	}
	if strings.Join(got, "") != "丁于万马王方刘李张" {
		t.Fatalf("stroke order %s", strings.Join(got, ""))
	}
}

func TestUnknownBranchListsTheBranches(t *testing.T) {
	s := demoStore(t)
	var out bytes.Buffer
	_, err := Write(context.Background(), s, Roster, PDF, &out, Options{BranchID: "no-such-branch"})
	be, ok := err.(*BranchError)
	if !ok || len(be.Branches) != 8 || !strings.Contains(be.Error(), "计算机系教工党支部") {
		t.Fatalf("got %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written for an unknown branch", out.Len())
	}
}

func TestEmptyOrganizationSaysSo(t *testing.T) {
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "e.db"), "空组织", "E")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, k := range Kinds {
		r := build(t, s, k, Options{Now: testNow})
		if r.parts() != 1 || !strings.Contains(r.text, "没有") {
			t.Errorf("%s on an empty organization: %d parts, no sentence saying there is nothing:\n%s", k, r.parts(), r.text)
		}
	}
}

func TestKindsAndFormats(t *testing.T) {
	for _, k := range Kinds {
		if got, err := ParseKind(string(k)); got != k || err != nil || Title(k) == "" {
			t.Errorf("%s: ParseKind %q, %v; title %q", k, got, err, Title(k))
		}
	}
	if _, err := ParseKind("nosuch"); err == nil || !strings.Contains(err.Error(), "roster") {
		t.Errorf("an unknown kind: %v", err)
	}
	for in, want := range map[string]Format{"pdf": PDF, "docx": Word, "Word": Word} {
		if got, err := ParseFormat(in); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("odt"); err == nil {
		t.Error("odt taken for a format")
	}
}

// TestWordHoldsTheSameContent: the Word version of a document is a .docx
// (a zip holding word/document.xml) with the same names and figures as the
// model the PDF is drawn from.
func TestWordHoldsTheSameContent(t *testing.T) {
	s := demoStore(t)
	o := Options{Now: testNow, BranchID: branchID(t, s, "计算机系教工党支部")}
	var out bytes.Buffer
	rep, err := Write(context.Background(), s, Roster, Word, &out, o)
	if err != nil || rep.Pages != 0 {
		t.Fatalf("Word: %v, %d pages", err, rep.Pages)
	}
	z, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	var body string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			body = string(b)
		}
	}
	plain := strings.ReplaceAll(body, string(layout.WordJoiner), "")
	r := build(t, s, Roster, o)
	for _, row := range tables(r.doc)[0].Rows {
		name := strings.ReplaceAll(row.Cells[1], string(layout.WordJoiner), "")
		if !strings.Contains(plain, name) || !strings.Contains(plain, row.Cells[7]) {
			t.Fatalf("the Word roster lacks %s or the date %s", name, row.Cells[7])
		}
	}
}
