package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// writeCare writes 谈心谈话, 联系群众, 关心关爱, 干部监督, 意见建议 and 先进典型.
func (g *gen) writeCare() error {
	steps := []func() error{g.writeTalks, g.writeLiaisons, g.writeCareRecords, g.writeSupervisions,
		g.writeFeedback, g.writeHonors}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// deputy is who talks with the secretaries and handles care: the 党委副书记
// among the leaders, when there is one.
func (g *gen) deputy() string {
	if len(g.leaders) > 2 {
		return g.leaders[2].rec.Name
	}
	return "学院党委副书记"
}

// onRoll reports whether the member is still on the rolls at AsOf.
func (p *person) onRoll() bool { return p.until.IsZero() }

// sinceYear is the first day of the year, or the member's arrival if later.
func (g *gen) sinceYear(p *person) time.Time {
	return maxTime(p.from, date(g.year, time.January, 1))
}

// writeTalks has the branch secretary talk with about 92% of the members
// this year (the deputy with the secretaries).
func (g *gen) writeTalks() error {
	t := &data.Talk{}
	for i, p := range g.people {
		if i%64 == 0 {
			g.advance(min(64, len(g.people)-i) / 2)
		}
		if !p.onRoll() || g.chance(0.08) {
			continue
		}
		talker := p.branch.secretary.rec.Name
		if p == p.branch.secretary {
			talker = g.deputy()
		}
		*t = data.Talk{MemberID: p.id, Date: dt(g.dayIn(g.sinceYear(p), g.asOf)), Talker: talker,
			Content: g.pick(talkContents)}
		if err := put(g, g.tx.Talks, t, &g.sum.Talks); err != nil {
			return err
		}
	}
	return nil
}

// writeLiaisons gives most staff and students a 群众 and a 困难学生 to
// liaise with, and most leaders a 支部 and a 班级, with a few contact logs.
func (g *gen) writeLiaisons() error {
	var studentBranches []string
	for _, b := range g.branches {
		if b.kind == vocab.BranchStudent {
			studentBranches = append(studentBranches, b.rec.Name)
		}
	}
	l := &data.Liaison{}
	log := &data.LiaisonLog{}
	for i, p := range g.people {
		if i%64 == 0 {
			g.advance(min(64, len(g.people)-i) / 2)
		}
		if !p.onRoll() {
			continue
		}
		var kinds []vocab.LiaisonKind
		if p.staff() || p.student() {
			switch u := g.r.Float64(); {
			case u < 0.88:
				kinds = append(kinds, vocab.LiaisonMasses, vocab.LiaisonStudent)
			case u < 0.94:
				kinds = append(kinds, vocab.LiaisonMasses)
			}
		}
		if p.leader {
			if g.chance(0.85) {
				kinds = append(kinds, vocab.LiaisonBranch)
			}
			if g.chance(0.85) {
				kinds = append(kinds, vocab.LiaisonClass)
			}
		}
		for _, kind := range kinds {
			since := g.dayIn(maxTime(p.from, date(g.year-1, time.September, 1)), minTime(g.asOf, date(g.year, time.March, 31)))
			*l = data.Liaison{MemberID: p.id, Kind: string(kind), Contact: g.contact(p, kind, studentBranches), Since: dt(since)}
			if err := put(g, g.tx.Liaisons, l, &g.sum.Liaisons); err != nil {
				return err
			}
			link := leaderLink{id: data.Ref(l.ID), kind: kind, since: since}
			if g.chance(0.06) {
				for range g.between(1, 2) {
					d := g.dayIn(since, g.asOf)
					*log = data.LiaisonLog{LiaisonID: data.Ref(l.ID), Date: dt(d), Content: g.pick(liaisonLogTexts)}
					if err := put(g, g.tx.LiaisonLogs, log, &g.sum.LiaisonLogs); err != nil {
						return err
					}
					if d.Year() == g.year {
						link.visits++
					}
				}
			}
			if kind == vocab.LiaisonBranch || kind == vocab.LiaisonClass {
				g.leaderLinks = append(g.leaderLinks, link)
			}
		}
	}
	return nil
}

// contact names whom a member liaises with.
func (g *gen) contact(p *person, kind vocab.LiaisonKind, studentBranches []string) string {
	given := givenNames[2][g.intn(2)]
	name := surnames[g.intn(len(surnames))] + given[g.intn(len(given))]
	class := fmt.Sprintf("%s%d级%d班", g.pick(majors), g.year-g.between(1, 3), g.between(1, 4))
	switch kind {
	case vocab.LiaisonMasses:
		if p.staff() {
			return name + "(教职工)"
		}
		return name + "(同学)"
	case vocab.LiaisonStudent:
		return name + "(" + class + ")"
	case vocab.LiaisonBranch:
		if len(studentBranches) == 0 {
			return g.branches[0].rec.Name
		}
		return g.pick(studentBranches)
	}
	return class
}

// writeCareRecords records 困难帮扶 for members in difficulty, at the Spring
// Festival and before 七一, and 走访慰问 for old members.
func (g *gen) writeCareRecords() error {
	c := &data.CareRecord{}
	add := func(p *person, kind vocab.CareKind, d time.Time, content string, amount int64) error {
		if d.After(g.asOf) {
			return nil
		}
		*c = data.CareRecord{MemberID: p.id, Kind: string(kind), Date: dt(d), Content: content,
			Amount: data.Yuan(amount), Handler: g.deputy()}
		return put(g, g.tx.CareRecords, c, &g.sum.CareRecords)
	}
	spring := func() time.Time { return g.dayIn(date(g.year, time.January, 10), date(g.year, time.February, 10)) }
	july := func() time.Time { return date(g.year, time.June, g.between(20, 30)) }
	for _, p := range g.people {
		if !p.onRoll() {
			continue
		}
		if p.rec.InDifficulty {
			if err := add(p, vocab.CareHelp, spring(), careContents[0], int64(g.between(5, 20))*100); err != nil {
				return err
			}
			if err := add(p, vocab.CareHelp, july(), careContents[g.between(1, 2)], int64(g.between(3, 10))*100); err != nil {
				return err
			}
		}
		if p.fifty || p.retired() && p.birth.Year() <= g.year-80 {
			d, content := july(), visitContents[0]
			if p.fifty {
				content = "颁发“光荣在党50年”纪念章,走访慰问"
			}
			if d.After(g.asOf) {
				d, content = spring(), visitContents[1]
			}
			if err := add(p, vocab.CareVisit, d, content, 500); err != nil {
				return err
			}
			autumn := date(g.year, time.October, g.between(8, 20))
			if err := add(p, vocab.CareVisit, autumn, visitContents[2], 300); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeSupervisions records each leader's 个人事项报告 and 述职述廉 in
// January, and one 谈话诫勉.
func (g *gen) writeSupervisions() error {
	s := &data.Supervision{}
	add := func(p *person, kind vocab.SupervisionKind, d time.Time, content, result string) error {
		if d.After(g.asOf) {
			return nil
		}
		*s = data.Supervision{MemberID: p.id, Kind: string(kind), Date: dt(d), Content: content, Result: result}
		return put(g, g.tx.Supervisions, s, &g.sum.Supervisions)
	}
	for _, p := range g.leaders {
		if err := add(p, vocab.SupervisionReport, g.dayIn(date(g.year, time.January, 10), date(g.year, time.January, 31)),
			fmt.Sprintf("报告%d年度本人婚姻、出国(境)、收入、房产、投资等个人有关事项", g.year-1), "已按时如实报告,抽查核实无异常"); err != nil {
			return err
		}
		if err := add(p, vocab.SupervisionDebrief, g.dayIn(date(g.year, time.January, 15), date(g.year, time.February, 10)),
			fmt.Sprintf("%d年度述职述责述廉", g.year-1), "民主测评结果为“好”"); err != nil {
			return err
		}
	}
	if n := len(g.leaders); n >= 3 {
		if err := add(g.leaders[n-1], vocab.SupervisionAdmonish, g.dayIn(date(g.year, time.March, 1), g.asOf),
			"分管工作中督促检查不到位,对其进行诫勉谈话", "本人已作出书面检查,相关问题已整改"); err != nil {
			return err
		}
	}
	return nil
}

// writeFeedback records 5–10 suggestions, settled, in hand or waiting.
func (g *gen) writeFeedback() error {
	channels := vocab.FeedbackChannels
	for k := range g.between(5, 10) {
		received := g.dayIn(date(g.year, time.January, 1), g.asOf)
		f := &data.Feedback{Channel: string(channels[k%len(channels)]), Received: dt(received),
			Submitter: []string{"匿名", "教职工", string(vocab.PersonStudent), "离退休教职工"}[g.intn(4)], Content: feedbackContents[k],
			Status: string(vocab.FeedbackOpen)}
		switch k % 3 {
		case 0:
			f.Handler, f.Status = g.deputy(), string(vocab.FeedbackHandling)
			if replied := received.AddDate(0, 0, g.between(3, 20)); !replied.After(g.asOf) {
				f.Reply, f.RepliedDate, f.Status = g.pick(feedbackReplies), dt(replied), string(vocab.FeedbackClosed)
			}
		case 1:
			f.Handler, f.Status = g.branches[g.intn(len(g.branches))].secretary.rec.Name, string(vocab.FeedbackHandling)
		}
		if err := put(g, g.tx.Feedback, f, &g.sum.Feedback); err != nil {
			return err
		}
	}
	return nil
}

// writeHonors names about 1% of the members 先进典型: last year's at 七一, and
// this year's once 七一 has passed.
func (g *gen) writeHonors() error {
	var pool []*person
	for _, p := range g.people {
		if p.onRoll() && p.full() && p.quietFrom == 0 && p.unpaidFrom == 0 {
			pool = append(pool, p)
		}
	}
	n := percent(g.o.Members, 1, 3)
	thisYear := !date(g.year, time.July, 1).After(g.asOf)
	for k, p := range g.shuffled(pool)[:min(n, len(pool))] {
		title, deed := g.pick(honorTitles), honorDeeds[g.intn(2)]
		switch {
		case p.committee:
			title, deed = "优秀党务工作者", honorDeeds[2]
		case p.student():
			title, deed = "优秀学生党员", honorDeeds[3]
		case title == "优秀学生党员" || title == "师德标兵" && !p.staff():
			title = "优秀共产党员"
		}
		year := g.year - 1
		if thisYear && k%2 == 1 {
			year = g.year
		}
		h := &data.Honor{MemberID: p.id, Year: year, Title: title, Deed: deed}
		if err := put(g, g.tx.Honors, h, &g.sum.Honors); err != nil {
			return err
		}
	}
	return nil
}
