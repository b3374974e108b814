package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// pipelineOf opens the 发展党员 board.
func pipelineOf(t *testing.T, u *UI, q *uiQueue) *pipelineScreen {
	t.Helper()
	openScreen(t, u, pipelineTitle)
	q.settle(u)
	s, ok := u.built["pipeline"].(*pipelineScreen)
	if !ok {
		t.Fatal("the board was not built")
	}
	return s
}

// recordStep records the next step on the person's page by tapping 记录下一步,
// choosing the step, typing its date and what set fills in, tapping 保存
// and, when the rules warn, 确认记录.
func recordStep(t *testing.T, u *UI, q *uiQueue, p *personPage, kind vocab.DevStep, date string, set func(f *stepForm)) {
	t.Helper()
	test.Tap(p.next)
	q.settle(u)
	f := p.stepForm
	if f == nil || f.dlg == nil {
		t.Fatalf("%s: no step form", kind)
	}
	offered := strings.Join(f.kind.Options, " ")
	if !strings.Contains(offered, string(kind)) {
		t.Fatalf("%s is not offered next: %s", kind, offered)
	}
	f.kind.SetSelected(string(kind))
	f.date.SetText("")
	test.Type(f.date, date)
	if set != nil {
		set(f)
	}
	test.Tap(f.save)
	q.settle(u)
	if f.confirm != nil {
		test.Tap(findButtonIn(t, u, "确认记录"))
		q.settle(u)
	}
	if f.message.Visible() {
		t.Fatalf("%s %s not recorded: %s", kind, date, f.message.Text)
	}
	if p.stepForm != f || f.open {
		t.Fatalf("%s: the form stayed open", kind)
	}
}

// pick types a name into a member picker and chooses the first match.
func pick(p *memberPicker, name string) {
	test.Type(p.entry, name)
	p.choose(0)
}

