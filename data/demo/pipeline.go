package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// 发展党员: the people in the pipeline, from the 入党申请书 to 转正, in
// every branch but the 离退休 one (students most): about one not yet a
// member for every nine members; every 预备党员 of the demo admitted
// through it (the member record is the applicant's, the 入党日期 the
// 支部大会's vote) and some 正式党员 confirmed this or last year, one after
// an extended 预备期. Every step is taken in the 细则's order and on time
// under the 2014 rules, except a few left undone to be found: a talk
// overdue, an 积极分子 whose 思想汇报 stopped, one whose 考察 is overdue,
// one not reported to the 党委, a 支部大会's vote the 党委 has not approved
// within its three months (and the 预备党员 whose 预备期 ended without a
// 转正 vote, planned by assignProbation). They are drawn from a random
// stream of their own, so the rest of the demo is as it was but for the
// 转正 date of the member whose 预备期 was extended.

// pipe is a planned person of the pipeline.
type pipe struct {
	p      *person // the personal data; for a member admitted through the pipeline, the member
	member bool    // p is the member the 党委's approval made
	rec    data.Applicant
	steps  []plannedStep
}

// plannedStep is a step with the members it names, whose ids are known
// once they are written.
type plannedStep struct {
	rec data.DevStep
	who [2]*person
}

// devPlan is what a person's history is drawn from: the key days, zero
// when not reached, and what is left undone.
type devPlan struct {
	apply, activist, candidate time.Time
	vote                       time.Time // the 支部大会's vote to admit; zero: as the chain falls
	approve                    bool      // the 党委 approves (the person is a member)
	extend                     bool      // the 预备期 is extended once, by six months
	confirm                    bool      // the 转正 is approved
	end                        time.Time // 终止发展 on this day
	endWhy                     vocab.DevOutcome

	noTalk, noFiling, reportsStop, reviewsStop, approvalLate bool
}

// Texts of the steps.
var (
	talkTexts = []string{"了解入党动机，介绍党的性质、纲领和入党条件。", "肯定其积极要求进步，勉励其端正入党动机、加强理论学习。",
		"听取其对党的认识，指出在学习和工作中需要改进的方面。"}
	reportTexts = []string{"学习党的二十大精神的体会", "学习《中国共产党章程》的认识", "参加志愿服务的收获与思考",
		"学习习近平新时代中国特色社会主义思想的体会", "对照党员标准查找差距", "参加党课学习的心得"}
	reviewTexts = []string{"该同志政治立场坚定，学习认真，能够团结同学，发挥了带头作用。",
		"该同志入党动机端正，工作积极主动，在集体活动中表现突出。",
		"该同志思想进步，学习成绩良好；需进一步加强理论学习，提高思想认识。"}
	partyTalkTexts = []string{"了解其对党的认识和入党动机，勉励其经受住考验。", "听取其思想汇报，提出今后努力方向。"}
	endTexts       = map[vocab.DevOutcome]string{vocab.OutcomeDropped: "经支部委员会研究，不再列为培养对象。",
		vocab.OutcomeWithdrawn: "本人提出暂缓入党申请。", vocab.OutcomeTransferred: "毕业离校，培养材料转交新单位党组织。"}
)

// pipelineRand is the pipeline's random stream.
func pipelineRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed+0x14057b7ef767814f))
}

