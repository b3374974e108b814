package documents

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
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

// trainTable is the first table of part i of the ledger: 0 the
// activities, 1 the members' hours.
func trainTable(t *testing.T, r built, i int) *layout.Table {
	t.Helper()
	if r.parts() != 2 {
		t.Fatalf("%d parts, want the activities and the members' hours:\n%s", r.parts(), r.text)
	}
	for _, b := range r.doc.Parts[i].Blocks {
		if tb, ok := b.(*layout.Table); ok {
			return tb
		}
	}
	t.Fatalf("part %d has no table", i)
	return nil
}

// trainCells is a row's cells by column title, word joiners left out.
func trainCells(tb *layout.Table, row layout.Row) map[string]string {
	out := map[string]string{}
	for i, c := range tb.Columns {
		if i < len(row.Cells) {
			out[c.Title] = strings.ReplaceAll(row.Cells[i], string(layout.WordJoiner), "")
		}
	}
	return out
}

// trainMemberRows are the members' rows of the hours table by name.
func trainMemberRows(tb *layout.Table) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, row := range tb.Rows {
		if c := trainCells(tb, row); !row.Total && c["姓名"] != "" {
			out[c["姓名"]] = c
		}
	}
	return out
}

// TestTrainingActivitiesOneRowEach: the 学习培训活动登记 has one row per
// activity of the year (个人自学 left out), by date, with its attendees
// counted from the records, and a 合计 row.
func TestTrainingActivitiesOneRowEach(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Training, Options{})
	checkFrame(t, r, "学习培训台账")
	if r.doc.Parts[0].Subtitle != "（一）学习培训活动登记" || r.doc.Parts[1].Subtitle != "（二）党员学时登记" {
		t.Errorf("parts titled %q, %q", r.doc.Parts[0].Subtitle, r.doc.Parts[1].Subtitle)
	}
	sessions, err := s.Trainings.List(ctx, data.InYear("date", 2026))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{} // 日期 主题 → attendees
	activities, people := 0, 0
	for _, tr := range sessions {
		if tr.Form == "个人自学" {
			continue
		}
		atts, err := s.TrainingAttendees.List(ctx, data.Where("training_id", tr.ID))
		if err != nil {
			t.Fatal(err)
		}
		want[tr.Date.Format("2006.01.02")+" "+tr.Topic+" "+tr.Organizer] += len(atts)
		activities++
		people += len(atts)
	}
	tb := trainTable(t, r, 0)
	rows, last := 0, ""
	for _, row := range tb.Rows {
		c := trainCells(tb, row)
		if row.Total {
			if c["主题"] != fmt.Sprintf("%d次", activities) || c["参训人数"] != strconv.Itoa(people) {
				t.Errorf("合计 %v; want %d次 and %d", c, activities, people)
			}
			continue
		}
		rows++
		if c["形式"] == "个人自学" {
			t.Errorf("个人自学 listed as an activity: %v", c)
		}
		if c["日期"] < last {
			t.Errorf("%s after %s: not in date order", c["日期"], last)
		}
		last = c["日期"]
		key := c["日期"] + " " + c["主题"] + " " + c["主办单位"]
		n, ok := want[key]
		if !ok {
			t.Errorf("no such activity: %s", key)
		}
		if got, _ := strconv.Atoi(c["参训人数"]); got > n || n > 0 && got == 0 {
			t.Errorf("%s: %s attendees, the records list %d", key, c["参训人数"], n)
		}
	}
	if rows != activities {
		t.Errorf("%d rows, %d activities", rows, activities)
	}
	if !strings.Contains(r.text, fmt.Sprintf("共开展学习培训活动%d次", activities)) {
		t.Error("the number of activities is not stated")
	}
}

// TestTrainingActivitiesOfOneBranch: a branch's ledger lists the
// activities it held (主办单位 本支部) and those its members attended,
// counting its own members only.
func TestTrainingActivitiesOfOneBranch(t *testing.T) {
	sc := newScenario(t)
	ctx := context.Background()
	// A 集体学习 held by 第一党支部 that nobody was recorded at, and the
	// 第二党支部's members at a 培训班.
	own := &data.Training{Date: data.NewDate(2026, 4, 2), Hours: 2, Form: "集体学习", Topic: "支部集体学习", Organizer: scBranchA}
	if err := sc.s.Trainings.Create(ctx, own); err != nil {
		t.Fatal(err)
	}
	r := sc.render(t, Training, Options{BranchID: sc.a.ID})
	checkFrame(t, r, scBranchA+"学习培训台账")
	tb := trainTable(t, r, 0)
	got := map[string]map[string]string{}
	for _, row := range tb.Rows {
		if !row.Total {
			c := trainCells(tb, row)
			got[c["日期"]] = c
		}
	}
	// 10 March: 王建国, 张卫东 and 孙德胜 of 第一党支部, 周立新 of 第二.
	if c := got["2026.03.10"]; c == nil || c["参训人数"] != "3" {
		t.Errorf("the 培训班 of 10 March: %v, want 3 of the branch", c)
	}
	if c := got["2026.04.02"]; c == nil || c["主办单位"] != "本支部" || c["参训人数"] != "0" {
		t.Errorf("the branch's own 集体学习: %v", c)
	}
	// 15 June and 20 August: only 第二党支部's members.
	for _, d := range []string{"2026.06.15", "2026.08.20", "2026.07.01"} {
		if got[d] != nil {
			t.Errorf("%s is listed in 第一党支部's ledger: %v", d, got[d])
		}
	}
	if len(got) != 2 {
		t.Errorf("%d activities, want 2", len(got))
	}
}