// TestAPersonGoesFromApplicationToFullMembership takes a person from
// 新增入党申请人 through every step to 转正 by tapping and typing: the
// member record appears with the applicant's data at the 党委's approval,
// then becomes a 正式党员.
func TestAPersonGoesFromApplicationToFullMembership(t *testing.T) {
	u, q := newTestUI(t)
	s := pipelineOf(t, u, q)
	test.Tap(findButton(t, u, "新增入党申请人"))
	q.settle(u)
	p := s.page
	if p == nil || !p.isNew {
		t.Fatal("no form of a new applicant")
	}
	birth := time.Date(2003, 9, 1, 0, 0, 0, 0, time.UTC)
	id := field.MakeIDNumber("110101", birth, 7, false)
	test.Type(p.form.inputs["name"].object.(*widget.Entry), "赵小满")
	p.form.inputs["branch_id"].object.(*widget.Select).SetSelected("学生第一党支部")
	test.Type(p.form.inputs["id_number"].object.(*widget.Entry), id)
	test.Type(p.form.inputs["staff_no"].object.(*widget.Entry), "2022001")
	test.Type(p.form.inputs["phone"].object.(*widget.Entry), "13900000000")
	if got := p.form.inputs["birth_date"].object.(*widget.Entry).Text; got != "2003-09-01" {
		t.Fatalf("出生日期 from the 公民身份号码: %q", got)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if p.form.problems() != "" {
		t.Fatalf("not saved: %s", p.form.problems())
	}
	p = s.page
	if p.isNew || p.person.Applicant.Name != "赵小满" {
		t.Fatal("the page of the new applicant did not open")
	}
	if len(s.all) != 1 || s.counts.n[len(s.counts.n)-1][0] != 1 {
		t.Fatalf("the board does not count the applicant: %+v", s.counts)
	}

	votes := func(eligible, present, yes string) func(f *stepForm) {
		return func(f *stepForm) {
			test.Type(f.votes[0], eligible)
			test.Type(f.votes[1], present)
			test.Type(f.votes[2], yes)
		}
	}
	two := func(f *stepForm) {
		pick(f.p1, "王建国")
		pick(f.p2, "李红梅")
	}
	steps := []struct {
		kind vocab.DevStep
		date string
		set  func(f *stepForm)
	}{
		{vocab.StepApply, "2023-09-10", nil},
		{vocab.StepTalk, "2023-09-25", func(f *stepForm) { pick(f.p1, "王建国") }},
		{vocab.StepActivist, "2023-10-20", nil},
		{vocab.StepActivistFiled, "2023-10-25", nil},
		{vocab.StepContacts, "2023-10-26", two},
		{vocab.StepReport, "2024-01-10", func(f *stepForm) { test.Type(f.content, "学习党章的体会") }},
		{vocab.StepReport, "2024-04-10", nil},
		{vocab.StepReview, "2024-04-20", func(f *stepForm) { pick(f.p1, "王建国") }},
		{vocab.StepReport, "2024-07-10", nil},
		{vocab.StepReport, "2024-10-10", nil},
		{vocab.StepReview, "2024-10-20", func(f *stepForm) { pick(f.p1, "李红梅") }},
		{vocab.StepCandidate, "2024-11-05", nil},
		{vocab.StepCandidateFiled, "2024-11-08", nil},
		{vocab.StepIntroducers, "2024-11-10", two},
		{vocab.StepVetting, "2024-12-01", nil},
		{vocab.StepTraining, "2024-12-02", func(f *stepForm) {
			test.Type(f.until, "2024-12-06")
			test.Type(f.hours, "24")
			test.Type(f.days, "5")
		}},
		{vocab.StepCommitteeReview, "2025-03-01", nil},
		{vocab.StepPreReview, "2025-03-10", nil},
		{vocab.StepPublicity, "2025-03-12", func(f *stepForm) { test.Type(f.until, "2025-03-19") }},
		{vocab.StepForm, "2025-03-25", func(f *stepForm) { test.Type(f.number, "0012345") }},
		{vocab.StepAdmitVote, "2025-04-10", votes("20", "18", "18")},
		{vocab.StepPartyTalk, "2025-04-20", func(f *stepForm) { pick(f.p1, "张伟") }},
	}
	for _, st := range steps {
		recordStep(t, u, q, p, st.kind, st.date, st.set)
	}
	if a, _ := u.store.Applicants.Get(context.Background(), p.person.Applicant.ID); a.MemberID != "" {
		t.Fatal("a member record before the 党委's approval")
	}
	recordStep(t, u, q, p, vocab.StepApproval, "2025-05-10", nil)
	f := p.stepForm
	if f.admitted == "" {
		t.Fatal("no word of the member record the approval made")
	}
	if !p.member.Visible() {
		t.Fatal("打开党员记录 is not offered on the page")
	}
	test.Tap(p.member)
	q.settle(u)
	if u.members == nil || u.members.dialog == nil {
		t.Fatal("the member record did not open")
	}
	m := u.members.dialog.rec
	if m.Name != "赵小满" || m.IDNumber != id || m.StaffNo != "2022001" || m.Phone != "13900000000" ||
		m.Category != string(vocab.CategoryProbation) || m.JoinedDate != data.NewDate(2025, 4, 10) {
		t.Fatalf("the member record made: %s %s %s %s %v", m.Name, m.StaffNo, m.Phone, m.Category, m.JoinedDate)
	}
	u.members.dialog.dlg.Hide()
	// 届满 on the anniversary of the 支部大会's vote, as the member's 转正日期.
	if got := p.stage.Text; !strings.Contains(got, string(vocab.StageProbation)) || !strings.Contains(got, "预备期2026-04-10届满") {
		t.Fatalf("stage on the page: %q", got)
	}
	rest := []struct {
		kind vocab.DevStep
		date string
		set  func(f *stepForm)
	}{
		{vocab.StepApprovalFiled, "2025-05-15", nil},
		{vocab.StepAssigned, "2025-05-16", nil},
		{vocab.StepOath, "2025-06-30", func(f *stepForm) { pick(f.p1, "王建国") }},
		{vocab.StepConfirmApply, "2026-03-20", nil},
		{vocab.StepConfirmVote, "2026-04-12", votes("21", "20", "20")},
		{vocab.StepConfirmApproval, "2026-05-20", func(f *stepForm) { f.outcome.SetSelected(string(vocab.OutcomeConfirmed)) }},
	}
	for _, st := range rest {
		recordStep(t, u, q, p, st.kind, st.date, st.set)
	}
	got, err := u.store.Members.Get(context.Background(), f.admitted)
	if err != nil {
		t.Fatal(err)
	}
	if got.Category != string(vocab.CategoryFull) || got.ConfirmedAt != data.NewDate(2026, 4, 10) {
		t.Fatalf("after 转正: %s %v", got.Category, got.ConfirmedAt)
	}
	if !strings.Contains(p.stage.Text, string(vocab.StageFull)) || len(p.lines) != len(steps)+len(rest)+1 {
		t.Fatalf("page after 转正: %q, %d lines", p.stage.Text, len(p.lines))
	}
	if !strings.Contains(p.lines[1], "谈话人：王建国") {
		t.Fatalf("the talk's line: %q", p.lines[1])
	}
}

// addApplicant stores an applicant of the test store with their
// 入党申请书 on applied.
func addApplicant(t *testing.T, s *data.Store, branch, name string, n int, applied data.Date) *data.Applicant {
	t.Helper()
	ctx := context.Background()
	birth := time.Date(2002, 1, 1+n, 0, 0, 0, 0, time.UTC)
	a := &data.Applicant{BranchID: data.Ref(branch), Name: name, PersonType: string(vocab.PersonStudent),
		IDNumber: field.MakeIDNumber("320102", birth, n%10, n%2 == 0), StaffNo: fmt.Sprintf("S%04d", n)}
	if err := s.Applicants.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordDevStep(ctx, &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepApply), Date: applied}); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestARefusedStepShowsTheRuleAndWritesNothing records 确定入党积极分子
