package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// devReportDB is reportDB with an applicant, 孙丙, who applied on 1 March
// 2026, was talked to by 王甲 and became an 入党积极分子 on 1 April.
func devReportDB(t *testing.T) string {
	t.Helper()
	db, _ := reportDB(t)
	ctx := context.Background()
	s, err := data.Open(ctx, db, data.WithClock(func() time.Time { return testToday }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	refs, err := s.BranchRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var talker string
	err = s.Members.Each(ctx, func(m *data.Member) error {
		if m.Name == "王甲" {
			talker = m.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a := &data.Applicant{BranchID: data.Ref(refs[0].ID), Name: "孙丙", PersonType: string(vocab.PersonStudent),
		IDNumber: field.MakeIDNumber("420106", time.Date(2004, 5, 6, 0, 0, 0, 0, time.UTC), 7, true)}
	if err := s.Applicants.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*data.DevStep{
		{Step: string(vocab.StepApply), Date: data.NewDate(2026, 3, 1)},
		{Step: string(vocab.StepTalk), Date: data.NewDate(2026, 3, 10), PersonID: data.Ref(talker)},
		{Step: string(vocab.StepActivist), Date: data.NewDate(2026, 4, 1)},
	} {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(ctx, st); err != nil {
			t.Fatalf("%s: %v", st.Step, err)
		}
	}
	return db
}

// TestReportDevDocuments: --date is the day of the 花名册 of 发展党员,
// --from and --to the period of the 台账.
func TestReportDevDocuments(t *testing.T) {
	db := devReportDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"dev-activists"}, "孙丙", ""},
		{[]string{"dev-activists", "--date", "2026-03-31"}, "截至2026年3月31日没有入党积极分子。", "孙丙"},
		{[]string{"dev-ledger", "--from", "2026-01-01", "--to", "2026年6月30日"}, "2026年1月1日至2026年6月30日", ""},
		{[]string{"dev-ledger", "--from", "2025-01-01", "--to", "2025-12-31"}, "2025年度没有处在发展党员各阶段的人员。", "孙丙"},
		{[]string{"dev-filing"}, "发展党员备案表入党积极分子（2026年度）", ""},
	} {
		out := filepath.Join(dir, strings.Join(c.args, "_")+".pdf")
		args := append([]string{"report", c.args[0], "--db", db, "--out", out}, c.args[1:]...)
		code, _, errOut := run(t, args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut)
			continue
		}
		text := strings.Join(strings.Fields(pdfText(t, out)), "")
		if !strings.Contains(text, c.want) || c.not != "" && strings.Contains(text, c.not) {
			t.Errorf("%v: want %q, not %q, in:\n%s", c.args, c.want, c.not, text)
		}
	}
}

// TestReportDevPeriodMistakes: --from and --to only with a document over
// a period, as dates, in order.
func TestReportDevPeriodMistakes(t *testing.T) {
	db, _ := reportDB(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"roster", "--from", "2026-01-01"}, "--from 和 --to 只用于发展党员工作台账（dev-ledger）"},
		{[]string{"dev-activists", "--to", "2026-01-01"}, "只用于"},
		{[]string{"dev-ledger", "--from", "三月"}, "--from 的取值无效"},
		{[]string{"dev-ledger", "--from", "2026-06-01", "--to", "2026-01-01"}, "--to（2026-01-01）不能早于 --from（2026-06-01）"},
		{[]string{"dev-ledger", "--date", "2026-06-01"}, "--date 只用于"},
	} {
		args := append([]string{"report", c.args[0], "--db", db, "--out", out}, c.args[1:]...)
		code, _, errOut := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
	}
	code, usage, _ := run(t, "report", "-h")
	if code != ExitOK || !strings.Contains(usage, "--from 日期") || !strings.Contains(usage, "dev-ledger 发展党员工作台账") {
		t.Errorf("usage:\n%s", usage)
	}
}