// TestTrainingHoursAreTheCalculators: every member on the rolls has one
// line with the calculator's hours, the hours required, 达标 or 差N学时
// and the 个人自学 apart; branches in order, members in 姓氏笔画 order.
func TestTrainingHoursAreTheCalculators(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Training, Options{})
	fig, err := s.Figures(context.Background(), 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	tb := trainTable(t, r, 1)
	rows := trainMemberRows(tb)
	unique := ledgerUniqueNames(t, s)
	kinds := map[string]int{}
	for _, h := range fig.TrainingHours() {
		if !unique[h.Member.Name] {
			continue
		}
		c := rows[h.Member.Name]
		if c == nil {
			t.Fatalf("%s has no line", h.Member.Name)
		}
		verdict, required := "达标", strconv.Itoa(h.Required)
		switch {
		case !h.Checked:
			verdict, required = "不作要求", ""
			kinds["free"]++
		case h.Short():
			verdict = "差" + trainHoursText(float64(h.Required)-h.Hours) + "学时"
			kinds["short"]++
		default:
			kinds["met"]++
		}
		self := ""
		if h.Uncounted > 0 {
			self = trainHoursText(h.Uncounted)
			kinds["self"]++
		}
		committee := ""
		if h.Committee {
			committee = "是"
			kinds["committee"]++
		}
		if c["集中学时"] != trainHoursText(h.Hours) || c["要求学时"] != required || c["是否达标"] != verdict ||
			c["个人自学（不计入）"] != self || c["班子成员"] != committee || c["党员类别"] != string(h.Member.Category) {
			t.Errorf("%s: %v; want %s学时 of %s, %s, 个人自学 %q, 班子成员 %q", h.Member.Name, c, trainHoursText(h.Hours), required,
				verdict, self, committee)
		}
		if h.Checked && h.Months < 12 {
			kinds["prorated"]++
			if c["备注"] != fmt.Sprintf("%d月起折算", 13-h.Months) {
				t.Errorf("%s: 备注 %q", h.Member.Name, c["备注"])
			}
		}
	}
	for _, k := range []string{"met", "short", "self", "committee", "prorated"} {
		if kinds[k] == 0 {
			t.Errorf("the demo should have members of every kind; %v", kinds)
		}
	}
	lines := 0
	for _, row := range tb.Rows {
		if !row.Total {
			lines++
		}
	}
	if lines != len(fig.TrainingHours()) {
		t.Errorf("%d lines, %d members on the rolls", lines, len(fig.TrainingHours()))
	}
	// The branch is named on its first line only; lines follow the
	// branches' order and, within one, 姓氏笔画 order.
	var branches []string
	for _, row := range tb.Rows {
		if b := row.Cells[0]; b != "" {
			branches = append(branches, b)
		}
	}
	refs, _ := s.BranchRefs(context.Background())
	var want []string
	for _, b := range refs {
		want = append(want, b.Label)
	}
	if strings.Join(branches, " ") != strings.Join(want, " ") {
		t.Errorf("branches %v, want %v", branches, want)
	}
	for _, want := range []string{"党员每年应完成32学时", "应完成56学时", "合计：登记党员", "各党支部学时达标情况"} {
		if !strings.Contains(r.text, want) {
			t.Errorf("%q is not said", want)
		}
	}
}

