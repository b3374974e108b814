package documents

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWriteEveryDocumentAsPDF: every document of the demo organization is
// written as a PDF that poppler reads, with its title.
func TestWriteEveryDocumentAsPDF(t *testing.T) {
	s := demoStore(t)
	for _, k := range Kinds {
		var buf bytes.Buffer
		rep, err := Write(context.Background(), s, k, PDF, &buf, Options{Now: testNow, BranchID: branchID(t, s, "计算机系教工党支部")})
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if rep.Pages == 0 || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
			t.Fatalf("%s: %d pages, %d bytes", k, rep.Pages, buf.Len())
		}
		path := filepath.Join(t.TempDir(), string(k)+".pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v (poppler-utils is installed by scripts/deps.sh)", err)
		}
		if !strings.Contains(string(out), Title(k)) {
			t.Errorf("%s: the title is not in the PDF", k)
		}
	}
}

// TestUnprintableCharacterIsReportedByRecord: a name with a character no
// bundled face has is printed (as the font's empty box), not refused, and
// the report names the member's record and the character, so that it can
// be written in by hand.
func TestUnprintableCharacterIsReportedByRecord(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	m := formMember(t, s, b, "王\uE000", 1)
	m.StaffNo = "2020001"
	if err := s.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep, err := Write(ctx, s, Roster, PDF, &out, Options{Now: testNow})
	if err != nil || out.Len() == 0 {
		t.Fatalf("roster with a private-use character: %v, %d bytes", err, out.Len())
	}
	want := "测试党支部 王\uE000(2020001)"
	found := false
	for _, x := range rep.Missing {
		if x.Record == want && slices.Contains(x.Chars, '\uE000') {
			found = true
		}
	}
	if !found {
		t.Errorf("missing characters %+v, want the record %q", rep.Missing, want)
	}
	if text := rep.MissingText(); !strings.Contains(text, want+"：\uE000(U+E000)") {
		t.Errorf("the message %q does not name the record and the character with its code point", text)
	}
}

// TestNothingWrittenWhenCancelled: a document cancelled while it is being
// made writes nothing.
func TestNothingWrittenWhenCancelled(t *testing.T) {
	s := demoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	_, err := Write(ctx, s, Roster, PDF, &out, Options{Now: testNow, Progress: func(int, int) { cancel() }})
	if err == nil || out.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes written", err, out.Len())
	}
}
