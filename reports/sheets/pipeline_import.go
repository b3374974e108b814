package sheets

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// pipelineImporter reads the pipeline sheet: a row's person is matched on
// 公民身份号码 (created, or their personal data updated), then each step
// the row dates is recorded through data.Tx.RecordDevStep, in the order
// rules.SortSteps gives, so that the DEV- rules check it and the 党委's
// approval makes the member. A step stored already on the same date
// changes nothing; a step recorded once (not 思想汇报 or 培养考察) stored
// on another date takes the sheet's date.
type pipelineImporter struct {
	dev      devIndex
	rows     rowKeys
	warnings []Problem
	undo     []func() // restores the caches when the current row is undone
}

// devIndex is what rows of 发展党员 are matched against: branches by
// name, the members steps name, the applicants by 公民身份号码 and their
// stored steps.
type devIndex struct {
	branches   map[string]*data.Branch
	byName     map[string][]*data.Member // live members by name
	byIDNumber map[string]*data.Member   // members on the rolls by 公民身份号码
	applicants map[string]*data.Applicant
	steps      map[string][]*data.DevStep // by applicant id
}

func loadDevIndex(ctx context.Context, tx *data.Tx) (devIndex, error) {
	ix := devIndex{branches: map[string]*data.Branch{}, byName: map[string][]*data.Member{},
		byIDNumber: map[string]*data.Member{}, applicants: map[string]*data.Applicant{},
		steps: map[string][]*data.DevStep{}}
	err := tx.Branches.Each(ctx, func(b *data.Branch) error {
		c := *b
		ix.branches[b.Name] = &c
		return nil
	})
	if err != nil {
		return ix, err
	}
	err = tx.Members.Each(ctx, func(m *data.Member) error {
		c := *m
		ix.byName[m.Name] = append(ix.byName[m.Name], &c)
		if m.Active() && m.IDNumber != "" {
			ix.byIDNumber[m.IDNumber] = &c
		}
		return nil
	})
	if err != nil {
		return ix, err
	}
	err = tx.Applicants.Each(ctx, func(a *data.Applicant) error {
		c := *a
		ix.applicants[a.IDNumber] = &c
		return nil
	})
	if err != nil {
		return ix, err
	}
	err = tx.DevSteps.Each(ctx, func(st *data.DevStep) error {
		c := *st
		ix.steps[string(st.ApplicantID)] = append(ix.steps[string(st.ApplicantID)], &c)
		return nil
	}, data.OrderBy(data.ColID))
	return ix, err
}

// person finds the member a step names: the one member of the
// organization of that name on the rolls, else the one who was. hint,
// when given (the bracket of 周雪晴（1234）), is the end of their
// 公民身份号码, which tells members of the same name apart.
//
// Of several, the one who was a 正式党员 on day (the step's date) is taken
// when only one was: a later row may name a member of the same name as
// one an earlier row of the import made a 预备党员.
func (ix devIndex) person(name, hint string, day time.Time) (data.Ref, string) {
	hint = strings.ToUpper(field.Normalize(hint))
	var onRolls, former []*data.Member
	for _, m := range ix.byName[name] {
		switch {
		case hint != "" && !strings.HasSuffix(m.IDNumber, hint):
		case m.Active():
			onRolls = append(onRolls, m)
		default:
			former = append(former, m)
		}
	}
	pick := onRolls
	if len(pick) == 0 {
		pick = former
	}
	if len(pick) > 1 && !day.IsZero() {
		var full []*data.Member
		for _, m := range pick {
			if rules.FullOn(vocab.Category(m.Category), vocab.Status(m.Status), m.JoinedDate.Time, m.ConfirmedAt.Time, day) {
				full = append(full, m)
			}
		}
		if len(full) == 1 {
			return data.Ref(full[0].ID), ""
		}
	}
	switch {
	case len(pick) == 1:
		return data.Ref(pick[0].ID), ""
	case len(pick) == 0 && hint != "":
		return "", "本库中没有公民身份号码以" + hint + "结尾、名为“" + name + "”的党员"
	case len(pick) == 0:
		return "", "本库中没有名为“" + name + "”的党员"
	case hint != "":
		return "", "本库中有" + itoa(len(pick)) + "名党员名为“" + name + "”且公民身份号码以" + hint +
			"结尾，请在括号内写出完整的公民身份号码"
	}
	return "", "本库中有" + itoa(len(pick)) + "名党员名为“" + name + "”，请在姓名后的括号内注明其公民身份号码的末四位，" +
		"如：" + name + "（1234）"
}

