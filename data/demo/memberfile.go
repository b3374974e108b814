package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The member file: the fields the 全国党员管理信息系统 asks for, the
// stretches of status with timers of their own (失联, 流动外出, 出国（境）
// 学习研究, 毕业生组织关系保留), decisions on the 党籍, 党纪处分, 限期改正,
// 表彰奖励 and the 支委会's 党内职务 over time. They are drawn from their
// own random stream (gen.y).

// planFile fills every member's file fields and picks the members whose
// status has a timer. It runs after the roles, so that they are drawn from
// members without one.
func (g *gen) planFile() {
	for _, p := range g.people {
		g.fillProfile(p)
	}
	g.planLost()
	g.planAbroad()
	g.planAway()
	g.planGraduates()
	g.planProfileGaps()
	g.planWeakBranch()
}

// planWeakBranch picks a branch, among those of long standing, whose work
// falls short enough for its 考评 score to fall below the pass mark: its
// members learn little, it skips a 主题党日 a quarter and nobody has signed
// the year's 目标管理责任书. The choices of the main stream stay drawn as
// before: only their outcome changes.
func (g *gen) planWeakBranch() {
	var pool []*branch
	for _, b := range g.branches {
		if b.kind != vocab.BranchRetired && b.parent == nil && b.child == nil && !b.noOrgLife && !b.manyExcel &&
			b.founded.Before(date(g.year-1, time.January, 1)) {
			pool = append(pool, b)
		}
	}
	if len(pool) == 0 || len(g.branches) < 3 {
		return
	}
	b := pool[g.y.intn(len(pool))]
	b.weak = true
	b.rec.Note = "学习教育和目标管理落实不到位，列为本年度重点整顿支部"
	for _, p := range b.members {
		p.lowTrain = true
	}
}

// spare returns, shuffled, the members on the rolls without a role, a
// quirk or a status of the file yet that satisfy keep.
func (g *gen) spare(keep func(p *person) bool) []*person {
	var out []*person
	for _, p := range g.people {
		if !p.taken && !p.marked && p.onRoll() && p.full() && p.from.Equal(p.joined) && !p.fifty &&
			!p.rec.InDifficulty && !p.rec.Floating && p.quietFrom == 0 && p.unpaidFrom == 0 && keep(p) {
			out = append(out, p)
		}
	}
	return g.y.shuffled(out)
}

// mark takes the first of ps, when there is one.
func mark(ps []*person) *person {
	if len(ps) == 0 {
		return nil
	}
	ps[0].marked = true
	return ps[0]
}

// joinedBy keeps the members who joined before d.
func joinedBy(d time.Time) func(p *person) bool {
	return func(p *person) bool { return p.joined.Before(d) }
}

// fillProfile fills 学位, 毕业院校, 户籍所在地, 现居住地, 档案所在单位 and
// 工作单位及职务.
func (g *gen) fillProfile(p *person) {
	m := &p.rec
	district := g.y.pick(cityDistricts)
	switch {
	case p.student():
		m.Degree = string(vocab.DegreeNone)
		m.ArchiveUnit = "学校学生工作部（处）"
		if p.branch.grad {
			m.Degree = string(vocab.DegreeBachelor)
			if m.StaffNo != "" && m.StaffNo[0] == 'D' {
				m.Degree = string(vocab.DegreeMaster)
			}
			m.School = g.y.pick(universities)
			m.ArchiveUnit = "学校研究生院"
		}
		m.HouseholdPlace = m.NativePlace
		if g.y.chance(0.45) {
			m.HouseholdPlace = campusDistrict + "（学校集体户）"
		}
		m.Residence = fmt.Sprintf("%s学校学生公寓%d栋", campusDistrict, g.y.between(1, 16))
		m.WorkUnit = g.college + m.Position
	case p.retired():
		m.Degree = string(map[vocab.Education]vocab.Degree{vocab.EduPostgraduate: vocab.DegreeMaster,
			vocab.EduBachelor: vocab.DegreeBachelor}[vocab.Education(m.Education)])
		if m.Degree == "" {
			m.Degree = string(vocab.DegreeNone)
		}
		m.School = g.y.pick(universities)
		m.HouseholdPlace = district
		m.Residence = district + g.y.pick(compounds)
		m.ArchiveUnit = "学校人事处"
		m.WorkUnit = g.college + "退休教职工"
	default:
		m.Degree = string(vocab.DegreeBachelor)
		if m.Education == string(vocab.EduPostgraduate) {
			m.Degree = string(vocab.DegreeMaster)
			if g.y.chance(0.6) {
				m.Degree = string(vocab.DegreeDoctor)
			}
		}
		m.School = g.y.pick(universities)
		m.HouseholdPlace = district
		m.Residence = district + g.y.pick(compounds)
		m.ArchiveUnit = "学校人事处"
		m.WorkUnit = g.college + m.Position
	}
}