// dated before the 入党申请书: the rules refuse it, the form names the
// rule, and no step is written.
func TestARefusedStepShowsTheRuleAndWritesNothing(t *testing.T) {
	u, q := newTestUI(t)
	a := addApplicant(t, u.store, branchID(t, u, "学生第一党支部"), "钱多多", 1, data.NewDate(2025, 3, 1))
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	p := s.page
	test.Tap(p.next)
	q.settle(u)
	f := p.stepForm
	f.kind.SetSelected(string(vocab.StepActivist))
	f.date.SetText("2025-02-20")
	test.Tap(f.save)
	q.settle(u)
	if f.confirm != nil {
		t.Fatal("a refused step asks for confirmation")
	}
	if !f.message.Visible() || !strings.Contains(f.message.Text, "（DEV-") || !f.open {
		t.Fatalf("the refusal does not name its rule: %q", f.message.Text)
	}
	steps, err := u.store.ApplicantSteps(context.Background(), a.ID)
	if err != nil || len(steps) != 1 {
		t.Fatalf("a refused step was written: %d steps, %v", len(steps), err)
	}
}

// TestABatchMakesTwelveApplicantsActivists checks 12 applicants on the
// board and records one 支委会 making them 入党积极分子; a 13th, who
// applied after that day, is refused and nothing is written for them.
func TestABatchMakesTwelveApplicantsActivists(t *testing.T) {
	u, q := newTestUI(t)
	b := branchID(t, u, "学生第一党支部")
	var ids []string
	for i := range 12 {
		a := addApplicant(t, u.store, b, fmt.Sprintf("学生%02d", i+1), i+1, data.NewDate(2024, 9, 1+i))
		ids = append(ids, a.ID)
	}
	late := addApplicant(t, u.store, b, "迟到者", 13, data.NewDate(2025, 4, 1))
	s := pipelineOf(t, u, q)
	if len(s.shown) != 13 {
		t.Fatalf("the board lists %d people", len(s.shown))
	}
	test.Tap(findButton(t, u, "全选"))
	if s.batch.Disabled() || !strings.Contains(s.batch.Text, "13人") {
		t.Fatalf("batch button: %q", s.batch.Text)
	}
	test.Tap(s.batch)
	q.settle(u)
	f := s.lastBatch.form
	if f.kind.Selected != string(vocab.StepTalk) && f.kind.Selected != string(vocab.StepActivist) {
		t.Fatalf("the batch offers %q first", f.kind.Selected)
	}
	f.kind.SetSelected(string(vocab.StepActivist))
	f.date.SetText("2025-03-01")
	test.Tap(f.save)
	q.settle(u)
	if f.confirm == nil {
		t.Fatalf("no confirmation of the batch: %q", f.message.Text)
	}
	test.Tap(findButtonIn(t, u, "确认记录"))
	q.settle(u)
	run := s.lastBatch
	if len(run.recorded) != 12 || len(run.refused) != 1 || !strings.HasPrefix(run.refused[0], "迟到者：") ||
		!strings.Contains(run.refused[0], "DEV-") {
		t.Fatalf("batch summary: %s", run.summary)
	}
	ctx := context.Background()
	for _, id := range ids {
		p, err := u.store.PipelinePersonOf(ctx, id)
		if err != nil || rules.StageOf(p.Person.Steps) != vocab.StageActivist {
			t.Fatalf("%s not an 入党积极分子: %v", p.Applicant.Name, err)
		}
	}
	if steps, _ := u.store.ApplicantSteps(ctx, late.ID); len(steps) != 1 {
		t.Fatalf("the refused person has %d steps", len(steps))
	}
	if n := s.counts.n[len(s.counts.n)-1][vocab.StageActivist.Rank()]; n != 12 {
		t.Fatalf("the board counts %d 入党积极分子", n)
	}
	// A cell of the counts filters the list.
	s.filterByCell(len(s.counts.rows)-1, vocab.StageApplicant.Rank()+1)
	if len(s.shown) != 1 || s.shown[0].name != "迟到者" {
		t.Fatalf("the 入党申请人 cell lists %d", len(s.shown))
	}
}