// people reads a column of up to two members' names, each perhaps with
// the end of their 公民身份号码 in brackets.
func (ix devIndex) people(r *row, col string, day time.Time) (first, second data.Ref) {
	entries, bad := splitNames(r.text(col))
	if bad != "" {
		r.fail(col, "“"+bad+"”的写法不对，同名党员应在姓名后的括号内注明公民身份号码的末四位，如：张三（1234）")
		return "", ""
	}
	if len(entries) > 2 {
		r.fail(col, "最多填写两人，实际填写了"+itoa(len(entries))+"人")
		return "", ""
	}
	var refs [2]data.Ref
	for i, e := range entries {
		ref, why := ix.person(e.name, e.reason, day)
		if why != "" {
			r.fail(col, why)
			continue
		}
		refs[i] = ref
	}
	return refs[0], refs[1]
}

// matchStep finds the stored step a new one is: the same step on the same
// day, else, for a step recorded once, the one stored.
func (ix devIndex) matchStep(applicantID string, st *data.DevStep, byKindToo bool) *data.DevStep {
	var same []*data.DevStep
	for _, old := range ix.steps[applicantID] {
		if old.Step != st.Step {
			continue
		}
		if old.Date.Time.Equal(st.Date.Time) {
			return old
		}
		same = append(same, old)
	}
	if byKindToo && len(same) == 1 && !vocab.DevStep(st.Step).Recurring() {
		return same[0]
	}
	return nil
}

// record writes the step, unless it is stored as it is; what the rules
// warn of is returned, a refusal is the row's problem (named on cols).
// changed tells whether anything was written.
func (ix devIndex) record(ctx context.Context, tx *data.Tx, r *row, st *data.DevStep, old *data.DevStep,
	cols map[string]string, undo *[]func()) (changed bool, warnings []rules.StepIssue, err error) {
	appID := string(st.ApplicantID)
	if old != nil {
		if sameStep(old, st) {
			return false, nil, nil
		}
		st.Meta = old.Meta
		st.People, st.Content, st.Note = keepText(st.People, old.People), keepText(st.Content, old.Content),
			keepText(st.Note, old.Note)
	}
	warnings, err = tx.RecordDevStep(ctx, st)
	if err != nil {
		return false, nil, rowErr(r, err, cols)
	}
	saved := *st
	if old != nil {
		before := *old
		*old = saved
		*undo = append(*undo, func() { *old = before })
	} else {
		ix.steps[appID] = append(ix.steps[appID], &saved)
		*undo = append(*undo, func() {
			list := ix.steps[appID]
			ix.steps[appID] = list[:len(list)-1]
		})
	}
	return true, warnings, nil
}

// keepText keeps a stored text the sheet has no column for.
func keepText(given, stored string) string {
	if given == "" {
		return stored
	}
	return given
}

// sameStep reports whether the sheet's step says what the stored one does,
// in the columns the sheet has (the texts it lacks are kept).
func sameStep(old, st *data.DevStep) bool {
	return old.Step == st.Step && old.Date.Time.Equal(st.Date.Time) && old.Until.Time.Equal(st.Until.Time) &&
		old.PersonID == st.PersonID && old.Person2ID == st.Person2ID && old.Eligible == st.Eligible &&
		old.Present == st.Present && old.VotesFor == st.VotesFor && old.VotesAgainst == st.VotesAgainst &&
		old.Abstain == st.Abstain && old.Outcome == st.Outcome && old.ExtendMonths == st.ExtendMonths &&
		old.Hours == st.Hours && old.Days == st.Days && old.Number == st.Number &&
		(st.People == "" || old.People == st.People) && (st.Content == "" || old.Content == st.Content) &&
		(st.Note == "" || old.Note == st.Note)
}

