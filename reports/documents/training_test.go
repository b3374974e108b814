package documents

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/rules"
)

// ledgerUniqueNames returns the names borne by exactly one member of the
// store, so a test can find a member's row by name.
func ledgerUniqueNames(t *testing.T, s *data.Store) map[string]bool {
	t.Helper()
	members, err := s.Members.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, m := range members {
		n[m.Name]++
	}
	out := map[string]bool{}
	for name, c := range n {
		if c == 1 {
			out[name] = true
		}
	}
	return out
}

// ledgerLines splits pdftotext output into lines with trailing spaces
// trimmed.
func ledgerLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// trainTotalLine returns the 合计 line that closes the training rows of the
// member whose first row starts with name, with the lines a wrapped cell
// continues on appended.
func trainTotalLine(t *testing.T, text, name string) string {
	t.Helper()
	lines := ledgerLines(text)
	for i, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), name+" ") {
			continue
		}
		for j, l := range lines[i+1:] {
			if strings.Contains(l, "合计") && strings.Contains(l, "集中学习") {
				// A wrapped 合计 cell continues on indented lines.
				for _, next := range lines[i+j+2:] {
					if !strings.HasPrefix(next, " ") || strings.TrimSpace(next) == "" {
						break
					}
					l += " " + strings.TrimSpace(next)
				}
				return l
			}
		}
	}
	t.Fatalf("no training rows for %s", name)
	return ""
}

// trainHoursOf sums a member's hours of the year from the store: counted
// (every form but 个人自学) and 个人自学.
func trainHoursOf(t *testing.T, s *data.Store, memberID string, year int) (counted, self float64) {
	t.Helper()
	ctx := context.Background()
	sessions, err := s.Trainings.List(ctx, data.InYear("date", year))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]data.Training{}
	for _, tr := range sessions {
		byID[tr.ID] = tr
	}
	atts, err := s.TrainingAttendees.List(ctx, data.Where("member_id", memberID))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range atts {
		tr, ok := byID[string(a.TrainingID)]
		if !ok {
			continue
		}
		h := a.Hours
		if h == 0 {
			h = tr.Hours
		}
		if tr.Form == "个人自学" {
			self += h
		} else {
			counted += h
		}
	}
	return counted, self
}

func TestTrainingLedgerTotalsAgainstTheRules(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Training, Options{})
	checkFrame(t, r, "学习培训台账")
	if !strings.Contains(r.text, "党员每年应完成32学时") || !strings.Contains(r.text, "应完成56学时") {
		t.Error("the 32 and 56 学时 requirements are not stated")
	}
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.Active() && !strings.Contains(r.text, m.Name) {
			t.Fatalf("member %s missing from the ledger", m.Name)
		}
	}

	findings, err := s.Check(ctx, 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	unique := ledgerUniqueNames(t, s)
	required := regexp.MustCompile(`不足(\d+)学时`)
	flagged := 0
	checked := map[string]bool{}
	for _, f := range findings {
		if f.Rule != "TRAIN-32" && f.Rule != "TRAIN-56" {
			continue
		}
		flagged++
		if !unique[f.Member] {
			continue
		}
		counted, _ := trainHoursOf(t, s, f.MemberID, 2026)
		want := fmt.Sprintf("集中学习%s学时，应完成%s学时", trainHoursText(counted), required.FindStringSubmatch(f.Detail)[1])
		line := trainTotalLine(t, r.text, f.Member)
		if !strings.Contains(line, want) || !strings.Contains(line, " 不足") {
			t.Errorf("%s (%s): total line %q, want %q and 不足", f.Member, f.Detail, line, want)
		}
		switch {
		case f.Rule == "TRAIN-56":
			checked["56"] = true
			if !strings.Contains(line, "班子成员") {
				t.Errorf("%s: %q does not say 班子成员", f.Member, line)
			}
		case strings.Contains(f.Detail, "折算"):
			checked["prorated"] = true
			if !strings.Contains(line, "月起折算") {
				t.Errorf("%s: %q does not say it is prorated", f.Member, line)
			}
		default:
			checked["32"] = true
			if !strings.Contains(line, "应完成32学时") {
				t.Errorf("%s: %q is not against 32", f.Member, line)
			}
		}
	}
	if !checked["32"] || !checked["56"] || !checked["prorated"] {
		t.Errorf("the demo should have flagged members of every kind; checked %v", checked)
	}
	// Exactly the members the rules flag are marked 不足.
	marked := 0
	for _, l := range ledgerLines(r.text) {
		if strings.Contains(l, "合计") && strings.HasSuffix(l, " 不足") {
			marked++
		}
	}
	if marked != flagged {
		t.Errorf("%d members marked 不足, the rules flag %d", marked, flagged)
	}
}