// planPipeline plans the pipeline after everything else, drawing from its
// own stream (it borrows the generator's helpers by swapping gen.r).
func (g *gen) planPipeline() {
	main := g.r
	g.r = pipelineRand(uint64(g.o.Seed))
	defer func() { g.r = main }()

	// The members admitted through the pipeline: some confirmed this or
	// last year (first: one's 转正 date moves, before anyone is chosen as a
	// 正式党员 on a day), and every 预备党员.
	g.planConfirmed()
	for _, p := range g.people {
		if p.rec.Category == string(vocab.CategoryProbation) && p.onRoll() {
			g.admitted(p, false, false)
		}
	}

	// Those not members yet.
	var student, staff []*branch
	for _, b := range g.branches {
		switch b.kind {
		case vocab.BranchStudent:
			student = append(student, b)
		case vocab.BranchStaff:
			staff = append(staff, b)
		}
	}
	pickBranch := func() *branch {
		if len(student) > 0 && (len(staff) == 0 || g.intn(4) > 0) {
			return student[g.intn(len(student))]
		}
		return staff[g.intn(len(staff))]
	}
	studentBranch := func() *branch {
		if len(student) > 0 {
			return student[g.intn(len(student))]
		}
		return staff[g.intn(len(staff))]
	}
	n := max(8, (g.o.Members+4)/9)
	ended := max(1, n/25)
	candidates := max(2, n*21/100)
	activists := max(4, n*45/100)
	applicants := max(2, n-ended-candidates-activists)
	T := g.asOf
	// The ones left undone, found by the DEV- rules.
	g.applicantAt(studentBranch(), devPlan{apply: T.AddDate(0, 0, -g.between(40, 75)), noTalk: true})
	g.activistAt(studentBranch(), T.AddDate(0, -g.between(9, 11), 0), devPlan{reportsStop: true})
	g.activistAt(studentBranch(), T.AddDate(0, -g.between(14, 17), 0), devPlan{reviewsStop: true})
	g.activistAt(studentBranch(), T.AddDate(0, 0, -g.between(25, 50)), devPlan{noFiling: true})
	g.candidateAt(studentBranch(), T.AddDate(0, -7, -g.between(0, 30)), devPlan{approvalLate: true})
	for range applicants - 1 {
		g.applicantAt(pickBranch(), devPlan{apply: T.AddDate(0, 0, -g.between(3, 240))})
	}
	for range activists - 3 {
		g.activistAt(pickBranch(), T.AddDate(0, 0, -g.between(20, 700)), devPlan{})
	}
	for range candidates - 1 {
		g.candidateAt(pickBranch(), T.AddDate(0, 0, -g.between(10, 120)), devPlan{})
	}
	whys := []vocab.DevOutcome{vocab.OutcomeDropped, vocab.OutcomeWithdrawn, vocab.OutcomeTransferred}
	for i := range ended {
		act := T.AddDate(0, 0, -g.between(200, 600))
		g.activistAt(pickBranch(), act, devPlan{end: g.dayIn(act.AddDate(0, 4, 0), T.AddDate(0, 0, -5)),
			endWhy: whys[i%len(whys)]})
	}
}

// planConfirmed picks members confirmed this or last year to have come
// through the pipeline: about one in fifty members, one of them after an
// extended 预备期 (their 转正 date moved six months on).
func (g *gen) planConfirmed() {
	from := date(g.year-1, time.January, 1)
	latest := g.asOf.AddDate(0, 0, -20)
	var pool, longer []*person
	for _, p := range g.people {
		if p.marked || p.fifty || !p.onRoll() || !p.full() || !p.from.Equal(p.joined) || p.rec.IsLeader ||
			p.branch.kind == vocab.BranchRetired || !normal(p) {
			continue
		}
		if c := p.joined.AddDate(1, 0, 0); !c.Before(from) && !c.After(latest) {
			pool = append(pool, p)
		}
		if c := p.joined.AddDate(0, 18, 0); !c.Before(from) && !c.After(latest) && !p.committee &&
			!p.joined.AddDate(1, 0, 0).After(latest) {
			longer = append(longer, p)
		}
	}
	for _, p := range g.shuffled(longer) {
		was := p.rec.ConfirmedAt
		p.rec.ConfirmedAt = dt(p.joined.AddDate(0, 18, 0))
		if g.admitted(p, true, true) {
			break
		}
		p.rec.ConfirmedAt = was
	}
	n := max(2, g.o.Members/50)
	for _, p := range g.shuffled(pool) {
		if n == 0 {
			break
		}
		if p.rec.ConfirmedAt == dt(p.joined.AddDate(1, 0, 0)) && g.admitted(p, true, false) {
			n--
		}
	}
}

