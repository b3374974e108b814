package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// session is a training session to write and who may attend it.
type session struct {
	rec     data.Training
	date    time.Time
	pool    []*person // who is expected
	online  bool
	certain bool   // everyone in pool attended (the 党课 records)
	cert    string // the prefix of the 结业证书 numbers its attendees receive; empty: none
}

// writeTrainings writes the year's 学习培训 up to AsOf: per branch a 集体学习
// every month, 专题研讨 in March and September and a record for each 党课
// held; for the organization a spring 培训班 of 8 学时 from the 二级党校, a
// 报告会, two 网络培训 and two 培训班 for 班子成员; a few 个人自学; and the
// 二级党校's plan.
func (g *gen) writeTrainings() error {
	att := &data.TrainingAttendee{}
	for _, b := range g.branches {
		for mi := max(g.jan, b.firstM); mi <= g.asOfM; mi++ {
			d, ok := g.day(mi, 5, 25)
			s := &session{date: d, rec: data.Training{Form: string(vocab.FormGroupStudy), Hours: 2, Topic: g.pick(studyTopics)}}
			if err := g.branchSession(b, s, ok, att); err != nil {
				return err
			}
			if mi%12 == 2 || mi%12 == 8 {
				d, ok := g.day(mi, 10, 28)
				s := &session{date: d, rec: data.Training{Form: string(vocab.FormSeminar), Hours: 3, Topic: g.pick(seminarTopics)}}
				if err := g.branchSession(b, s, ok, att); err != nil {
					return err
				}
			}
		}
		g.advance(b.size / 2)
	}
	for _, m := range g.lectures {
		s := &session{date: m.date, pool: m.attended, certain: true, rec: data.Training{
			Form: string(vocab.FormLecture), Hours: 2, Topic: m.rec.Topic, Organizer: m.b.rec.Name, SpeakerID: m.host.id,
			Note: "支部党课,主讲人" + m.host.rec.Name, Location: m.rec.Location}}
		if err := g.writeSession(s, att); err != nil {
			return err
		}
	}
	if err := g.writeOrgSessions(att); err != nil {
		return err
	}
	if err := g.writeSelfStudy(att); err != nil {
		return err
	}
	g.advance(g.o.Members - g.o.Members/2)
	return g.writePlan()
}

// branchSession writes a branch's session (when held by AsOf and after the
// branch's founding) for its members of the day.
func (g *gen) branchSession(b *branch, s *session, held bool, att *data.TrainingAttendee) error {
	if !held || s.date.Before(b.founded) {
		return nil
	}
	s.rec.Organizer = b.rec.Name
	s.rec.Location = trainingPlace(s, b)
	s.pool = g.roll(b, s.date)
	return g.writeSession(s, att)
}

// orgSession is one of the organization's sessions: month of the year,
// form, hours, topic, organizer, whether online, whether for 班子成员 only,
// and the line of the 二级党校's plan (planCourses) it delivers.
type orgSession struct {
	month     time.Month
	form      vocab.TrainingForm
	hours     float64
	topic     string
	organizer string
	online    bool
	committee bool
	course    string
}

var orgSessions = []orgSession{
	{time.March, vocab.FormCourse, 8, "党支部书记和支委能力提升培训班", "二级党校", false, true, "党支部书记和支委能力提升培训"},
	{time.April, vocab.FormCourse, 8, "二级党校春季党员集中轮训:习近平新时代中国特色社会主义思想专题", "二级党校", false, false, "习近平新时代中国特色社会主义思想专题学习"},
	{time.May, vocab.FormReport, 2, "形势与政策专题报告会", "学院党委", false, false, "形势与政策专题报告"},
	{time.July, vocab.FormOnline, 4, "暑期党员网络专题培训", "学校党委组织部", true, false, "网络专题培训"},
	{time.September, vocab.FormCourse, 8, "党支部书记和支委秋季轮训", "二级党校", false, true, "党支部书记和支委秋季轮训"},
	{time.November, vocab.FormOnline, 4, "党纪学习教育网络专题培训", "学校党委组织部", true, false, "党纪学习教育专题培训"},
}