func TestTrainingLedgerLeavesSelfStudyOut(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	self, err := s.Trainings.List(ctx, data.InYear("date", 2026), data.Where("form", "个人自学"))
	if err != nil || len(self) == 0 {
		t.Fatalf("the demo has no 个人自学 (%v)", err)
	}
	unique := ledgerUniqueNames(t, s)
	r := build(t, s, Training, Options{})
	for _, tr := range self {
		atts, err := s.TrainingAttendees.List(ctx, data.Where("training_id", tr.ID))
		if err != nil || len(atts) == 0 {
			t.Fatal(err)
		}
		m, err := s.Members.Get(ctx, string(atts[0].MemberID))
		if err != nil {
			t.Fatal(err)
		}
		if !m.Active() || !unique[m.Name] {
			continue
		}
		counted, selfHours := trainHoursOf(t, s, m.ID, 2026)
		line := trainTotalLine(t, r.text, m.Name)
		want := fmt.Sprintf("集中学习%s学时，", trainHoursText(counted))
		wantSelf := fmt.Sprintf("另有个人自学%s学时不计入", trainHoursText(selfHours))
		// The cell wraps: drop the spaces and the 学时 and 状态 columns
		// pdftotext puts between its lines.
		cell := strings.ReplaceAll(regexp.MustCompile(`\s+[\d.]+\s+(达标|不足)`).ReplaceAllString(line, ""), " ", "")
		if !strings.Contains(line, want) || !strings.Contains(cell, wantSelf) {
			t.Errorf("%s: total %q, want %q and %q", m.Name, line, want, wantSelf)
		}
		if !strings.Contains(r.text, tr.Topic) {
			t.Errorf("%s: the 个人自学 %q is not listed", m.Name, tr.Topic)
		}
		return
	}
	t.Fatal("no 个人自学 of a member with a unique name")
}

func TestTrainingLedgerOneBranch(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Training, Options{BranchID: branchID(t, s, "计算机系教工党支部")})
	checkFrame(t, r, "计算机系教工党支部学习培训台账")
	if strings.Contains(r.text, "软件工程系教工党支部(") {
		t.Error("another branch is in a one-branch ledger")
	}
}

// ledgerEmptyStore is a new organization with one branch and no members,
// whose records start in January 2025.
func ledgerEmptyStore(t *testing.T) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "e.db"), "空组织", "E")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetSetting(ctx, rules.RecordsSinceKey, "2025-01"); err != nil {
		t.Fatal(err)
	}
	if err := s.Branches.Create(ctx, &data.Branch{Name: "第一党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTrainingLedgerEmpty(t *testing.T) {
	r := build(t, ledgerEmptyStore(t), Training, Options{})
	if !strings.Contains(r.text, "没有在册党员") {
		t.Errorf("an empty ledger does not say so:\n%s", r.text)
	}
}

// A member credited 0 学时 gets the session's hours; a member with no
// training still gets a row and a 0 total.
func TestTrainingLedgerSessionHours(t *testing.T) {
	ctx := context.Background()
	s := ledgerEmptyStore(t)
	bs, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := bs[0]
	add := func(name, id string) *data.Member {
		m := &data.Member{BranchID: data.Ref(b.ID), Name: name, IDNumber: id, Category: "正式党员",
			PersonType: "在职教职工", JoinedDate: data.NewDate(2000, 7, 1)}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	a := add("甲某某", "110105198001010016")
	add("乙某某", "110105198001010024")
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 6, Form: "培训班", Topic: "春季轮训", Organizer: "二级党校"}
	if err := s.Trainings.Create(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if err := s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(a.ID)}); err != nil {
		t.Fatal(err)
	}
	r := build(t, s, Training, Options{Year: 2026})
	if line := trainTotalLine(t, r.text, "甲某某"); !strings.Contains(line, "集中学习6学时，应完成32学时") {
		t.Errorf("甲某某: %q", line)
	}
	if line := trainTotalLine(t, r.text, "乙某某"); !strings.Contains(line, "集中学习0学时") || !strings.HasSuffix(line, "不足") {
		t.Errorf("乙某某: %q", line)
	}
	if !strings.Contains(r.text, "本年度无学习培训记录") {
		t.Error("a member without training is not said to have none")
	}
}