// normal reports whether the member is on the rolls as 正常.
func normal(p *person) bool {
	return p.rec.Status == "" || p.rec.Status == string(vocab.StatusNormal)
}

// admitted plans the history of a member admitted through the pipeline on
// their 入党日期: false when they were too young on it for the 细则's
// intervals (then they came from elsewhere).
func (g *gen) admitted(p *person, confirm, extend bool) bool {
	chain := g.candidateChain()
	cand := p.joined.AddDate(0, 0, -chain.days)
	act := cand.AddDate(0, -12-g.between(0, 4), -g.between(0, 20))
	apply := act.AddDate(0, 0, -g.between(35, 180))
	adult := p.birth.AddDate(18, 0, 0)
	if apply.Before(adult) {
		apply = adult.AddDate(0, 0, g.between(0, 20))
		if act = apply.AddDate(0, 0, 35); act.AddDate(0, 12, 0).After(cand) {
			return false
		}
	}
	pp := &pipe{p: p, member: true}
	g.develop(pp, devPlan{apply: apply, activist: act, candidate: cand, vote: p.joined, approve: true,
		confirm: confirm, extend: extend}, chain)
	return true
}

// applicantAt plans an 入党申请人 in branch b.
func (g *gen) applicantAt(b *branch, d devPlan) {
	pp := g.newApplicant(b)
	if adult := pp.p.birth.AddDate(18, 0, 0); d.apply.Before(adult) {
		d.apply = g.dayIn(adult, g.asOf)
	}
	g.develop(pp, d, chain{})
}

// activistAt plans an 入党积极分子 made one on day act (moved on when they
// were too young for it).
func (g *gen) activistAt(b *branch, act time.Time, d devPlan) {
	pp := g.newApplicant(b)
	d.apply = act.AddDate(0, 0, -g.between(35, 180))
	if adult := pp.p.birth.AddDate(18, 0, 0); d.apply.Before(adult) {
		d.apply = adult.AddDate(0, 0, g.between(0, 20))
		act = maxTime(act, d.apply.AddDate(0, 0, 35))
	}
	if act.After(g.asOf) {
		g.develop(pp, devPlan{apply: d.apply}, chain{})
		return
	}
	d.activist = act
	if !d.end.IsZero() && !d.end.After(act.AddDate(0, 0, 10)) {
		d.end = act.AddDate(0, 0, 11)
	}
	g.develop(pp, d, chain{})
}

// candidateAt plans a 发展对象 made one on day cand; the 党委 has not
// approved them yet.
func (g *gen) candidateAt(b *branch, cand time.Time, d devPlan) {
	pp := g.newApplicant(b)
	act := cand.AddDate(0, -12-g.between(0, 6), -g.between(0, 20))
	d.apply = act.AddDate(0, 0, -g.between(35, 180))
	if adult := pp.p.birth.AddDate(18, 0, 0); d.apply.Before(adult) {
		// Too young to be one yet: an 积极分子.
		g.develop(pp, devPlan{apply: adult.AddDate(0, 0, g.between(0, 20)), activist: minTime(g.asOf,
			adult.AddDate(0, 2, 0))}, chain{})
		return
	}
	d.activist, d.candidate = act, cand
	c := g.candidateChain()
	if d.approvalLate {
		// The vote three months and more ago, not approved since.
		d.vote = g.asOf.AddDate(0, -3, -g.between(10, 40))
		d.candidate = d.vote.AddDate(0, 0, -c.days)
		d.activist = minTime(d.activist, d.candidate.AddDate(0, -12, -5))
		d.apply = d.activist.AddDate(0, 0, -g.between(35, 120))
		if d.apply.Before(pp.p.birth.AddDate(18, 0, 0)) {
			d.vote, d.approvalLate = time.Time{}, false
			d.apply, d.activist = act.AddDate(0, 0, -60), act
			d.candidate = cand
		}
	}
	g.develop(pp, d, c)
}

