package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// TestReportMemberFileAndStudyFile: `report member-file --member` prints
// that member's 党员档案 alone, with the records of the file; `report
// study-file` without --member prints every member's 学习管理档案, the one
// whose name has a character no face has among them (said on stderr).
func TestReportMemberFileAndStudyFile(t *testing.T) {
	db, idNumber := reportDB(t)
	ctx := context.Background()
	s, err := data.Open(ctx, db, data.WithClock(func() time.Time { return testToday }))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members.List(ctx, data.Where(data.ColIDNumber, idNumber))
	if err != nil || len(ms) != 1 {
		t.Fatal(err, len(ms))
	}
	if err := s.Rewards.Create(ctx, &data.Reward{MemberID: data.Ref(ms[0].ID), Title: "优秀共产党员", Level: "校级",
		Date: data.NewDate(2020, 7, 1)}); err != nil {
		t.Fatal(err)
	}
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 6, Form: "培训班", Topic: "党章专题"}
	if err := s.RecordTraining(ctx, tr, []string{ms[0].ID}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out := filepath.Join(t.TempDir(), "档案.pdf")
	code, stdout, errOut := run(t, "report", "member-file", "--db", db, "--out", out, "--member", idNumber)
	if code != ExitOK || !strings.Contains(stdout, "党员档案") {
		t.Fatalf("member-file: exit %d: %q %q", code, stdout, errOut)
	}
	text := pdfText(t, out)
	for _, want := range []string{"党员档案", "王甲", "优秀共产党员", "党章专题", "2005.07.01"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 党员档案 lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "李乙") {
		t.Errorf("another member in the 党员档案:\n%s", text)
	}

	out = filepath.Join(t.TempDir(), "学习档案.pdf")
	code, stdout, errOut = run(t, "report", "study-file", "--db", db, "--out", out, "--year", "2026")
	if code != ExitOK || !strings.Contains(stdout, "党员学习管理档案") {
		t.Fatalf("study-file: exit %d: %q %q", code, stdout, errOut)
	}
	text = pdfText(t, out)
	for _, want := range []string{"王甲", "李乙", "党章专题", "二级党校课程"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 学习管理档案 lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "U+E000") {
		t.Errorf("the character no face has is not told: %q", errOut)
	}
}