// planLost gives the members out of contact their 失联 episode, and adds
// one out of contact for 7–9 months (停止党籍 due) and, before the window,
// one 停止党籍 for over two years and still out of contact (自行脱党除名
// due).
func (g *gen) planLost() {
	for _, p := range g.people {
		if p.rec.LostContact && p.quietFrom > 0 {
			g.lose(p, g.dayOf(p.quietFrom, 1, 20), false)
		}
	}
	if p := mark(g.spare(joinedBy(g.asOf.AddDate(-3, 0, 0)))); p != nil {
		p.quietFrom = g.asOfM - g.y.between(7, 9)
		p.unpaidFrom = p.quietFrom
		g.lose(p, g.dayOf(p.quietFrom, 1, 28), false)
	}
	if p := mark(g.spare(joinedBy(g.asOf.AddDate(-6, 0, 0)))); p != nil {
		since := g.asOf.AddDate(-3, -g.y.between(0, 6), -g.y.between(0, 27))
		g.lose(p, since, true)
		suspended := since.AddDate(0, g.y.between(6, 9), g.y.between(0, 20))
		g.suspend(p, suspended, "失联超过六个月，经多方查找仍无法取得联系")
	}
}

// dayOf returns a day of month mi between lo and hi, drawn from gen.y.
func (g *gen) dayOf(mi, lo, hi int) time.Time {
	return monthStart(mi).AddDate(0, 0, g.y.between(lo, min(hi, daysIn(mi)))-1)
}

// lose records a member out of contact since a day; long: for years.
func (g *gen) lose(p *person, since time.Time, long bool) {
	p.rec.LostContact = true
	p.rec.LostDate = dt(since)
	p.rec.LostCircumstance = g.y.pick(lostCircumstances)
	p.rec.Note = "多次联系未果"
	searches := g.y.pick(lostSearches)
	if long {
		searches = lostSearches[0] + "；" + lostSearches[2]
	}
	p.episodes = append(p.episodes, data.Episode{Kind: string(vocab.EpisodeLost), Since: dt(since),
		Circumstances: p.rec.LostCircumstance, Searches: searches})
}

// suspend records a 停止党籍 decided on day d, before the window: the
// member takes part in nothing the demo records, as if off the rolls
// (person.until) from the window's start.
func (g *gen) suspend(p *person, d time.Time, reason string) {
	p.rec.Status = string(vocab.StatusSuspended)
	p.until = monthStart(g.startM).AddDate(0, 0, -1)
	p.dispositions = append(p.dispositions, data.Disposition{Kind: string(vocab.DispositionSuspend),
		Date: dt(d), DecidedBy: "学院党委", Reason: reason})
}

// planAbroad sends members abroad for study or research: one for over five
// years (停止党籍 normally due), one out of contact for over six months, one
// for a few months, and one back after seven years whose 党籍 was stopped and
// restored.
func (g *gen) planAbroad() {
	staff := func(p *person) bool { return p.staff() && p.branch.kind == vocab.BranchStaff }
	if p := mark(g.spare(func(p *person) bool { return staff(p) && p.joined.Before(g.asOf.AddDate(-8, 0, 0)) })); p != nil {
		since := g.asOf.AddDate(-5, -g.y.between(1, 5), -g.y.between(0, 20))
		g.abroad(p, since, g.asOf.AddDate(0, 0, -g.y.between(20, 80)), abroadPlaces[0])
	}
	if p := mark(g.spare(func(p *person) bool {
		return (staff(p) || p.branch.grad && p.student()) && p.joined.Before(g.asOf.AddDate(-2, 0, 0))
	})); p != nil {
		since := g.asOf.AddDate(-1, -g.y.between(0, 8), -g.y.between(0, 20))
		last := maxTime(since.AddDate(0, 1, 0), g.asOf.AddDate(0, -g.y.between(7, 10), 0))
		g.abroad(p, since, last, g.y.pick(abroadPlaces[1:]))
	}
	if p := mark(g.spare(func(p *person) bool { return staff(p) && p.joined.Before(g.asOf.AddDate(-1, 0, 0)) })); p != nil {
		since := g.asOf.AddDate(0, -g.y.between(2, 9), -g.y.between(0, 20))
		g.abroad(p, since, g.y.dayIn(maxTime(since, g.asOf.AddDate(0, 0, -40)), g.asOf), g.y.pick(abroadPlaces[1:]))
	}
	if p := mark(g.spare(func(p *person) bool { return staff(p) && p.joined.Before(g.asOf.AddDate(-10, 0, 0)) })); p != nil {
		since := g.asOf.AddDate(-8, -g.y.between(0, 6), 0)
		back := g.asOf.AddDate(-1, -g.y.between(3, 8), 0)
		p.episodes = append(p.episodes, data.Episode{Kind: string(vocab.EpisodeAbroad), Since: dt(since), Until: dt(back),
			Place: abroadPlaces[0], LastContact: dt(back.AddDate(0, 0, -g.y.between(10, 60))), Note: "回国后已向党组织报到"})
		stopped := since.AddDate(5, g.y.between(1, 4), 0)
		restored := back.AddDate(0, g.y.between(1, 3), 0)
		p.dispositions = append(p.dispositions,
			data.Disposition{Kind: string(vocab.DispositionSuspend), Date: dt(stopped), DecidedBy: "学院党委",
				Reason: "出国（境）学习研究超过五年，按规定停止党籍"},
			data.Disposition{Kind: string(vocab.DispositionRestore), Date: dt(restored), DecidedBy: "学院党委",
				Reason: "回国后本人申请恢复党的组织生活，经审查符合条件，报学校党委组织部批准"})
	}
}