// newApplicant draws a person of branch b, as the demo draws members: a
// student of the branch's grade, or a young member of staff.
func (g *gen) newApplicant(b *branch) *pipe {
	var p *person
	if b.kind == vocab.BranchStudent {
		p = g.newStudent(b)
	} else {
		p = g.newPerson(b, vocab.PersonStaff, 26, 40, 0.5, 19, 30)
		g.staffNo++
		p.rec.StaffNo = fmt.Sprintf("%04d%04d", g.year-g.between(0, 8), g.staffNo)
		p.rec.Position = b.dept + " " + g.pick([]string{"讲师", "助理研究员", "实验师", "工程师", "科员"})
		p.rec.Education = string(vocab.EduPostgraduate)
	}
	return &pipe{p: p}
}

// chain is the span of a 发展对象's steps from 确定发展对象 to the 支部大会's
// vote, in days from 确定发展对象, drawn once.
type chain struct {
	days                                                  int
	filed, introducers, vetting, training, trainingDays   int
	review, preReview, publicity, form, vote, trainingEnd int
}

// candidateChain draws the gaps between a 发展对象's steps.
func (g *gen) candidateChain() chain {
	var c chain
	c.filed = g.between(3, 10)
	c.introducers = c.filed + g.between(2, 10)
	c.vetting = c.introducers + g.between(7, 30)
	c.training = c.vetting + g.between(5, 20)
	c.trainingDays = g.between(3, 5)
	c.trainingEnd = c.training + c.trainingDays - 1
	c.review = c.trainingEnd + g.between(3, 10)
	c.preReview = c.review + g.between(5, 15)
	c.publicity = c.preReview + g.between(3, 10)
	c.form = c.publicity + 8 + g.between(1, 5)
	c.vote = c.form + g.between(3, 12)
	c.days = c.vote
	return c
}