// TestTrainingHoursFollowTheSettings: the hours required and whether
// 个人自学 counts are the settings', not fixed: with 40 学时 and 个人自学
// counted, the 个人自学 column goes and its hours are in the total.
func TestTrainingHoursFollowTheSettings(t *testing.T) {
	sc := newScenario(t)
	ctx := context.Background()
	before := trainMemberRows(trainTable(t, sc.render(t, Training, Options{}), 1))
	if c := before[scSteady]; c["集中学时"] != "8" || c["个人自学（不计入）"] != "3" || c["是否达标"] != "差24学时" {
		t.Errorf("%s by default: %v", scSteady, c)
	}
	for k, v := range map[string]string{"train.hours": "40", "train.self_study": "是"} {
		if err := sc.s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	r := sc.render(t, Training, Options{})
	tb := trainTable(t, r, 1)
	if column(tb, "个人自学（不计入）") >= 0 {
		t.Error("the 个人自学 column is printed though it counts")
	}
	c := trainMemberRows(tb)[scSteady]
	if c["集中学时"] != "11" || c["要求学时"] != "40" || c["是否达标"] != "差29学时" {
		t.Errorf("%s with 40 学时 and 个人自学 counted: %v", scSteady, c)
	}
	if !strings.Contains(r.text, "党员每年应完成40学时") || !strings.Contains(r.text, "各类学习培训（含个人自学）") {
		t.Error("the basis does not follow the settings")
	}
}

// TestTrainingLedgerFollowsTheCalculator: a member transferred in is
// required hours from the month of arrival, one admitted within the year
// from the month of admission; one transferred out is not listed.
func TestTrainingLedgerFollowsTheCalculator(t *testing.T) {
	sc := newScenario(t)
	rows := trainMemberRows(trainTable(t, sc.render(t, Training, Options{}), 1))
	if len(rows) != 5 {
		t.Errorf("%d members, want the 5 on the rolls", len(rows))
	}
	for _, c := range []struct {
		name, required, note string
	}{{scArrived, "22", "5月起折算"}, {scAdmitted, "27", "3月起折算"}, {scSteady, "32", ""}} {
		if got := rows[c.name]; got["要求学时"] != c.required || got["备注"] != c.note {
			t.Errorf("%s: %v, want %s required, 备注 %q", c.name, got, c.required, c.note)
		}
	}
	if rows[scLeft] != nil {
		t.Errorf("%s, transferred out, is listed", scLeft)
	}
}

// A member credited 0 学时 gets the session's hours; a member with no
// training still gets a line, with 0 and the hours missing.
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
	rows := trainMemberRows(trainTable(t, r, 1))
	if c := rows["甲某某"]; c["集中学时"] != "6" || c["是否达标"] != "差26学时" {
		t.Errorf("甲某某: %v", c)
	}
	if c := rows["乙某某"]; c["集中学时"] != "0" || c["是否达标"] != "差32学时" {
		t.Errorf("乙某某: %v", c)
	}
	acts := trainTable(t, r, 0)
	if len(acts.Rows) != 2 || trainCells(acts, acts.Rows[0])["参训人数"] != "1" {
		t.Errorf("activities: %v", acts.Rows)
	}
}

func TestTrainingLedgerEmpty(t *testing.T) {
	r := build(t, ledgerEmptyStore(t), Training, Options{})
	if r.parts() != 1 || !strings.Contains(r.text, "没有在册党员") {
		t.Errorf("an empty ledger does not say so:\n%s", r.text)
	}
}

// TestLedgerGroupsCarryTheirLabel: a branch's lines in the 党员学时登记 and
// a month's rows in the 组织生活台账 name the branch or month on their first
// row only, in a column marked Carry, so that the renderer repeats the
// label on the first row of each further page the group runs onto.
func TestLedgerGroupsCarryTheirLabel(t *testing.T) {
	s := demoStore(t)
	for k, title := range map[Kind]string{Training: "所在支部", Meetings: "月份"} {
		r := build(t, s, k, Options{BranchID: branchID(t, s, "计算机系教工党支部")})
		var tb *layout.Table
		for _, x := range tables(r.doc) {
			if column(x, title) == 0 {
				tb = x
				break
			}
		}
		if tb == nil || !tb.Columns[0].Carry {
			t.Fatalf("%s: the %s column does not carry its label", k, title)
		}
		blank := 0
		for _, row := range tb.Rows {
			if row.Cells[0] == "" {
				blank++
			}
		}
		if blank == 0 || blank == len(tb.Rows) {
			t.Errorf("%s: %d of %d rows without a label", k, blank, len(tb.Rows))
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

// TestTrainingLedgerPDF: the demo's ledger prints on a few pages (it took
// 141 when every activity was repeated under each member), and reads back
// with its two parts, each numbered by itself, and a member's shortfall.
func TestTrainingLedgerPDF(t *testing.T) {
	s := demoStore(t)
	var buf bytes.Buffer
	rep, err := Write(context.Background(), s, Training, PDF, &buf, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages > 20 {
		t.Errorf("%d pages", rep.Pages)
	}
	path := filepath.Join(t.TempDir(), "training.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	fig, err := s.Figures(context.Background(), 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	short := ""
	for _, h := range fig.TrainingHours() {
		if h.Short() {
			short = trainVerdict(h)
			break
		}
	}
	for _, want := range []string{"学习培训台账", "（一）学习培训活动登记", "（二）党员学时登记", "共开展学习培训活动", "个人自学学时单列，不计入集中学时", short, "第1页共",
		"各党支部学时达标情况", "填表人：", "审核人："} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the PDF", want)
		}
	}
	if strings.Count(text, "第1页共") != 2 {
		t.Errorf("the two parts are not numbered each by itself")
	}
}
