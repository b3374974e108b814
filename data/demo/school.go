package demo

import (
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The 二级党校: its teachers, a course for each line of the year's plan,
// and the organization's sessions linked to the course they deliver.

// teacherPlan is one of the 二级党校's teachers: a leader (by position in
// gen.leaders), a member of staff, or someone from outside.
type teacherPlan struct {
	kind     vocab.TeacherKind
	leader   int // index in gen.leaders; -1 none
	staff    bool
	unit     string
	subjects string
}

var teacherPlans = []teacherPlan{
	{vocab.TeacherPart, 0, false, "", "党的创新理论、全面从严治党"},
	{vocab.TeacherPart, 2, false, "", "党支部建设、党务工作实务"},
	{vocab.TeacherFull, -1, true, "学院党委组织员（二级党校专职教师）", "党章党规、发展党员工作"},
	{vocab.TeacherPart, -1, false, "马克思主义学院 教授", "习近平新时代中国特色社会主义思想、党史"},
	{vocab.TeacherPart, -1, false, "学校党委组织部 副部长", "党员教育管理、党支部书记能力提升"},
	{vocab.TeacherFull, -1, false, "学校党校 专职教师", "形势与政策、师德师风"},
}

// writeSchool writes the teachers and the courses, and links the sessions
// to their course.
func (g *gen) writeSchool() error {
	var teachers []*data.SchoolTeacher
	var staff []*person
	for _, p := range g.people {
		if p.staff() && p.onRoll() && !p.leader && !p.marked && strings.Contains(p.rec.Position, "办公室") {
			staff = append(staff, p)
		}
	}
	staff = g.y.shuffled(staff)
	for _, t := range teacherPlans {
		rec := &data.SchoolTeacher{Kind: string(t.kind), Unit: t.unit, Subjects: t.subjects,
			Since: dt(date(g.year-g.y.between(1, 4), time.September, g.y.between(1, 20)))}
		var p *person
		switch {
		case t.leader >= 0 && t.leader < len(g.leaders):
			p = g.leaders[t.leader]
			rec.Unit = g.college + strings.TrimPrefix(p.rec.Position, "学院")
		case t.leader >= 0:
			continue
		case t.staff && len(staff) > 0:
			p = staff[0]
		case t.staff:
			continue
		default:
			given := givenNames[1][g.y.intn(2)]
			rec.Name = surnames[g.y.intn(len(surnames)/2)] + given[g.y.intn(len(given))]
		}
		if p != nil {
			rec.Name, rec.MemberID = p.rec.Name, p.id
			rec.Since = dt(maxTime(rec.Since.Time, p.from))
		}
		if rec.Since.After(g.asOf) {
			rec.Since = dt(g.asOf)
		}
		if err := put(g, g.tx.SchoolTeachers, rec, &g.sum.SchoolTeachers); err != nil {
			return err
		}
		teachers = append(teachers, rec)
	}
	courses := map[string]data.Ref{}
	for i, plan := range g.plans {
		c := &data.SchoolCourse{PlanID: data.Ref(plan.ID), Title: plan.Course, Hours: plan.PlannedHours,
			Audience: plan.TargetGroup}
		if len(teachers) > 0 {
			c.TeacherID = data.Ref(teachers[i%len(teachers)].ID)
		}
		if err := put(g, g.tx.SchoolCourses, c, &g.sum.SchoolCourses); err != nil {
			return err
		}
		courses[plan.Course] = data.Ref(c.ID)
	}
	for _, run := range g.schoolRuns {
		id, ok := courses[run.course]
		if !ok {
			continue
		}
		run.rec.CourseID = id
		if err := g.tx.Trainings.Update(g.ctx, run.rec); err != nil {
			return err
		}
	}
	return nil
}
