package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// meeting is a planned meeting of a branch.
type meeting struct {
	rec      data.Meeting
	b        *branch
	grp      *group
	date     time.Time
	host     *person
	recorder *person
	attended []*person // for a 党课 of the year: who attended, for its training record
}

// kind is the meeting's kind.
func (m *meeting) kind() vocab.MeetingKind { return vocab.MeetingKind(m.rec.Kind) }

// writeMeetings plans every branch's meetings, has the lecturing leaders
// give some of the year's 党课, and writes the meetings with the attendance
// of every member expected.
func (g *gen) writeMeetings() error {
	for _, b := range g.branches {
		b.meetings = g.planMeetings(b)
	}
	g.assignLecturers()
	att := &data.MeetingAttendance{}
	for _, b := range g.branches {
		for _, m := range b.meetings {
			if err := g.writeMeeting(m, att); err != nil {
				return err
			}
		}
		g.advance(b.size)
	}
	return nil
}

// planMeetings lays out a branch's meetings from the first month of the
// window (or its founding) to AsOf: 支委会 and 党小组会 monthly, 主题党日
// monthly but for a few months, 支部党员大会 and 党课 quarterly, and the
// year's 组织生活会 and 民主评议 in January–March.
func (g *gen) planMeetings(b *branch) []*meeting {
	var ms []*meeting
	add := func(kind vocab.MeetingKind, d time.Time, gr *group, topic string) {
		if d.Before(b.founded) || d.After(g.asOf) {
			return
		}
		m := &meeting{b: b, grp: gr, date: d, host: b.secretary, recorder: b.organizer,
			rec: data.Meeting{Kind: string(kind), Topic: topic}}
		if gr != nil {
			m.host, m.recorder = gr.leader, nil
			for _, p := range gr.members {
				if p != gr.leader && p.quietFrom == 0 && p.present(d) {
					m.recorder = p
					break
				}
			}
		}
		if !m.host.present(d) {
			m.host = b.secretary
		}
		if m.recorder != nil && !m.recorder.present(d) {
			m.recorder = nil
		}
		ms = append(ms, m)
	}
	first := max(g.startM, b.firstM)
	for mi := first; mi <= g.asOfM; mi++ {
		d, _ := g.day(mi, 3, 10)
		add(vocab.MeetingCommittee, d, nil, g.pick(committeeTopics))
		for _, gr := range b.groups {
			d, _ := g.day(mi, 8, 20)
			add(vocab.MeetingGroup, d, gr, g.pick(groupTopics))
		}
		d, _ = g.day(mi, 12, 28)
		topic := g.themeTopic(mi)
		if mi != b.skipTheme && !g.chance(0.025) && !(b.weak && (mi-g.jan)%3 == 1) {
			add(vocab.MeetingThemeDay, d, nil, topic)
		}
	}
	for q := first / 3; q <= g.asOfM/3; q++ {
		gm, lm := q*3+g.intn(3), q*3+g.intn(3)
		gd, _ := g.day(gm, 5, 25)
		ld, _ := g.day(lm, 5, 25)
		gt, lt := g.pick(generalTopics), g.pick(lectureTopics)
		if q == b.missQuarter {
			continue
		}
		if gm >= first {
			add(vocab.MeetingGeneral, gd, nil, gt)
		}
		if lm >= first {
			add(vocab.MeetingLecture, ld, nil, lt)
		}
	}
	if b.parent != nil {
		add(vocab.MeetingGeneral, b.founded, nil, "党支部成立大会暨选举支部委员会")
	}
	if !b.noOrgLife && b.firstM <= g.jan {
		life := monthStart(g.jan+g.intn(3)).AddDate(0, 0, g.between(4, 18))
		appraisal := life.AddDate(0, 0, g.between(1, 10))
		add(vocab.MeetingOrgLife, life, nil, fmt.Sprintf("%d年专题组织生活会", g.year))
		add(vocab.MeetingAppraisal, appraisal, nil, fmt.Sprintf("%d年民主评议党员", g.year))
		if !appraisal.After(g.asOf) {
			b.appraisedOn = appraisal
		}
	}
	slices.SortStableFunc(ms, func(a, b *meeting) int { return a.date.Compare(b.date) })
	return ms
}

// themeTopic is a 主题党日 topic for month mi.
func (g *gen) themeTopic(mi int) string {
	t := g.pick(themeDayTopics[mi%12])
	if strings.Contains(t, "%d") {
		t = fmt.Sprintf(t, mi/12-1921)
	}
	return t
}

// assignLecturers has each lecturing leader give one of the year's 党课, in
// any branch (not their own for the one who skips it).
func (g *gen) assignLecturers() {
	var slots []*meeting
	for _, b := range g.branches {
		for _, m := range b.meetings {
			if m.kind() == vocab.MeetingLecture && m.date.Year() == g.year {
				slots = append(slots, m)
			}
		}
	}
	g.r.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	used := make([]bool, len(slots))
	next := 0 // slots before next are all used
	for _, l := range g.leaders {
		if !l.lectures {
			continue
		}
		for i := next; i < len(slots); i++ {
			m := slots[i]
			if used[i] || l.skipsOwn && m.b == l.branch || !l.present(m.date) {
				continue
			}
			used[i], m.host = true, l
			break
		}
		for next < len(slots) && used[next] {
			next++
		}
	}
}