// abroad records an open 出国（境）学习研究 episode: the member takes part in
// nothing from the month after leaving.
func (g *gen) abroad(p *person, since, last time.Time, place string) {
	p.episodes = append(p.episodes, data.Episode{Kind: string(vocab.EpisodeAbroad), Since: dt(since), Place: place,
		LastContact: dt(last)})
	p.quietFrom = max(g.startM, monthIndex(since)+1)
	if p.quietFrom > g.asOfM {
		p.quietFrom = 0
	}
}

// planAway gives each 流动党员 a 流动外出 episode since 2–14 months, the
// first for over six months.
func (g *gen) planAway() {
	first := true
	for _, p := range g.people {
		if !p.rec.Floating || !p.onRoll() {
			continue
		}
		since := g.asOf.AddDate(0, -g.y.between(2, 14), -g.y.between(0, 20))
		if first && p.joined.Before(g.asOf.AddDate(0, -8, 0)) {
			since, first = g.asOf.AddDate(0, -g.y.between(7, 14), 0), false
		}
		since = maxTime(since, p.joined.AddDate(0, 0, 1))
		p.episodes = append(p.episodes, data.Episode{Kind: string(vocab.EpisodeAway), Since: dt(since),
			Place: p.rec.FloatingTo, LastContact: dt(g.y.dayIn(maxTime(since, g.asOf.AddDate(0, -1, 0)), g.asOf))})
	}
}

// planGraduates keeps the 组织关系 of two graduates at the college: one
// for about 22 months (保留期将满), one for over two years (已满).
func (g *gen) planGraduates() {
	for _, back := range []time.Time{
		g.asOf.AddDate(0, -22, -g.y.between(0, 25)),
		g.asOf.AddDate(-2, -g.y.between(1, 4), -g.y.between(0, 20)),
	} {
		p := mark(g.spare(func(p *person) bool { return p.student() && p.joined.Before(back.AddDate(-1, 0, 0)) }))
		if p == nil {
			return
		}
		graduated := date(back.Year(), time.June, 30)
		if graduated.After(back) {
			graduated = back
		}
		p.rec.PersonType = string(vocab.PersonOther)
		p.rec.Position = fmt.Sprintf("%d届毕业生（待就业）", graduated.Year())
		p.rec.WorkUnit = "待就业"
		p.rec.Residence = p.rec.NativePlace
		p.rec.Note = "毕业时尚未落实工作单位，组织关系暂留学院"
		p.episodes = append(p.episodes, data.Episode{Kind: string(vocab.EpisodeGraduate), Since: dt(graduated),
			Place: p.rec.NativePlace, LastContact: dt(g.y.dayIn(g.asOf.AddDate(0, -2, 0), g.asOf))})
		p.quietFrom = max(g.startM, monthIndex(graduated)+1)
	}
}

// planProfileGaps leaves a few members without 户籍所在地 or 现居住地, as
// records taken over from old sheets are.
func (g *gen) planProfileGaps() {
	gaps := g.spare(func(p *person) bool { return true })
	for i, p := range gaps[:min(percent(g.o.Members, 1, 3)/2+1, len(gaps))] {
		switch i % 3 {
		case 0:
			p.rec.HouseholdPlace = ""
		case 1:
			p.rec.Residence = ""
		default:
			p.rec.HouseholdPlace, p.rec.Residence = "", ""
		}
	}
}