// develop plans the steps of d for pp, every one on or before AsOf.
func (g *gen) develop(pp *pipe, d devPlan, c chain) {
	T := g.asOf
	p, b := pp.p, pp.p.branch
	d.apply = minTime(d.apply, T)
	pp.rec = data.Applicant{Name: p.rec.Name, Gender: p.rec.Gender, Ethnicity: p.rec.Ethnicity,
		BirthDate: p.rec.BirthDate, IDNumber: p.rec.IDNumber, NativePlace: p.rec.NativePlace,
		Education: p.rec.Education, PersonType: p.rec.PersonType, StaffNo: p.rec.StaffNo, Position: p.rec.Position,
		Phone: p.rec.Phone}
	add := func(kind vocab.DevStep, day time.Time, who ...*person) *data.DevStep {
		if day.After(T) || !d.end.IsZero() && day.After(d.end) {
			return nil
		}
		st := plannedStep{rec: data.DevStep{Step: string(kind), Date: dt(day)}}
		copy(st.who[:], who)
		pp.steps = append(pp.steps, st)
		return &pp.steps[len(pp.steps)-1].rec
	}
	add(vocab.StepApply, d.apply)
	if !d.noTalk {
		talk := d.apply.AddDate(0, 0, g.between(5, 25))
		if !d.activist.IsZero() && !talk.Before(d.activist) {
			talk = d.activist.AddDate(0, 0, -3)
		}
		if st := add(vocab.StepTalk, talk, g.fullOf(b, talk, p, b.secretary)); st != nil {
			st.Content = g.pick(talkTexts)
		}
	}
	defer g.finish(pp)
	if d.activist.IsZero() {
		return
	}
	add(vocab.StepActivist, d.activist)
	if !d.noFiling {
		add(vocab.StepActivistFiled, d.activist.AddDate(0, 0, g.between(3, 10)))
	}
	onContacts := d.activist.AddDate(0, 0, g.between(1, 7))
	contacts := g.fullMembers(b, onContacts, p, g.between(1, 2))
	add(vocab.StepContacts, onContacts, contacts...)

	// The 党委's decisions, known before the reports are placed.
	var vote, approve, confirmed time.Time
	if !d.candidate.IsZero() {
		vote = d.candidate.AddDate(0, 0, c.vote)
		if !d.vote.IsZero() {
			vote = d.vote
		}
	}
	if d.approve {
		approve = minTime(vote.AddDate(0, 0, g.between(10, 60)), T)
	}

	// 思想汇报 every three months and a 考察 every six, until the 转正 or
	// the end; the confirmed step dates are placed below.
	var confirmVotes, confirmApprovals []time.Time
	if d.approve && !approve.IsZero() {
		months := 12
		rounds := 1
		if d.extend {
			rounds = 2
		}
		for r := range rounds {
			end := vote.AddDate(0, months, -1)
			cv := end.AddDate(0, 0, 1+g.between(0, 12))
			ca := cv.AddDate(0, 0, g.between(5, 25))
			if r == rounds-1 && d.confirm && ca.After(T) {
				ca = T
				cv = minTime(cv, T.AddDate(0, 0, -1))
			}
			confirmVotes = append(confirmVotes, cv)
			confirmApprovals = append(confirmApprovals, ca)
			months += 6
		}
		if last := confirmApprovals[len(confirmApprovals)-1]; d.confirm {
			confirmed = last
		}
	}
	// Reports and reviews stop the day before the 转正 or the end.
	stop := T
	if !confirmed.IsZero() {
		stop = confirmed.AddDate(0, 0, -1)
	}
	if !d.end.IsZero() {
		stop = minTime(stop, d.end.AddDate(0, 0, -1))
	}
	// A 思想汇报 every quarter and a 考察 every half year, the calendar's
	// as the rules count them, from the one the person became an 积极分子
	// in; this one's, not due yet, maybe not yet.
	reportsUntil, reviewsUntil := stop, stop
	if d.reportsStop {
		reportsUntil = periodStart(T, 3).AddDate(0, -3, -1) // none in the last quarter ended
	}
	if d.reviewsStop {
		reviewsUntil = periodStart(T, 6).AddDate(0, -6, -1) // none in the last half year ended
	}
	each := func(months int, until time.Time, fn func(day time.Time)) {
		for ps := periodStart(d.activist, months); !ps.After(until); ps = ps.AddDate(0, months, 0) {
			lo, hi := maxTime(ps, d.activist.AddDate(0, 0, 7)), ps.AddDate(0, months, -1)
			if until.Before(T) {
				hi = minTime(hi, until)
			}
			if !lo.After(hi) {
				fn(g.dayIn(lo, hi))
			}
		}
	}
	each(3, reportsUntil, func(day time.Time) {
		if st := add(vocab.StepReport, day); st != nil {
			st.Content = g.pick(reportTexts)
		}
	})
	each(6, reviewsUntil, func(day time.Time) {
		if st := add(vocab.StepReview, day, g.fullOf(b, day, p, contacts...)); st != nil {
			st.Content = g.pick(reviewTexts)
		}
	})
	if !d.end.IsZero() {
		if st := add(vocab.StepEnd, d.end); st != nil {
			st.Outcome = string(d.endWhy)
			st.Content = endTexts[d.endWhy]
		}
		return
	}
	if d.candidate.IsZero() {
		return
	}

	// 发展对象 to the 支部大会's vote.
	cand := vote.AddDate(0, 0, -c.vote)
	at := func(days int) time.Time { return cand.AddDate(0, 0, days) }
	add(vocab.StepCandidate, cand)
	add(vocab.StepCandidateFiled, at(c.filed))
	introducers := g.fullMembers(b, at(c.introducers), p, 2, contacts...)
	add(vocab.StepIntroducers, at(c.introducers), introducers...)
	add(vocab.StepVetting, at(c.vetting))
	if st := add(vocab.StepTraining, at(c.training)); st != nil {
		st.Until, st.Days, st.Hours = dt(at(c.trainingEnd)), float64(c.trainingDays), float64(8*c.trainingDays)
		st.Number = fmt.Sprintf("PX%d%04d", at(c.training).Year(), g.between(1, 9999))
	}
	add(vocab.StepCommitteeReview, at(c.review))
	add(vocab.StepPreReview, at(c.preReview))
	if st := add(vocab.StepPublicity, at(c.publicity)); st != nil {
		st.Until = dt(at(c.publicity + 8))
		st.Content = fmt.Sprintf("拟发展%s同志为中共预备党员，公示期间如有意见请向学院党委组织员反映。", p.rec.Name)
	}
	if st := add(vocab.StepForm, at(c.form)); st != nil {
		st.Number = fmt.Sprintf("%d%06d", at(c.form).Year(), g.between(1, 999999))
	}
	if st := add(vocab.StepAdmitVote, vote); st != nil {
		g.devVotes(st, b, vote, p)
		st.Outcome = string(vocab.OutcomePassed)
	}
	if approve.IsZero() {
		// Not approved yet: the 党委's talk, when due, is held.
		talk := vote.AddDate(0, 0, g.between(7, 30))
		if d.approvalLate || talk.Before(T.AddDate(0, 0, -10)) {
			if st := add(vocab.StepPartyTalk, talk, g.partyTalker(talk, p)); st != nil {
				st.Content = g.pick(partyTalkTexts)
			}
		}
		return
	}
	talk := vote.AddDate(0, 0, g.between(1, max(1, int(approve.Sub(vote).Hours()/24)-1)))
	if st := add(vocab.StepPartyTalk, talk, g.partyTalker(talk, p)); st != nil {
		st.Content = g.pick(partyTalkTexts)
	}
	if st := add(vocab.StepApproval, approve); st != nil {
		st.Outcome = string(vocab.OutcomePassed)
	}
	add(vocab.StepAssigned, approve.AddDate(0, 0, g.between(1, 7)))
	add(vocab.StepApprovalFiled, approve.AddDate(0, 0, g.between(3, 15)))
	oath := approve.AddDate(0, 0, g.between(5, 40))
	add(vocab.StepOath, oath, g.fullOf(b, oath, p, b.secretary))

	// 转正, once or after an extension.
	for r, cv := range confirmVotes {
		end := cv.AddDate(0, 0, -1)
		add(vocab.StepConfirmApply, end.AddDate(0, 0, -g.between(0, 7)))
		outcome, months := vocab.OutcomeConfirmed, 0
		if d.extend && r == 0 {
			outcome, months = vocab.OutcomeExtended, 6
		}
		if r == len(confirmVotes)-1 && !d.confirm {
			break // due: the vote not held yet
		}
		if st := add(vocab.StepConfirmVote, cv); st != nil {
			g.devVotes(st, b, cv, p)
			st.Outcome, st.ExtendMonths = string(outcome), months
		}
		if st := add(vocab.StepConfirmApproval, confirmApprovals[r]); st != nil {
			st.Outcome, st.ExtendMonths = string(outcome), months
		}
	}
	if !confirmed.IsZero() {
		add(vocab.StepArchive, confirmed.AddDate(0, 0, g.between(5, 30)))
	}
}