// schoolRun is an organization's session written and the plan line it
// delivers, linked to the line's course once the courses exist.
type schoolRun struct {
	rec    *data.Training
	course string
}

// writeOrgSessions writes the organization-wide sessions held by AsOf; the
// 报告会 is given by the first leader.
func (g *gen) writeOrgSessions(att *data.TrainingAttendee) error {
	for _, o := range orgSessions {
		d, ok := g.day(g.jan+int(o.month)-1, 10, 26)
		if !ok {
			continue
		}
		s := &session{date: d, online: o.online, rec: data.Training{
			Form: string(o.form), Hours: o.hours, Topic: o.topic, Organizer: o.organizer}}
		s.rec.Location = trainingPlace(s, nil)
		if o.form == vocab.FormCourse && o.committee {
			// The 班子成员's 培训班 give each attendee a 结业证书.
			s.cert = fmt.Sprintf("DX%d%02d", g.year, int(o.month))
		}
		for _, p := range g.people {
			if p.present(d) && (!o.committee || p.committee) {
				s.pool = append(s.pool, p)
			}
		}
		if o.form == vocab.FormReport && len(g.leaders) > 0 && g.leaders[0].lectures {
			s.rec.SpeakerID = g.leaders[0].id
			s.rec.Note = "主讲人" + g.leaders[0].rec.Name
		}
		if err := g.writeSession(s, att); err != nil {
			return err
		}
		g.schoolRuns = append(g.schoolRuns, schoolRun{rec: &s.rec, course: o.course})
	}
	return nil
}

// writeSelfStudy records 个人自学 for about 3% of the members; it does not
// count toward the yearly hours.
func (g *gen) writeSelfStudy(att *data.TrainingAttendee) error {
	n := percent(g.o.Members, 3, 3)
	for _, p := range g.shuffled(g.people)[:n] {
		from := maxTime(p.from, date(g.year, time.January, 1))
		if !p.until.IsZero() {
			continue
		}
		s := &session{date: g.dayIn(from, g.asOf), pool: []*person{p}, certain: true, rec: data.Training{
			Form: string(vocab.FormSelfStudy), Hours: float64(g.between(2, 4)), Topic: "自学" + g.pick(studyTopics), Organizer: "个人"}}
		if err := g.writeSession(s, att); err != nil {
			return err
		}
	}
	return nil
}

// writeSession writes a session and credits its hours to who attended.
func (g *gen) writeSession(s *session, att *data.TrainingAttendee) error {
	s.rec.Date = dt(s.date)
	if err := put(g, g.tx.Trainings, &s.rec, &g.sum.Trainings); err != nil {
		return err
	}
	tid := data.Ref(s.rec.ID)
	mi := monthIndex(s.date)
	n := 0
	for _, p := range s.pool {
		if !s.certain && !g.chance(p.trainingChance(mi, s.online)) {
			continue
		}
		*att = data.TrainingAttendee{TrainingID: tid, MemberID: p.id, Hours: s.rec.Hours}
		if s.cert != "" {
			n++
			att.Certificate = fmt.Sprintf("%s-%04d", s.cert, n)
		}
		if err := put(g, g.tx.TrainingAttendees, att, &g.sum.TrainingAttendees); err != nil {
			return err
		}
	}
	return nil
}

// trainingChance is how likely the member attends a session in month mi.
func (p *person) trainingChance(mi int, online bool) float64 {
	switch {
	case p.quietFrom > 0 && mi >= p.quietFrom:
		return 0
	case p.rec.Floating && !online:
		return 0.25
	case p.committee && p.lowTrain:
		return 0.55
	case p.committee:
		return 0.95
	case p.lowTrain:
		return 0.3
	}
	return 0.85
}

// writePlan writes the 二级党校's plan for the year: 6–10 courses.
func (g *gen) writePlan() error {
	for _, c := range planCourses[:g.between(6, len(planCourses))] {
		p := &data.TrainingPlan{Year: g.year, Course: c.name, PlannedHours: c.hours, TargetGroup: c.target,
			Month: c.month, Organizer: "二级党校"}
		if err := put(g, g.tx.TrainingPlans, p, &g.sum.TrainingPlans); err != nil {
			return err
		}
		g.plans = append(g.plans, p)
	}
	return nil
}