// writeFile writes the member file's records and the policy's other
// records, once the members, trainings and liaisons are written.
func (g *gen) writeFile() error {
	steps := []func() error{g.writeSettings, g.writeEpisodes, g.writeCorrections, g.writeDisciplines, g.writeRewards,
		g.writePostTerms, g.writePledges, g.writeVolunteering, g.writePracticePosts, g.writePublicity,
		g.writeLeaderVisits, g.writeSchool}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// demoSettings are the rule settings the demo organization has set: 学生
// owe 20 hours of 志愿服务 a year, as their 承诺 and 目标管理责任书 say.
var demoSettings = map[string]string{"volunteer.hours.student": "20"}

// writeSettings stores demoSettings over the defaults the new database
// holds.
func (g *gen) writeSettings() error {
	for _, key := range []string{"volunteer.hours.student"} {
		rows, err := g.tx.Settings.List(g.ctx, data.Where(data.ColKey, key))
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			if err := put(g, g.tx.Settings, &data.Setting{Key: key, Value: demoSettings[key]}, new(int)); err != nil {
				return err
			}
			continue
		}
		rows[0].Value = demoSettings[key]
		if err := g.tx.Settings.Update(g.ctx, &rows[0]); err != nil {
			return fmt.Errorf("写入演示数据的设置失败: %w", err)
		}
	}
	return nil
}

