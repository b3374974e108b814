package demo

import (
	"fmt"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// assignRoles gives members their posts and the situations the rules look
// for. Each role draws from members without an exclusive role yet.
func (g *gen) assignRoles() {
	for _, b := range g.branches {
		g.assignCommittee(b)
	}
	g.assignLeaders()
	g.assignProbation()
	g.assignFifty()
	g.assignDifficulty()
	g.assignFloating()
	g.assignTransfersOut()
	g.assignTransfersIn()
	g.assignInactive()
	g.assignLowTraining()
}

// free returns the members without an exclusive role that satisfy keep.
func (g *gen) free(keep func(p *person) bool) []*person {
	var out []*person
	for _, p := range g.people {
		if !p.taken && keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// choose takes up to n shuffled members of ps, marking them taken.
func (g *gen) choose(ps []*person, n int) []*person {
	ps = g.shuffled(ps)[:min(n, len(ps))]
	for _, p := range ps {
		p.taken = true
	}
	return ps
}

// percent is p% of n, rounded, and at least least.
func percent(n, p, least int) int { return max(least, (n*p+50)/100) }

// assignCommittee picks the 书记 (a student branch's 辅导员), 组织委员 and
// 宣传委员, and the 党小组长 of each group.
func (g *gen) assignCommittee(b *branch) {
	// The committee are members of long standing where possible.
	cutoff := monthStart(g.startM)
	var vets []*person
	for _, p := range b.members {
		if p.joined.Before(cutoff) {
			vets = append(vets, p)
		}
	}
	if len(vets) < 3 {
		vets = b.members
	}
	sec := b.members[0]
	if b.kind != vocab.BranchStudent {
		sec = vets[g.intn(len(vets))]
	}
	var rest, others []*person
	for _, p := range g.shuffled(vets) {
		if p != sec {
			rest = append(rest, p)
		}
	}
	for _, p := range b.members {
		if p != sec && !slices.Contains(rest, p) {
			others = append(others, p)
		}
	}
	rest = append(rest, others...)
	b.secretary, b.organizer, b.publicity = sec, rest[0], rest[1]
	for i, post := range []string{"党支部书记", "组织委员", "宣传委员"} {
		p := b.committee()[i]
		p.rec.PartyPost, p.committee, p.taken = post, true, true
	}
	for _, gr := range b.groups {
		for _, p := range gr.members {
			if !p.taken {
				gr.leader = p
				p.rec.PartyPost, p.taken = "党小组长", true
				break
			}
		}
		if gr.leader == nil {
			gr.leader = gr.members[0]
		}
	}
}

// assignLeaders makes about 5% of the staff 党员领导干部: older staff of the
// 教工 branches. About a quarter give no 党课 this year, and one of the
// others never attends their own branch.
func (g *gen) assignLeaders() {
	staff := 0
	for _, p := range g.people {
		if p.staff() {
			staff++
		}
	}
	g.leaders = g.choose(g.free(func(p *person) bool {
		return p.branch.kind == vocab.BranchStaff && p.birth.Year() <= g.year-38
	}), percent(staff, 5, 1))
	for i, p := range g.leaders {
		p.leader, p.lectures = true, true
		p.rec.IsLeader = true
		if i < len(leaderTitles) {
			p.rec.Position = "学院" + leaderTitles[i]
		} else {
			p.rec.Position = p.branch.dept + []string{"主任", "副主任"}[i%2]
			if p.branch.dept == "机关" {
				p.rec.Position = "学院办公室" + []string{"主任", "副主任"}[i%2]
			}
		}
	}
	n := len(g.leaders)
	if n < 2 {
		return
	}
	silent := max(1, n/4)
	for _, p := range g.leaders[n-silent:] {
		p.lectures = false
	}
	if k := n - silent - 1; k >= 1 {
		g.leaders[k].skipsOwn = true
	}
}

// assignProbation makes about 5% 预备党员 who joined within the year, most
// of them students: one whose 预备期 is overdue, two whose ends within a
// month.
func (g *gen) assignProbation() {
	n := percent(g.o.Members, 5, 3)
	students := g.free(func(p *person) bool { return p.student() })
	young := g.free(func(p *person) bool {
		return p.staff() && p.branch.kind == vocab.BranchStaff && p.birth.Year() >= g.year-35
	})
	chosen := g.choose(students, n*4/5)
	chosen = append(chosen, g.choose(young, n-len(chosen))...)
	chosen = g.shuffled(chosen)
	for i, p := range chosen {
		var j time.Time
		switch i {
		case 0:
			j = g.asOf.AddDate(-1, 0, -g.between(10, 40))
		case 1, 2:
			j = g.asOf.AddDate(-1, 0, g.between(1, 25))
		default:
			j = g.asOf.AddDate(0, 0, -g.between(30, 330))
		}
		if adult := p.birth.AddDate(18, 0, 0); j.Before(adult) {
			j = adult
		}
		p.joined, p.from = j, j
		p.rec.JoinedDate, p.rec.ConfirmedAt = dt(j), dt(time.Time{})
		p.rec.Category = string(vocab.CategoryProbation)
	}
}

// assignFifty has a few retired members become 正式党员 exactly 50 years
// before AsOf's year (光荣在党50年: 党龄 runs from 转正).
func (g *gen) assignFifty() {
	old := g.free(func(p *person) bool { return p.branch.kind == vocab.BranchRetired && p.birth.Year() <= g.year-70 })
	n := 2
	if len(old) >= 6 {
		n = 3
	}
	for _, p := range g.choose(old, n) {
		j := date(g.year-51, time.Month(g.between(1, 12)), g.between(1, 28))
		p.fifty, p.joined, p.from = true, j, j
		p.rec.JoinedDate, p.rec.ConfirmedAt = dt(j), dt(j.AddDate(1, 0, 0))
	}
}

// assignDifficulty marks about 1% 困难党员, retired members and students
// first; one is exempted from dues, two pay the reduced 0.2 元.
func (g *gen) assignDifficulty() {
	n := percent(g.o.Members, 1, 2)
	pool := g.free(func(p *person) bool { return p.branch.kind == vocab.BranchRetired })
	pool = append(g.shuffled(pool), g.shuffled(g.free(func(p *person) bool { return p.student() }))...)
	pool = append(pool, g.shuffled(g.free(func(p *person) bool { return p.staff() }))...)
	for i, p := range pool[:min(n, len(pool))] {
		p.rec.InDifficulty = true
		p.rec.Note = "家庭经济困难"
		if i == 0 {
			p.rec.DuesExemptBy = fmt.Sprintf("学院党委(%d年第1次党委会议决定)", g.startM/12)
			p.rec.Note = "家庭遭遇重大变故,经学院党委决定免交党费"
		}
	}
	reduced := 0
	for _, p := range pool[min(1, len(pool)):] {
		if reduced == 2 {
			break
		}
		if !p.student() {
			p.rec.InDifficulty, p.rec.DuesReduced = true, true
			p.rec.Note = "享受最低生活保障,按每月0.2元交纳党费"
			reduced++
		}
	}
}

// assignFloating sends about 1% (students and staff) away as 流动党员.
func (g *gen) assignFloating() {
	for _, p := range g.choose(g.free(func(p *person) bool { return !p.rec.InDifficulty && !p.retired() }),
		percent(g.o.Members, 1, 2)) {
		p.rec.Floating, p.rec.FloatingTo = true, g.pick(floatingPlaces)
	}
}

// assignTransfersOut has about 1% (graduates, mostly) transferred out within
// the last eight months; the first letter is past its validity without a
// receipt.
func (g *gen) assignTransfersOut() {
	n := percent(g.o.Members, 1, 3)
	pool := g.free(func(p *person) bool { return p.student() && !p.rec.InDifficulty && p.full() })
	if len(pool) < n {
		pool = append(pool, g.free(func(p *person) bool { return p.staff() && p.full() })...)
	}
	for i, p := range g.choose(pool, n) {
		p.out = true
		if i == 0 {
			p.issued = g.asOf.AddDate(0, 0, -g.between(100, 200))
		} else {
			p.issued = g.asOf.AddDate(0, 0, -g.between(15, 240))
			if r := p.issued.AddDate(0, 0, g.between(7, 45)); !r.After(g.asOf) {
				p.receipt = r
			}
		}
		p.until = p.issued
		p.otherOrg = g.pick(otherOrgs)
		p.rec.Status = string(vocab.StatusTransferred)
		p.rec.Note = "组织关系转出至" + p.otherOrg
	}
}

// assignTransfersIn has a few graduate students and staff transferred in
// this year, receipts returned.
func (g *gen) assignTransfersIn() {
	pool := g.free(func(p *person) bool {
		return (p.branch.grad && p.student() || p.branch.kind == vocab.BranchStaff) && p.full() && !p.rec.InDifficulty
	})
	lo := maxTime(date(g.year, time.January, 5), g.asOf.AddDate(0, 0, -200))
	hi := g.asOf.AddDate(0, 0, -10)
	for _, p := range g.choose(pool, percent(g.o.Members, 1, 2)) {
		p.in = true
		p.issued = g.dayIn(lo, hi)
		if hi.Before(lo) {
			p.issued = date(g.year-1, time.September, g.between(1, 20))
		}
		p.receipt = minTime(p.issued.AddDate(0, 0, g.between(3, 10)), g.asOf)
		p.from = maxTime(p.from, p.issued)
		p.otherOrg = g.pick(fromOrgs)
		p.rec.Note = "由" + p.otherOrg + string(vocab.TransferIn)
	}
}

// assignInactive has about 2% attend nothing for the last 4–8 months (one
// of them 失联) and about 2% stop paying dues 3–8 months ago.
func (g *gen) assignInactive() {
	quiet := g.choose(g.free(func(p *person) bool {
		return p.full() && p.from.Equal(p.joined)
	}), percent(g.o.Members, 2, 1))
	for i, p := range quiet {
		p.quietFrom = g.asOfM - g.between(4, 8)
		if i == 0 && g.o.Members >= 100 {
			p.rec.LostContact = true
			p.rec.Note = "多次联系未果"
			p.unpaidFrom = g.asOfM - g.between(6, 8)
		}
	}
	pool := g.shuffled(g.free(func(p *person) bool {
		return p.rec.DuesExemptBy == "" && p.full() && p.from.Equal(p.joined)
	}))
	for _, p := range pool[:min(percent(g.o.Members, 2, 1), len(pool))] {
		p.unpaidFrom = g.asOfM - g.between(3, 8)
	}
}

// assignLowTraining has about 10% of members, and a few 班子成员, attend
// little training.
func (g *gen) assignLowTraining() {
	var committee []*person
	for _, p := range g.people {
		if p.committee {
			committee = append(committee, p)
		} else if g.chance(0.10) {
			p.lowTrain = true
		}
	}
	for _, p := range g.shuffled(committee)[:max(1, len(committee)/12)] {
		p.lowTrain = true
	}
}

// assignQuirks picks the branches with gaps: a month without 主题党日, a
// quarter without 支部党员大会 and 党课, one without the year's 组织生活会 and
// 民主评议 (the new branch, when there is one), and one with over a third 优秀.
func (g *gen) assignQuirks() {
	var old []*branch
	for _, b := range g.branches {
		if b.parent == nil {
			old = append(old, b)
		}
	}
	if ended := g.asOfM - g.jan; ended > 0 {
		old[g.intn(len(old))].skipTheme = g.jan + g.intn(ended)
	}
	if quarters := (g.asOfM - g.jan) / 3; quarters > 0 {
		old[g.intn(len(old))].missQuarter = g.jan/3 + g.intn(quarters)
	}
	noLife := old[g.intn(len(old))]
	for _, b := range g.branches {
		if b.parent != nil {
			noLife = b
		}
	}
	noLife.noOrgLife = true
	var rest []*branch
	for _, b := range old {
		if b != noLife {
			rest = append(rest, b)
		}
	}
	rest[g.intn(len(rest))].manyExcel = true
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