// TestTheVersionChooserChangesTheRulesInForce adds a version in 设置 (a
// copy of 2014 with six months as 入党积极分子) and chooses it.
func TestTheVersionChooserChangesTheRulesInForce(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "设置")
	q.settle(u)
	d := u.settings.dev
	if !strings.Contains(d.choose.Selected, rules.DevVersion2014) || !strings.Contains(d.values.Text, "收到入党申请书后按期谈话：") {
		t.Fatalf("version shown %q, values %q", d.choose.Selected, d.values.Text)
	}
	test.Tap(d.add)
	f := d.adding
	test.Type(f.name, "2026试行")
	f.title.SetText("《发展党员工作细则（修订）》")
	f.since.SetText("2020-01-01")
	for i, def := range rules.DevParamDefs {
		if def.Key == "activist_months" {
			f.params[i].SetText("100")
			test.Tap(f.save)
			if !strings.Contains(f.message.Text, "入党积极分子最短培养期") {
				t.Fatalf("a value out of bounds: %q", f.message.Text)
			}
			f.params[i].SetText("6")
		}
	}
	test.Tap(f.save)
	q.settle(u)
	if f.open {
		t.Fatalf("not saved: %s", f.message.Text)
	}
	label := ""
	for _, o := range d.choose.Options {
		if strings.HasPrefix(o, "2026试行") {
			label = o
		}
	}
	if label == "" {
		t.Fatalf("the new version is not offered: %q", d.choose.Options)
	}
	d.choose.SetSelected(label)
	q.settle(u)
	if in, _ := u.store.DevRules(context.Background()); in.Version != rules.DevVersion2014 {
		t.Fatalf("chosen in the list without being confirmed: %s in force", in.Version)
	}
	test.Tap(findButtonIn(t, u, "选用"))
	q.settle(u)
	in, err := u.store.DevRules(context.Background())
	if err != nil || in.Version != "2026试行" || in.Params.ActivistMonths != 6 || in.Params.TalkMonths != 1 {
		t.Fatalf("rules in force: %+v %v", in, err)
	}
	if !strings.Contains(d.values.Text, "入党积极分子最短培养期（月）：6") {
		t.Fatalf("values shown: %q", d.values.Text)
	}
	if u.settings.rules.entries[rules.DevRulesSetting].Text != "2026试行" {
		t.Fatal("the 规则设置 form would save the old version back")
	}
}