// writeEpisodes writes the planned episodes and dispositions.
func (g *gen) writeEpisodes() error {
	for _, p := range g.people {
		for i := range p.episodes {
			e := &p.episodes[i]
			e.MemberID = p.id
			if err := put(g, g.tx.Episodes, e, &g.sum.Episodes); err != nil {
				return err
			}
		}
		for i := range p.dispositions {
			d := &p.dispositions[i]
			d.MemberID = p.id
			if err := put(g, g.tx.Dispositions, d, &g.sum.Dispositions); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeCorrections gives three members a 限期改正: one corrected, one under
// way, and one whose period has run out without an outcome.
func (g *gen) writeCorrections() error {
	// The overdue one is a member who stopped taking part.
	var quiet []*person
	for _, p := range g.people {
		if p.quietFrom > 0 && p.onRoll() && !p.marked && !p.rec.LostContact && p.from.Before(g.asOf.AddDate(-2, 0, 0)) {
			quiet = append(quiet, p)
		}
	}
	plans := []struct {
		who      *person
		date     time.Time
		deadline time.Time
		done     bool
	}{
		{who: mark(g.y.shuffled(quiet)), date: g.asOf.AddDate(-1, -g.y.between(1, 3), -g.y.between(0, 20))},
		{who: mark(g.spare(joinedBy(g.asOf.AddDate(-1, 0, 0)))), date: g.asOf.AddDate(0, -g.y.between(1, 4), 0)},
		{who: mark(g.spare(joinedBy(g.asOf.AddDate(-3, 0, 0)))), date: g.asOf.AddDate(-2, 0, -g.y.between(0, 60)), done: true},
	}
	for i, c := range plans {
		if c.who == nil {
			continue
		}
		r := &data.Correction{MemberID: c.who.id, Date: dt(c.date), Reason: correctionReasons[i]}
		if c.done {
			r.Deadline = dt(c.date.AddDate(0, 6, -1))
			r.Outcome, r.OutcomeDate = string(vocab.CorrectionDone), dt(c.date.AddDate(0, g.y.between(3, 5), 0))
		}
		if err := put(g, g.tx.Corrections, r, &g.sum.Corrections); err != nil {
			return err
		}
	}
	return nil
}

// writeDisciplines records a few 党纪处分: a 警告 this year, whose 影响期 is
// still running, and a 严重警告 before.
func (g *gen) writeDisciplines() error {
	n := min(3, max(1, g.o.Members/150))
	for i := range n {
		kind := []vocab.DisciplineKind{vocab.DisciplineWarning, vocab.DisciplineSerious, vocab.DisciplineWarning}[i]
		d := g.asOf.AddDate(0, -g.y.between(2, 10), -g.y.between(0, 20))
		if i == 1 {
			d = g.asOf.AddDate(-1, -g.y.between(2, 18), 0)
		}
		p := mark(g.spare(joinedBy(d.AddDate(-1, 0, 0))))
		if p == nil {
			return nil
		}
		r := &data.Discipline{MemberID: p.id, Kind: string(kind), Date: dt(d), DecidedBy: "学院党委",
			Reason: disciplineReasons[i]}
		if err := put(g, g.tx.Disciplines, r, &g.sum.Disciplines); err != nil {
			return err
		}
	}
	return nil
}

// writeRewards records the 表彰奖励 of about 2% of the members over the last
// three years.
func (g *gen) writeRewards() error {
	var pool []*person
	for _, p := range g.people {
		if p.onRoll() && p.full() && !p.marked && p.quietFrom == 0 {
			pool = append(pool, p)
		}
	}
	for _, p := range g.y.shuffled(pool)[:min(percent(g.o.Members, 2, 2), len(pool))] {
		list := staffRewards
		switch {
		case p.student():
			list = studentRewards
		case p.retired():
			list = retiredRewards
		}
		rw := list[g.y.intn(len(list))]
		d := g.y.dayIn(maxTime(p.from, g.asOf.AddDate(-3, 0, 0)), g.asOf)
		r := &data.Reward{MemberID: p.id, Title: rw.title, Level: string(rw.level), Issuer: rw.issuer, Date: dt(d)}
		if err := put(g, g.tx.Rewards, r, &g.sum.Rewards); err != nil {
			return err
		}
	}
	return nil
}

// writePostTerms records each branch's 支委会 (书记, 组织委员, 宣传委员) and
// 党小组长 since the last election, and the committee before it for 教工 and
// 离退休 branches old enough. Most were elected within the last 30 months;
// one branch's term ends within three months and one's has ended.
func (g *gen) writePostTerms() error {
	var old []*branch
	for _, b := range g.branches {
		if b.kind != vocab.BranchStudent && b.founded.Before(g.asOf.AddDate(-3, -3, 0)) {
			old = append(old, b)
		}
	}
	old = shuffledBranches(g.y, old)
	for _, b := range g.branches {
		elected := g.asOf.AddDate(0, -g.y.between(2, 30), -g.y.between(0, 27))
		switch {
		case len(old) > 0 && b == old[0]:
			elected = g.asOf.AddDate(-3, 0, -g.y.between(1, 60)) // the term has ended: 换届 due
		case len(old) > 1 && b == old[1]:
			elected = g.asOf.AddDate(-3, 0, g.y.between(10, 80)) // ends within three months
		}
		elected = maxTime(elected, b.founded)
		for i, post := range []vocab.Post{vocab.PostSecretary, vocab.PostOrganization, vocab.PostPublicity} {
			if err := g.holdPost(b, b.committee()[i], vocab.OrganBranchCommittee, post, elected, time.Time{}); err != nil {
				return err
			}
		}
		for _, gr := range b.groups {
			if err := g.holdPost(b, gr.leader, vocab.OrganGroup, vocab.PostGroupLeader, elected, time.Time{}); err != nil {
				return err
			}
		}
		before := elected.AddDate(-3, 0, g.y.between(-20, 20))
		if b.kind == vocab.BranchStudent || before.Before(b.founded) {
			continue
		}
		// The committee before: the secretary re-elected half the time.
		var pool []*person
		for _, p := range b.members {
			if p.joined.Before(before) && !p.committee && p.until.IsZero() {
				pool = append(pool, p)
			}
		}
		pool = g.y.shuffled(pool)
		if len(pool) < 3 {
			continue
		}
		if b.secretary.joined.Before(before) && g.y.chance(0.5) {
			pool[0] = b.secretary
		}
		for i, post := range []vocab.Post{vocab.PostSecretary, vocab.PostOrganization, vocab.PostPublicity} {
			if err := g.holdPost(b, pool[i], vocab.OrganBranchCommittee, post, before, elected); err != nil {
				return err
			}
		}
	}
	return nil
}

// holdPost writes a post held from an election (or from when the member
// came, if later) to until (zero: still held).
func (g *gen) holdPost(b *branch, p *person, organ vocab.PostOrgan, post vocab.Post, elected, until time.Time) error {
	if p == nil {
		return nil
	}
	from := maxTime(elected, p.from)
	if !until.IsZero() && !from.Before(until) {
		return nil
	}
	t := &data.PostTerm{MemberID: p.id, BranchID: b.id, Organ: string(organ), Post: string(post), From: dt(from),
		Until: dt(until)}
	if !from.Equal(elected) {
		t.Elected = dt(elected)
	}
	return put(g, g.tx.PostTerms, t, &g.sum.PostTerms)
}

// shuffledBranches returns a shuffled copy of bs.
func shuffledBranches(s stream, bs []*branch) []*branch {
	out := append([]*branch(nil), bs...)
	s.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