// attendees are the members expected at a meeting.
func (g *gen) attendees(m *meeting) []*person {
	var pool []*person
	switch {
	case m.kind() == vocab.MeetingCommittee:
		pool = m.b.committee()
	case m.grp != nil:
		pool = m.grp.members
	default:
		return g.roll(m.b, m.date)
	}
	var out []*person
	for _, p := range pool {
		if p.present(m.date) {
			out = append(out, p)
		}
	}
	return out
}

// roll lists a branch's members on day d: before the new branch was split
// from it, the new branch's members too. Their attendance there is drawn
// but not written (see splitOff): the records keep no branch change for
// them, so on the rolls they were never the parent's.
func (g *gen) roll(b *branch, d time.Time) []*person {
	out := make([]*person, 0, len(b.members))
	for _, p := range b.members {
		if p.present(d) {
			out = append(out, p)
		}
	}
	if c := b.child; c != nil && d.Before(c.founded) {
		for _, p := range c.members {
			if p.present(d) {
				out = append(out, p)
			}
		}
	}
	return out
}

// status draws a member's attendance at a meeting: mostly 出席; the host
// and the recorder are there; members gone quiet are not.
func (g *gen) status(p *person, m *meeting) vocab.Attendance {
	if p == m.host || p == m.recorder {
		return vocab.Present
	}
	mi := monthIndex(m.date)
	switch {
	case p.quietFrom > 0 && mi >= p.quietFrom:
		if g.chance(0.7) {
			return vocab.Absent
		}
		return vocab.Excused
	case p.quietFrom > 0 && mi == p.quietFrom-1:
		return vocab.Present
	case p.skipsOwn && p.branch == m.b:
		return vocab.Excused
	case p.rec.Floating && g.chance(0.6):
		return vocab.Excused
	}
	switch u := g.r.Float64(); {
	case u < 0.925:
		return vocab.Present
	case u < 0.985:
		return vocab.Excused
	}
	return vocab.Absent
}

// splitOff reports whether p, expected at m, belongs to the branch later
// split from m's: such members are on the parent's rolls only in the
// plan, not in the records, so their attendance is not written and the
// minutes' 应到 and 实到 leave them out, as the 组织生活台账 does.
func splitOff(p *person, m *meeting) bool {
	return m.b.child != nil && p.branch == m.b.child
}

// writeMeeting writes a meeting, its minutes and its attendance; an outside
// lecturer is recorded as present.
func (g *gen) writeMeeting(m *meeting, att *data.MeetingAttendance) error {
	people := g.attendees(m)
	statuses := make([]vocab.Attendance, len(people))
	count := map[vocab.Attendance]int{}
	expected := 0
	hostIn := false
	for i, p := range people {
		statuses[i] = g.status(p, m) // drawn for everyone, so that later draws stay as they were
		if splitOff(p, m) {
			continue
		}
		expected++
		count[statuses[i]]++
		hostIn = hostIn || p == m.host
	}
	r := &m.rec
	r.BranchID, r.Date, r.Location = m.b.id, dt(m.date), m.b.room()
	if m.grp != nil {
		r.GroupID = m.grp.id
	}
	r.Host, r.HostID = m.host.rec.Name, m.host.id
	role := "主持"
	if m.kind() == vocab.MeetingLecture {
		role = "主讲"
	}
	r.Minutes = fmt.Sprintf("%s%s", m.host.rec.Name, role)
	if m.recorder != nil {
		r.Recorder = m.recorder.rec.Name
		r.Minutes += "," + r.Recorder + "记录"
	}
	r.Minutes += fmt.Sprintf("。应到%d人,实到%d人,请假%d人,缺席%d人。%s",
		expected, count[vocab.Present], count[vocab.Excused], count[vocab.Absent], minutesBody[m.kind()])
	if err := put(g, g.tx.Meetings, r, &g.sum.Meetings); err != nil {
		return err
	}
	mid := data.Ref(r.ID)
	lecture := m.kind() == vocab.MeetingLecture && m.date.Year() == g.year
	for i, p := range people {
		*att = data.MeetingAttendance{MeetingID: mid, MemberID: p.id, Status: string(statuses[i]),
			Reason: g.reason(p, statuses[i])}
		// A member heard the 党课 (and has its hours) even when the
		// attendance is not written for being on another branch's rolls.
		if lecture && statuses[i] == vocab.Present && p != m.host {
			m.attended = append(m.attended, p)
		}
		if splitOff(p, m) {
			continue
		}
		if err := put(g, g.tx.MeetingAttendance, att, &g.sum.Attendance); err != nil {
			return err
		}
	}
	if !hostIn {
		*att = data.MeetingAttendance{MeetingID: mid, MemberID: m.host.id, Status: string(vocab.Present)}
		if err := put(g, g.tx.MeetingAttendance, att, &g.sum.Attendance); err != nil {
			return err
		}
	}
	if lecture {
		g.lectures = append(g.lectures, m)
	}
	return nil
}