// TestTheDashboardListsThisMonthsDevToDos: an application a month old with
// no talk is a to-do of this month on the 工作台 and on the board; its line
// opens the person's page, not a member.
func TestTheDashboardListsThisMonthsDevToDos(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	store, err := data.Create(ctx, filepath.Join(t.TempDir(), "dev.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	b := &data.Branch{Name: "学生第一党支部", Type: "学生"}
	if err := store.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	// The records begin before the application (else the talk is not owed
	// within them).
	if err := store.SetSetting(ctx, rules.RecordsSinceKey, "2020-01"); err != nil {
		t.Fatal(err)
	}
	a := addApplicant(t, store, b.ID, "孙晓", 3, data.NewDate(2026, 5, 20))
	u, q := newTestUIFor(t, store)
	openScreen(t, u, "工作台")
	q.settle(u)
	d := dashboardOf(t, u)
	var card *todoList
	for _, c := range d.todos {
		if c.kind.title == "发展党员待办" {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card of the 发展党员 to-dos")
	}

	if len(card.items) != 1 || card.items[0].applicantID != a.ID || !strings.HasPrefix(card.items[0].text, "孙晓") ||
		strings.Contains(card.items[0].text, "本月待办") {
		t.Fatalf("the card lists %+v", card.items)
	}
	card.list.Select(0)
	q.settle(u)
	s, ok := u.built["pipeline"].(*pipelineScreen)
	if !ok || s.page == nil || s.page.person.Applicant.ID != a.ID {
		t.Fatal("the to-do did not open the person's page")
	}
	if u.members != nil && u.members.dialog != nil {
		t.Fatal("the to-do opened a member")
	}
	s = pipelineOf(t, u, q)
	if !strings.Contains(s.due[a.ID], "谈话") || strings.Contains(s.due[a.ID], "本月待办") {
		t.Fatalf("the board's 本月待办: %q", s.due[a.ID])
	}
	s.openPerson(a.ID)
	q.settle(u)
	if n := strings.Count(s.page.stage.Text, "本月待办"); n != 1 {
		t.Fatalf("the person's page says 本月待办 %d times: %q", n, s.page.stage.Text)
	}
}

// TestAWarnedStepIsRecordedOnlyWhenConfirmed: a talk two months after the
// 入党申请书 is late (DEV-TALK warns); 取消 writes nothing, 确认记录
// records it.
func TestAWarnedStepIsRecordedOnlyWhenConfirmed(t *testing.T) {
	u, q := newTestUI(t)
	a := addApplicant(t, u.store, branchID(t, u, "学生第一党支部"), "周晚", 2, data.NewDate(2025, 3, 1))
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	p := s.page
	test.Tap(p.next)
	q.settle(u)
	f := p.stepForm
	if f.kind.Selected != string(vocab.StepTalk) {
		t.Fatalf("the step offered first is %q", f.kind.Selected)
	}
	f.date.SetText("2025-05-01")
	pick(f.p1, "王建国")
	test.Tap(f.save)
	q.settle(u)
	if f.confirm == nil {
		t.Fatalf("no warning to confirm: %q", f.message.Text)
	}
	test.Tap(f.cancel)
	q.settle(u)
	ctx := context.Background()
	if steps, _ := u.store.ApplicantSteps(ctx, a.ID); len(steps) != 1 {
		t.Fatalf("取消 wrote the step: %d steps", len(steps))
	}
	test.Tap(f.save)
	q.settle(u)
	if f.confirm == nil {
		t.Fatal("no warning the second time")
	}
	test.Tap(findButtonIn(t, u, "确认记录"))
	q.settle(u)
	if steps, _ := u.store.ApplicantSteps(ctx, a.ID); len(steps) != 2 || f.open {
		t.Fatalf("确认记录 did not record the talk: %d steps", len(steps))
	}
}

// TestDeletingAPersonTakesTheirStepsToTheTrash: 删除此人 deletes the
// applicant with their steps; restored, both come back.
func TestDeletingAPersonTakesTheirStepsToTheTrash(t *testing.T) {
	u, q := newTestUI(t)
	a := addApplicant(t, u.store, branchID(t, u, "学生第一党支部"), "吴删", 4, data.NewDate(2025, 3, 1))
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	test.Tap(findButtonIn(t, u, "删除此人…"))
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	ctx := context.Background()
	if n, _ := u.store.Applicants.Count(ctx); n != 0 || len(s.all) != 0 {
		t.Fatalf("%d applicants left, the board lists %d", n, len(s.all))
	}
	if n, _ := u.store.DevSteps.Count(ctx); n != 0 {
		t.Fatalf("%d steps left", n)
	}
	if err := u.store.Applicants.Restore(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if steps, _ := u.store.ApplicantSteps(ctx, a.ID); len(steps) != 1 {
		t.Fatalf("restored with %d steps", len(steps))
	}
}

// TestATrainedActivistIsOfferedTheCandidacy records a 集中培训 for an
// 入党积极分子 (the rules allow it): 确定发展对象 is still offered, and the
// step preselected is one the order of the 细则 allows.
func TestATrainedActivistIsOfferedTheCandidacy(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	a := addApplicant(t, u.store, branchID(t, u, "学生第一党支部"), "孙培训", 2, data.NewDate(2024, 3, 1))
	for _, st := range []data.DevStep{
		{Step: string(vocab.StepTalk), Date: data.NewDate(2024, 3, 15)},
		{Step: string(vocab.StepActivist), Date: data.NewDate(2024, 5, 1)},
		{Step: string(vocab.StepTraining), Date: data.NewDate(2024, 6, 1), Hours: 24, Days: 3},
	} {
		st.ApplicantID = data.Ref(a.ID)
		if issues, err := u.store.RecordDevStep(ctx, &st); err != nil {
			t.Fatalf("%s: %v %v", st.Step, err, issues)
		}
	}
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	test.Tap(s.page.next)
	q.settle(u)
	f := s.page.stepForm
	if !slices.Contains(f.kind.Options, string(vocab.StepCandidate)) {
		t.Fatalf("确定发展对象 not offered: %v", f.kind.Options)
	}
	if f.kind.Selected == string(vocab.StepVetting) || f.kind.Selected == "" {
		t.Fatalf("preselected %q", f.kind.Selected)
	}
}

// TestABatchNobodyCanTakeListsThemInADialog records a step for people
// the rules all refuse: the form keeps one line and the refusals are
// listed in a scrolling dialog, nothing written.
func TestABatchNobodyCanTakeListsThemInADialog(t *testing.T) {
	u, q := newTestUI(t)
	b := branchID(t, u, "学生第一党支部")
	for i := range 3 {
		addApplicant(t, u.store, b, fmt.Sprintf("学生%02d", i+1), i+1, data.NewDate(2025, 4, 1+i))
	}
	s := pipelineOf(t, u, q)
	test.Tap(findButton(t, u, "全选"))
	test.Tap(s.batch)
	q.settle(u)
	f := s.lastBatch.form
	if f.who == nil || f.who.Text != "为以下3人记录：学生01、学生02、学生03" {
		t.Fatalf("the batch form does not list the people checked: %v", f.who)
	}
	f.kind.SetSelected(string(vocab.StepActivist))
	f.date.SetText("2025-03-01")
	test.Tap(f.save)
	q.settle(u)
	if f.confirm != nil || f.refusals == nil {
		t.Fatalf("no list of the refusals: %q", f.message.Text)
	}
	if strings.Contains(f.message.Text, "\n") || strings.Contains(f.message.Text, "学生01") {
		t.Fatalf("the form lists the refusals: %q", f.message.Text)
	}
	if !strings.Contains(f.refusals.Text, "学生03：") || !strings.Contains(f.refusals.Text, "DEV-") {
		t.Fatalf("refusals: %q", f.refusals.Text)
	}
}

// TestARuleIDIsNotBrokenWhenWrapped lays a refusal out in narrow
// wrapped text: 「（DEV-QUORUM）」 stays on one line.
func TestARuleIDIsNotBrokenWhenWrapped(t *testing.T) {
	text := issueText([]rules.StepIssue{{Rule: vocab.RuleDevQuorum, Refuse: true,
		Text: "支部大会应到会有表决权的正式党员10人，实到5人，未超过半数，不能讨论接收预备党员"}})
	for width := float32(150); width < 480; width += 6 {
		rt := widget.NewRichTextWithText(text)
		rt.Wrapping = fyne.TextWrapWord
		rt.Resize(fyne.NewSize(width, 400))
		var rows []string
		for _, o := range test.WidgetRenderer(rt).Objects() {
			if tx, ok := o.(*canvas.Text); ok {
				rows = append(rows, tx.Text)
			}
		}
		if len(rows) < 2 {
			t.Fatalf("width %v: not wrapped: %q", width, rows)
		}
		for _, row := range rows {
			if strings.Contains(row, "DEV") != strings.Contains(row, "（DEV-QUORUM）") {
				t.Fatalf("width %v: the rule id is broken: %q", width, rows)
			}
		}
	}
}

// TestTheStepFormForgetsARefusalAndAsksBeforeDroppingVotes: choosing
// another step hides the refusal said of the one before; 取消 after typing
// votes asks 放弃未保存的修改？, and closes at once when nothing was typed.
func TestTheStepFormForgetsARefusalAndAsksBeforeDroppingVotes(t *testing.T) {
	u, q := newTestUI(t)
	a := addApplicant(t, u.store, branchID(t, u, "学生第一党支部"), "赵取消", 3, data.NewDate(2025, 3, 1))
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	test.Tap(s.page.next)
	q.settle(u)
	f := s.page.stepForm
	f.kind.SetSelected(string(vocab.StepActivist))
	f.date.SetText("2025-02-20")
	test.Tap(f.save)
	q.settle(u)
	if !f.message.Visible() {
		t.Fatal("no refusal")
	}
	f.kind.SetSelected(string(vocab.StepTalk))
	if f.message.Visible() {
		t.Fatalf("the refusal stays after the step changed: %q", f.message.Text)
	}
	f.date.SetText(f.saved[:strings.IndexByte(f.saved, 0)])
	f.votes[0].SetText("12")
	test.Tap(f.cancel)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("取消 dropped the typed votes without asking")
	}
	test.Tap(findButtonIn(t, u, "放弃修改"))
	q.settle(u)

	test.Tap(s.page.next)
	q.settle(u)
	f = s.page.stepForm
	test.Tap(f.cancel)
	if showing(u, "放弃未保存的修改？") || f.open {
		t.Fatal("取消 of an untouched form asks")
	}
}

// TestAnEmptyTimelineSaysWhatToDo: a person with no step says to tap
// 记录下一步.
func TestAnEmptyTimelineSaysWhatToDo(t *testing.T) {
	u, q := newTestUI(t)
	a := &data.Applicant{BranchID: data.Ref(branchID(t, u, "学生第一党支部")), Name: "李空白",
		PersonType: string(vocab.PersonStudent), StaffNo: "S9001",
		IDNumber: field.MakeIDNumber("320102", time.Date(2003, 5, 6, 0, 0, 0, 0, time.UTC), 7, false)}
	if err := u.store.Applicants.Create(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	s := pipelineOf(t, u, q)
	s.openPerson(a.ID)
	q.settle(u)
	if s.page.detail.Text != noStepsHint {
		t.Fatalf("an empty timeline says %q", s.page.detail.Text)
	}
}

// TestANewApplicantStartsInTheBranchShown: 新增入党申请人 with a branch
// chosen on the board starts the form in that branch.
func TestANewApplicantStartsInTheBranchShown(t *testing.T) {
	u, q := newTestUI(t)
	id := branchID(t, u, "学生第一党支部")
	s := pipelineOf(t, u, q)
	s.branch.choose(id)
	s.openApplicant("")
	q.settle(u)
	if s.page == nil || string(s.page.rec.BranchID) != id {
		t.Fatal("the new applicant's form does not start in the branch shown")
	}
}