// warn books the rules' warnings of a step recorded from row r, on col.
// A step an old 台账 lacks is told once a row: the 政治审查 missing before
// the 党委预审 is not told again at the 支部大会.
func warn(dst *[]Problem, r *row, col string, issues []rules.StepIssue) {
	for _, is := range issues {
		tail := "（" + string(is.Rule) + "）"
		if strings.Contains(is.Text, rules.LedgerNote) && slices.ContainsFunc(*dst, func(p Problem) bool {
			return p.Row == r.num && strings.Contains(p.Msg, rules.LedgerNote) && strings.HasSuffix(p.Msg, tail)
		}) {
			continue
		}
		*dst = append(*dst, Problem{Row: r.num, Column: col, Msg: is.Text + tail})
	}
}

func (p *pipelineImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	p.dev, err = loadDevIndex(ctx, tx)
	p.rows = rowKeys{}
	return err
}

// applicantCols names the sheet column of each applicant store column.
var applicantCols = map[string]string{"branch_id": "所在支部", "id_number": "公民身份号码", "birth_date": "出生日期",
	"gender": "性别", "name": "姓名"}

func (p *pipelineImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	id := r.idNumber("公民身份号码")
	if id != "" {
		p.rows.claim(r, id, "公民身份号码")
	}
	old := p.dev.applicants[id]
	var rec data.Applicant
	if old != nil {
		rec = *old
	}
	fillApplicant(&rec, r, id)
	if name := r.name("所在支部"); name != "" {
		if b, ok := p.dev.branches[name]; ok {
			rec.BranchID = data.Ref(b.ID)
		} else {
			r.fail("所在支部", "本库中没有名为“"+name+"”的支部")
		}
	}
	personal := len(r.problems)
	steps, firstBad := p.parseSteps(r)
	if personal > 0 {
		return unchanged, nil
	}
	// A bad cell of a step fails the row, but the steps before it are
	// still checked by the rules (what is written is undone with the row),
	// so that one reading lists the row's every problem.
	bad := len(r.problems) > 0
	if m := p.dev.byIDNumber[id]; m != nil && rec.MemberID == "" {
		// An old 台账's person already admitted: linked to their member
		// record, which the steps do not change.
		rec.MemberID = data.Ref(m.ID)
		p.warnings = append(p.warnings, Problem{Row: r.num, Column: "公民身份号码",
			Msg: "此人已是在册党员，其发展过程关联到其党员记录"})
	}
	out := unchanged
	if old == nil {
		if err := tx.Applicants.Create(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, applicantCols)
		}
		saved := rec
		p.dev.applicants[id] = &saved
		p.undo = append(p.undo, func() { delete(p.dev.applicants, id) })
		out = created
	} else {
		before := rec.Version
		if err := tx.Applicants.Update(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, applicantCols)
		}
		if rec.Version != before {
			stored := *old
			*old = rec
			p.undo = append(p.undo, func() { *old = stored })
			out = updated
		}
	}
	slices.SortStableFunc(steps, func(a, b parsedStep) int { return rules.CompareSteps(a.st.RuleStep(), b.st.RuleStep()) })
	for _, ps := range steps {
		if bad && ps.index >= firstBad {
			continue
		}
		ps.st.ApplicantID = data.Ref(rec.ID)
		match := p.dev.matchStep(rec.ID, ps.st, true)
		if match != nil {
			keepPipeUnread(r, ps.spec, ps.st, match)
		}
		changed, warnings, err := p.dev.record(ctx, tx, r, ps.st, match, ps.spec.storeCols(), &p.undo)
		if err != nil {
			return unchanged, err // later steps would only repeat the refusal
		}
		if bad {
			continue // the row is not written: its warnings are not listed
		}
		warn(&p.warnings, r, ps.spec.date, warnings)
		if ps.hint != "" && changed {
			p.warnings = append(p.warnings, Problem{Row: r.num, Column: ps.spec.date, Msg: ps.hint})
		}
		if changed && out == unchanged {
			out = updated
		}
		if changed && (ps.spec.step == vocab.StepApproval || ps.spec.step == vocab.StepConfirmApproval) {
			if err := p.admitted(ctx, tx, id); err != nil {
				return unchanged, err
			}
		}
	}
	return out, nil
}

