package data_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
)

// A database made this month with a pipeline whose steps are older: what
// falls due from the records' start on is this month's to-do; a deadline
// passed before the records begin is not reported.
func TestDevToDosOnADatabaseMadeToday(t *testing.T) {
	ctx := context.Background()
	s := newStore(t) // the records begin in fixedNow's month, 2026-11
	b := addBranch(t, s, "化学系学生党支部")
	due := addApplicant(t, s, b, "上官雅", 31)
	record(t, s, due, &data.DevStep{Step: string(vocab.StepApply), Date: data.NewDate(2026, 10, 29)})
	passed := addApplicant(t, s, b, "欧阳明", 32)
	record(t, s, passed, &data.DevStep{Step: string(vocab.StepApply), Date: data.NewDate(2026, 9, 20)})
	fs, err := s.Check(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if f.Rule.IsDev() && (f.ApplicantID == due.ID || f.ApplicantID == passed.ID) {
			got = append(got, f.Member+"|"+string(f.Rule)+"|"+map[bool]string{true: "待办"}[f.Due]+"|"+f.Detail)
		}
	}
	want := []string{"上官雅|DEV-TALK|待办|本月待办：2026年10月29日递交入党申请书，应于2026年11月29日前谈话"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