// periodStart is the first day of the quarter (months 3) or half year
// (months 6) day is in.
func periodStart(day time.Time, months int) time.Time {
	return date(day.Year(), time.Month((int(day.Month())-1)/months*months+1), 1)
}

// finish orders the planned steps as the rules read them
// (rules.CompareSteps) and keeps the person. A 公示 or a 培训 still under
// way on AsOf is left out with what follows it: the demo holds nothing
// after AsOf.
func (g *gen) finish(pp *pipe) {
	pp.steps = slices.DeleteFunc(pp.steps, func(st plannedStep) bool { return st.rec.Until.After(g.asOf) })
	slices.SortStableFunc(pp.steps, func(a, b plannedStep) int {
		return rules.CompareSteps(rules.Step{Kind: vocab.DevStep(a.rec.Step), Date: a.rec.Date.Time},
			rules.Step{Kind: vocab.DevStep(b.rec.Step), Date: b.rec.Date.Time})
	})
	g.pipes = append(g.pipes, pp)
}

// devVotes fills a 支部大会's attendance and votes: the branch's 正式党员 on
// the day are entitled, most of them come, nearly all vote for.
func (g *gen) devVotes(st *data.DevStep, b *branch, day time.Time, self *person) {
	eligible := 0
	for _, m := range b.members {
		if m != self && fullOn(m, day) {
			eligible++
		}
	}
	eligible = max(eligible, 3)
	present := eligible - g.between(0, eligible/4)
	against, abstain := 0, 0
	if present >= 10 && g.chance(0.3) {
		abstain = 1
	}
	st.Eligible, st.Present = eligible, present
	st.VotesFor, st.VotesAgainst, st.Abstain = present-against-abstain, against, abstain
}