// admitted follows the 党委's approval: the applicant now names their
// member record, which later rows may name (an 入党介绍人 admitted years
// before the person they introduce).
func (p *pipelineImporter) admitted(ctx context.Context, tx *data.Tx, id string) error {
	cached := p.dev.applicants[id]
	a, err := tx.Applicants.Get(ctx, cached.ID)
	if err != nil {
		return err
	}
	before := *cached
	*cached = *a
	p.undo = append(p.undo, func() { *cached = before })
	if a.MemberID == "" {
		return nil
	}
	m, err := tx.Members.Get(ctx, string(a.MemberID))
	if err != nil {
		return err
	}
	for _, known := range p.dev.byName[m.Name] {
		if known.ID == m.ID {
			// Known already: its category and dates as the step left them
			// (a 转正), for the names of later rows.
			stored := *known
			*known = *m
			p.undo = append(p.undo, func() { *known = stored })
			return nil
		}
	}
	p.dev.byName[m.Name] = append(p.dev.byName[m.Name], m)
	p.undo = append(p.undo, func() {
		list := p.dev.byName[m.Name]
		p.dev.byName[m.Name] = list[:len(list)-1]
	})
	return nil
}

func (p *pipelineImporter) settle(ok bool) {
	if !ok {
		for i := len(p.undo) - 1; i >= 0; i-- {
			p.undo[i]()
		}
	}
	p.undo = nil
}

func (p *pipelineImporter) rowWarnings() []Problem { return p.warnings }

// parsedStep is a step a row dates, with the columns it came from.
type parsedStep struct {
	spec  pipeStep
	st    *data.DevStep
	hint  string // a 提示 on how the step's date was found
	index int    // the step's place in pipeSteps
}

// fillApplicant copies the row's personal cells onto the applicant: the
// required columns always, the others when the sheet has them (a blank
// cell clearing the value).
func fillApplicant(a *data.Applicant, r *row, id string) {
	a.IDNumber = id
	a.Name = r.name("姓名")
	set := func(col string, fn func()) {
		if r.has(col) {
			fn()
		}
	}
	set("性别", func() { a.Gender = r.choice("性别", nil) })
	set("民族", func() { a.Ethnicity = r.text("民族") })
	set("出生日期", func() { a.BirthDate = r.birthDate("出生日期", id) })
	set("籍贯", func() { a.NativePlace = r.text("籍贯") })
	set("学历", func() { a.Education = r.text("学历") })
	set("人员类别", func() { a.PersonType = r.choice("人员类别", nil) })
	set("工号或学号", func() { a.StaffNo = r.text("工号或学号") })
	set("单位职务或院系班级", func() { a.Position = r.text("单位职务或院系班级") })
	set("联系电话", func() { a.Phone = r.text("联系电话") })
	set("备注", func() { a.Note = r.text("备注") })
}

// parseSteps reads every step the row gives, each bad cell a problem.
// firstBad is the place in pipeSteps of the first step with a problem
// (len(pipeSteps) when none has one).
func (p *pipelineImporter) parseSteps(r *row) (out []parsedStep, firstBad int) {
	dates := map[vocab.DevStep]data.Date{}
	firstBad = len(pipeSteps)
	for i, spec := range pipeSteps {
		before := len(r.problems)
		date := r.date(spec.date)
		given := !date.IsZero()
		for _, h := range spec.cells() {
			if r.cells[h] != "" {
				given = true
			}
		}
		if !given {
			continue
		}
		var hint string
		if date.IsZero() && r.cells[spec.date] == "" && spec.step == vocab.StepForm {
			date, hint = formDate(r, dates)
		}
		if date.IsZero() && r.cells[spec.date] == "" {
			if d, ok := dates[spec.from]; ok && spec.from != "" {
				date = d
			} else if spec.from != "" && r.cells[stepDateCol(spec.from)] != "" ||
				spec.step == vocab.StepForm && r.cells[stepDateCol(vocab.StepAdmitVote)] != "" {
				// the date it takes is wrong: that cell's problem is reported
			} else {
				r.fail(spec.date, "填写了“"+string(spec.step)+"”的其他各列，须同时填写此日期")
			}
		}
		st := &data.DevStep{Step: string(spec.step), Date: date, FromLedger: true}
		p.readStep(r, spec, st) // its cells are checked even without a date
		if len(r.problems) > before {
			firstBad = min(firstBad, i)
		}
		if date.IsZero() {
			continue // the date's problem is reported
		}
		dates[spec.step] = date
		out = append(out, parsedStep{spec: spec, st: st, hint: hint, index: i})
	}
	return out, firstBad
}

