package demo

import (
	"fmt"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// 实践锻炼 (承诺践诺, 志愿服务, 党员先锋岗 and 责任区), 宣传, and the
// 党员领导干部's visits to the branch and the class they are linked to.
// Drawn from gen.y.

// pledgeDay is when the 承诺 of the year is made public at the latest.
func (g *gen) pledgeDay(year int) time.Time { return date(year, time.March, 31) }

// writePledges records the members' 承诺: last year's, reviewed in December
// but for a few, and this year's, made public from late February to the end
// of March (or soon after arriving); a few members have not pledged.
func (g *gen) writePledges() error {
	last := g.year - 1
	// A few members have not pledged this year, a few pledges of last year
	// were not reviewed.
	var pool []*person
	for _, p := range g.people {
		if p.onRoll() && p.from.Before(date(last, time.November, 1)) {
			pool = append(pool, p)
		}
	}
	pool = g.y.shuffled(pool)
	missing, unreviewed := map[*person]bool{}, map[*person]bool{}
	for i, p := range pool[:min(percent(g.o.Members, 1, 1)+percent(g.o.Members, 1, 1)/2+1, len(pool))] {
		if i%2 == 0 {
			missing[p] = true
		} else {
			unreviewed[p] = true
		}
	}
	for i, p := range g.people {
		if i%64 == 0 {
			g.advance(min(64, len(g.people)-i) / 2)
		}
		if !p.onRoll() {
			continue
		}
		reviewer := p.branch.secretary.rec.Name
		if p == p.branch.secretary {
			reviewer = g.deputy()
		}
		if p.from.Before(date(last, time.November, 1)) {
			pledged := g.pledgedOn(p, last)
			r := &data.Pledge{MemberID: p.id, Year: last, Content: g.pledgeContent(p), PledgedDate: dt(pledged)}
			reviewed := g.y.dayIn(date(last, time.December, 10), date(g.year, time.January, 15))
			if !unreviewed[p] && !reviewed.After(g.asOf) {
				r.Review, r.Reviewer, r.ReviewDate = g.pledgeReview(), reviewer, dt(reviewed)
			}
			if err := put(g, g.tx.Pledges, r, &g.sum.Pledges); err != nil {
				return err
			}
		}
		if p.rec.LostContact && p.rec.LostDate.Before(g.pledgeDay(g.year)) || missing[p] {
			continue
		}
		pledged := g.pledgedOn(p, g.year)
		if pledged.After(g.asOf) {
			continue
		}
		r := &data.Pledge{MemberID: p.id, Year: g.year, Content: g.pledgeContent(p), PledgedDate: dt(pledged)}
		// Reviewed in December, never before the pledge (a member who
		// joined late in the year pledged in December).
		if dec := date(g.year, time.December, 15); !dec.After(g.asOf) && g.y.chance(0.9) {
			r.Review, r.Reviewer, r.ReviewDate = g.pledgeReview(), reviewer, dt(g.y.dayIn(maxTime(dec, pledged), g.asOf))
		}
		if err := put(g, g.tx.Pledges, r, &g.sum.Pledges); err != nil {
			return err
		}
	}
	return nil
}

// pledgedOn is the day a member's 承诺 for year was made public: with the
// branch from late February to the end of March, or a few days after
// arriving.
func (g *gen) pledgedOn(p *person, year int) time.Time {
	if start := date(year, time.February, 20); p.from.Before(start) {
		return g.y.dayIn(start, g.pledgeDay(year))
	}
	return p.from.AddDate(0, 0, g.y.between(3, 20))
}

// pledgeContent is a member's pledges, one a line.
func (g *gen) pledgeContent(p *person) string {
	list := staffPledges
	switch {
	case p.student():
		list = studentPledges
	case p.retired():
		list = retiredPledges
	}
	a := g.y.intn(len(list))
	b := (a + 1 + g.y.intn(len(list)-1)) % len(list)
	return strings.Join([]string{commonPledges[g.y.intn(len(commonPledges))], list[a], list[b]}, "\n")
}

// pledgeReview is the 践诺 review: mostly kept.
func (g *gen) pledgeReview() string {
	switch u := g.y.r.Float64(); {
	case u < 0.9:
		return string(vocab.PledgeKept)
	case u < 0.98:
		return string(vocab.PledgePartly)
	}
	return string(vocab.PledgeNotKept)
}

// writeVolunteering records the year's 志愿服务: students four to eight times,
// staff and retired members now and then; members gone quiet none.
func (g *gen) writeVolunteering() error {
	v := &data.VolunteerService{}
	jan := date(g.year, time.January, 1)
	for i, p := range g.people {
		if i%64 == 0 {
			g.advance(min(64, len(g.people)-i) - min(64, len(g.people)-i)/2)
		}
		if !p.onRoll() || p.quietFrom > 0 {
			continue
		}
		n, lo, hi, list := g.y.between(0, 3), 2, 4, staffVolunteering
		switch {
		case p.student():
			n, lo, hi, list = g.y.between(4, 8), 3, 6, studentVolunteering
		case p.retired():
			n, list = g.y.between(0, 2), retiredVolunteering
		case p.kind() == vocab.PersonOther:
			n = 0
		}
		// Each a different activity: the same one twice on a day would be
		// one record.
		first := g.y.intn(len(list))
		for k := range min(n, len(list)) {
			act := list[(first+k)%len(list)]
			*v = data.VolunteerService{MemberID: p.id, Date: dt(g.y.dayIn(maxTime(p.from, jan), g.asOf)), Activity: act.what,
				Hours: float64(g.y.between(lo, hi)), Organizer: act.by}
			if act.by == "" {
				v.Organizer = p.branch.rec.Name
			}
			if err := put(g, g.tx.VolunteerServices, v, &g.sum.VolunteerServices); err != nil {
				return err
			}
		}
	}
	return nil
}

// writePracticePosts names about 6% of the members to a 党员先锋岗 (staff and
// retired) or a 党员责任区 (students) since last autumn; a few have ended.
func (g *gen) writePracticePosts() error {
	var pool []*person
	for _, p := range g.people {
		if p.onRoll() && p.full() && p.quietFrom == 0 && p.kind() != vocab.PersonOther {
			pool = append(pool, p)
		}
	}
	for _, p := range g.y.shuffled(pool)[:min(percent(g.o.Members, 6, 2), len(pool))] {
		kind, name, duties := vocab.PracticePioneer, g.y.pick(pioneerPosts), pioneerDuties
		switch {
		case p.student():
			kind, duties = vocab.PracticeZone, zoneDuties
			name = fmt.Sprintf("学生公寓%d栋%d层党员责任区", g.y.between(1, 16), g.y.between(1, 6))
			if g.y.chance(0.4) {
				name = p.rec.Position + "学风建设党员责任区"
			}
		case p.retired():
			name = "社区服务党员先锋岗"
		}
		since := g.y.dayIn(maxTime(p.from, date(g.year-1, time.September, 1)), g.asOf)
		r := &data.PracticePost{MemberID: p.id, Kind: string(kind), Name: name, Since: dt(since), Duties: duties}
		if g.y.chance(0.15) {
			r.Until = dt(g.y.dayIn(since, g.asOf))
		}
		if err := put(g, g.tx.PracticePosts, r, &g.sum.PracticePosts); err != nil {
			return err
		}
	}
	return nil
}

// writePublicity records the year's 宣传: one to four pieces about each
// branch and a few about the whole organization, in the 校报, on the
// website and the 微信公众号.
func (g *gen) writePublicity() error {
	jan := date(g.year, time.January, 1)
	taken := map[string]bool{} // channel, title and day: a piece's natural key
	add := func(b *branch, title string, from time.Time) error {
		ch := vocab.PublicityChannels[g.y.intn(3)]
		d := g.y.dayIn(maxTime(from, jan), g.asOf)
		for tries := 0; taken[string(ch)+title+dt(d).String()]; tries++ {
			if tries == 10 {
				return nil // the same news on every day tried: one piece fewer
			}
			d = g.y.dayIn(maxTime(from, jan), g.asOf)
		}
		taken[string(ch)+title+dt(d).String()] = true
		r := &data.Publicity{Channel: string(ch), Title: title, Date: dt(d)}
		if b != nil {
			r.BranchID = b.id
		}
		switch ch {
		case vocab.PublicityPaper:
			r.Link = fmt.Sprintf("校报第%d期第%d版", (d.Year()-1950)*30+int(d.Month())*2+g.y.between(0, 1), g.y.between(2, 4))
		case vocab.PublicitySite:
			r.Link = "学院官网“党建工作”栏目"
		default:
			r.Link = "微信公众号“" + g.college + "党建”"
		}
		return put(g, g.tx.Publicity, r, &g.sum.Publicity)
	}
	for _, b := range g.branches {
		for range g.y.between(1, 4) {
			if err := add(b, b.rec.Name+g.y.pick(branchNews), b.founded); err != nil {
				return err
			}
		}
	}
	for range g.y.between(3, 6) {
		if err := add(nil, g.college+"党委"+g.y.pick(orgNews), jan); err != nil {
			return err
		}
	}
	return nil
}

// leaderLink is a 党员领导干部's 支部 or 班级 liaison and its visits this
// year so far.
type leaderLink struct {
	id     data.Ref
	kind   vocab.LiaisonKind
	since  time.Time
	visits int
}

// writeLeaderVisits brings most leaders' 支部 and 班级 liaisons to two to
// four visits this year; about one in five, and the first, stay below two.
func (g *gen) writeLeaderVisits() error {
	log := &data.LiaisonLog{}
	jan := date(g.year, time.January, 1)
	for i, l := range g.leaderLinks {
		want := g.y.between(2, 4)
		if i == 0 || g.y.chance(0.2) {
			want = g.y.between(0, 1)
		}
		texts := branchVisits
		if l.kind == vocab.LiaisonClass {
			texts = classVisits
		}
		for range want - l.visits {
			*log = data.LiaisonLog{LiaisonID: l.id, Date: dt(g.y.dayIn(maxTime(l.since, jan), g.asOf)),
				Content: texts[g.y.intn(len(texts))]}
			if err := put(g, g.tx.LiaisonLogs, log, &g.sum.LiaisonLogs); err != nil {
				return err
			}
		}
	}
	return nil
}