// fullOn reports whether the member was a 正式党员 of the organization on
// day, as the store reads the record (rules.FullOn), and is on the rolls
// as 正常.
func fullOn(p *person, day time.Time) bool {
	return normal(p) && p.present(day) && rules.FullOn(vocab.Category(p.rec.Category), vocab.StatusNormal, p.joined,
		p.rec.ConfirmedAt.Time, day)
}

// fullMembers draws n 正式党员 on day, other than self: those of prefer
// first, then the branch's, then anyone's.
func (g *gen) fullMembers(b *branch, day time.Time, self *person, n int, prefer ...*person) []*person {
	var out []*person
	take := func(ps []*person) {
		for _, m := range ps {
			if len(out) == n {
				return
			}
			if m != nil && m != self && fullOn(m, day) && !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	take(prefer)
	if len(out) < n {
		take(g.shuffled(b.members))
	}
	if len(out) < n {
		take(g.shuffled(g.people))
	}
	return out
}

// fullOf is the first of prefer who is a 正式党员 on day, else one drawn.
func (g *gen) fullOf(b *branch, day time.Time, self *person, prefer ...*person) *person {
	if ps := g.fullMembers(b, day, self, 1, prefer...); len(ps) > 0 {
		return ps[0]
	}
	return nil
}

// partyTalker is the member the 党委 sends to talk with a 发展对象: a
// 党员领导干部, else a branch secretary.
func (g *gen) partyTalker(day time.Time, self *person) *person {
	var prefer []*person
	prefer = append(prefer, g.shuffled(g.leaders)...)
	for _, b := range g.branches {
		prefer = append(prefer, b.secretary)
	}
	return g.fullOf(self.branch, day, self, prefer...)
}

// writePipeline writes the people of the pipeline and their steps, in the
// order they were taken: each step is checked by the store against the
// steps before it (rules.CheckStep).
func (g *gen) writePipeline() error {
	for i, pp := range g.pipes {
		pp.rec.BranchID = pp.p.branch.id
		if pp.member {
			pp.rec.MemberID = pp.p.id
		}
		if err := put(g, g.tx.Applicants, &pp.rec, &g.sum.Applicants); err != nil {
			return err
		}
		for j := range pp.steps {
			st := &pp.steps[j]
			st.rec.ApplicantID = data.Ref(pp.rec.ID)
			if st.who[0] != nil {
				st.rec.PersonID = st.who[0].id
			}
			if st.who[1] != nil {
				st.rec.Person2ID = st.who[1].id
			}
			if err := put(g, g.tx.DevSteps, &st.rec, &g.sum.DevSteps); err != nil {
				return fmt.Errorf("%s（%s）: %w", st.rec.Step, st.rec.Date, err)
			}
		}
		g.advance((i+1)*g.o.Members/len(g.pipes) - i*g.o.Members/len(g.pipes))
	}
	return nil
}