// formDate is the date an 入党志愿书编号 given without its 填写入党志愿书日期
// is recorded on: the 支部大会讨论接收's (the 志愿书 is filled in before
// it), or without one the 党委预审's; hint says so, for the 提示.
func formDate(r *row, dates map[vocab.DevStep]data.Date) (data.Date, string) {
	vote := stepDateCol(vocab.StepAdmitVote)
	if v := r.cells[vote]; v != "" {
		if t, err := field.ParseDate(v); err == nil && !t.After(r.today) {
			return data.DateOf(t), "未填“填写入党志愿书日期”，按" + vote + "（" + field.FormatDate(t) + "）记录"
		}
		return data.Date{}, "" // the vote's own date is reported
	}
	if d, ok := dates[vocab.StepPreReview]; ok {
		return d, "未填“填写入党志愿书日期”，按" + stepDateCol(vocab.StepPreReview) + "（" + field.FormatDate(d.Time) + "）记录"
	}
	return data.Date{}, ""
}

// stepDateCol is the pipeline sheet's date column of the step.
func stepDateCol(step vocab.DevStep) string {
	for _, p := range pipeSteps {
		if p.step == step {
			return p.date
		}
	}
	return ""
}

// readStep reads a step's cells other than its date.
func (p *pipelineImporter) readStep(r *row, spec pipeStep, st *data.DevStep) {
	if spec.until != "" {
		st.Until = r.anyDate(spec.until)
	}
	if spec.people != "" {
		st.PersonID, st.Person2ID = p.dev.people(r, spec.people, st.Date.Time)
	}
	if spec.hours != "" {
		st.Hours = r.hours(spec.hours)
	}
	if spec.days != "" {
		st.Days = number(r, spec.days, "天")
	}
	if spec.number != "" {
		st.Number = r.text(spec.number)
	}
	counts := []*int{&st.Eligible, &st.Present, &st.VotesFor, &st.VotesAgainst, &st.Abstain}
	for i, h := range spec.votes {
		if h != "" {
			*counts[i], _ = r.count(h)
		}
	}
	if spec.extend != "" {
		st.ExtendMonths = int(number(r, spec.extend, "个月", "月"))
	}
	if spec.outcome != "" {
		st.Outcome = r.choice(spec.outcome, nil)
		if st.Outcome == "" && r.cells[spec.outcome] == "" {
			switch {
			case spec.blank == vocab.OutcomeConfirmed && st.ExtendMonths > 0:
				st.Outcome = string(vocab.OutcomeExtended)
			case spec.blank != "":
				st.Outcome = string(spec.blank)
			default:
				r.fail(spec.outcome, "填写了"+spec.date+"，须同时填写"+spec.outcome)
			}
		}
	}
}

// number reads a number of at least 0, written perhaps with a unit.
func number(r *row, col string, units ...string) float64 {
	v := field.Normalize(r.text(col))
	if v == "" {
		return 0
	}
	for _, u := range units {
		if t, ok := strings.CutSuffix(v, u); ok {
			v = strings.TrimSpace(t)
			break
		}
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || n > 10000 {
		r.fail(col, "应为不小于0的数")
		return 0
	}
	return n
}

// keepPipeUnread gives a stored step the values the sheet does not give:
// those of columns the pipeline sheet has not for the step, or the sheet
// lacks.
func keepPipeUnread(r *row, spec pipeStep, st, old *data.DevStep) {
	lacks := func(h string) bool { return h == "" || !r.has(h) }
	if lacks(spec.until) {
		st.Until = old.Until
	}
	if lacks(spec.people) {
		st.PersonID, st.Person2ID = old.PersonID, old.Person2ID
	}
	if lacks(spec.hours) {
		st.Hours = old.Hours
	}
	if lacks(spec.days) {
		st.Days = old.Days
	}
	if lacks(spec.number) {
		st.Number = old.Number
	}
	for i, v := range []*int{&st.Eligible, &st.Present, &st.VotesFor, &st.VotesAgainst, &st.Abstain} {
		if lacks(spec.votes[i]) {
			*v = []int{old.Eligible, old.Present, old.VotesFor, old.VotesAgainst, old.Abstain}[i]
		}
	}
	if lacks(spec.outcome) {
		st.Outcome = old.Outcome
	}
	if lacks(spec.extend) {
		st.ExtendMonths = old.ExtendMonths
	}
}