// TestLedgerGroupsCarryTheirLabel: a member's rows in the 学习培训台账 and a
// month's rows in the 组织生活台账 name the member or month on their first
// row only, in a column marked Carry, so that the renderer repeats the
// label on the first row of each further page the group runs onto.
func TestLedgerGroupsCarryTheirLabel(t *testing.T) {
	s := demoStore(t)
	for k, title := range map[Kind]string{Training: "姓名", Meetings: "月份"} {
		r := build(t, s, k, Options{BranchID: branchID(t, s, "计算机系教工党支部")})
		ts := tables(r.doc)
		if len(ts) == 0 || column(ts[0], title) != 0 || !ts[0].Columns[0].Carry {
			t.Fatalf("%s: the %s column does not carry its label", k, title)
		}
		blank := 0
		for _, row := range ts[0].Rows {
			if row.Cells[0] == "" {
				blank++
			}
		}
		if blank == 0 || blank == len(ts[0].Rows) {
			t.Errorf("%s: %d of %d rows without a label", k, blank, len(ts[0].Rows))
		}
	}
}

// The long ledgers stop at the next check once the context is cancelled.
func TestLedgersStopWhenCancelled(t *testing.T) {
	s := demoStore(t)
	for _, k := range []Kind{Training, Meetings, Dues} {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		o := Options{Now: testNow, Progress: func(done, total int) {
			calls++
			cancel()
		}}
		_, err := Write(ctx, s, k, PDF, &bytes.Buffer{}, o)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", k, err)
		}
		if calls != 1 {
			t.Errorf("%s: progress reported %d times after the cancellation", k, calls)
		}
	}
}

// trainCheckHours checks every member's 合计 line against the calculator:
// the hours counted, the hours required (or none) and 不足 or 达标.
func trainCheckHours(t *testing.T, text string, hs []rules.MemberHours, unique map[string]bool) int {
	t.Helper()
	checked := 0
	for _, h := range hs {
		if unique != nil && !unique[h.Member.Name] {
			continue
		}
		line := trainTotalLine(t, text, h.Member.Name)
		want := fmt.Sprintf("集中学习%s学时，应完成%d学时", trainHoursText(h.Hours), h.Required)
		state := " 达标"
		switch {
		case !h.Checked:
			want, state = fmt.Sprintf("集中学习%s学时，不作学时要求", trainHoursText(h.Hours)), ""
		case h.Short():
			state = " 不足"
		}
		// The state follows the 学时 column on the first line of the total.
		if !strings.Contains(line, want) || state != "" && !strings.Contains(line, state) ||
			state == "" && (strings.Contains(line, " 达标") || strings.Contains(line, " 不足")) {
			t.Errorf("%s: total line %q, want %q and%q", h.Member.Name, line, want, state)
		}
		if h.Months < 12 && h.Checked && !strings.Contains(line, fmt.Sprintf("%d月起折算", 12-h.Months+1)) {
			t.Errorf("%s: %q does not say where prorating starts", h.Member.Name, line)
		}
		checked++
	}
	return checked
}

func TestTrainingLedgerHoursAreTheCalculators(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Training, Options{})
	fig, err := s.Figures(context.Background(), 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if n := trainCheckHours(t, r.text, fig.TrainingHours(), ledgerUniqueNames(t, s)); n < 100 {
		t.Errorf("only %d members checked", n)
	}
}

// TestTrainingLedgerFollowsTheCalculator: a member transferred in is
// required hours from the month of arrival, one admitted within the year
// from the month of admission; one transferred out is not listed.
func TestTrainingLedgerFollowsTheCalculator(t *testing.T) {
	sc := newScenario(t)
	r := sc.render(t, Training, Options{})
	hs := sc.figures(t).TrainingHours()
	if n := trainCheckHours(t, r.text, hs, nil); n != 5 {
		t.Errorf("%d members, want the 5 on the rolls", n)
	}
	for _, c := range []struct {
		name     string
		required int
	}{{scArrived, 22}, {scAdmitted, 27}, {scSteady, 32}} {
		line := trainTotalLine(t, r.text, c.name)
		if !strings.Contains(line, fmt.Sprintf("应完成%d学时", c.required)) {
			t.Errorf("%s: %q, want %d required", c.name, line, c.required)
		}
	}
	if strings.Contains(r.text, scLeft) {
		t.Errorf("%s, transferred out, is listed", scLeft)
	}
}
