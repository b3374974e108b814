package app

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The screens of the 二级党校: its teachers (专职 and 兼职) and its courses,
// each under a line of the 培训计划 and given by a teacher.

func newTeachersScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.SchoolTeacher, *data.SchoolTeacher]{
		title:   "党校教师",
		noun:    "党校教师",
		naming:  []string{"name"},
		table:   func(s *data.Store) data.Table[data.SchoolTeacher, *data.SchoolTeacher] { return s.SchoolTeachers },
		columns: []string{"name", "kind", "unit", "subjects", "member_id", "since", "until"},
		order:   []string{"kind", "name"},
		choices: map[string][]string{"kind": data.TeacherKinds},
		refs:    memberOptions,
		fresh:   func() *data.SchoolTeacher { return &data.SchoolTeacher{Kind: string(vocab.TeacherPart)} },
	}).view()
}

func newCoursesScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.SchoolCourse, *data.SchoolCourse]{
		title:   "党校课程",
		noun:    "党校课程",
		naming:  []string{"title"},
		table:   func(s *data.Store) data.Table[data.SchoolCourse, *data.SchoolCourse] { return s.SchoolCourses },
		columns: []string{"title", "plan_id", "teacher_id", "hours", "audience", "note"},
		order:   []string{"title"},
		refs:    schoolOptions,
		fresh:   func() *data.SchoolCourse { return &data.SchoolCourse{} },
	}).view()
}

// schoolOptions lists the 培训计划 lines (newest year first) and the
// teachers as the choices of a course.
func schoolOptions(ctx context.Context, s *data.Store) (refData, error) {
	d := refData{opts: map[string][]refOption{}, names: map[string]string{}}
	plans, err := s.TrainingPlans.List(ctx, data.OrderBy(data.ColYear.Desc(), data.ColMonth, data.ColCourse))
	if err != nil {
		return d, err
	}
	for _, p := range plans {
		d.opts["plan_id"] = append(d.opts["plan_id"], refOption{p.ID, planLabel(&p)})
		d.names[p.ID] = p.Course
	}
	teachers, err := s.SchoolTeachers.List(ctx, data.OrderBy(data.ColKind, data.ColName))
	if err != nil {
		return d, err
	}
	for _, t := range teachers {
		d.opts["teacher_id"] = append(d.opts["teacher_id"], refOption{t.ID, t.Name + "（" + t.Kind + "）"})
		d.names[t.ID] = t.Name
	}
	return d, nil
}

// planLabel names a 培训计划 line: 「2026年3月 学习新修订的党章」.
func planLabel(p *data.TrainingPlan) string {
	when := fmt.Sprintf("%d年", p.Year)
	if p.Month > 0 {
		when += fmt.Sprintf("%d月", p.Month)
	}
	return when + " " + p.Course
}

// courseOptions lists the 二级党校's courses as the choices of a training
// session's 党校课程, each with the year of its 培训计划: 「党章导读（2026年）」.
func courseOptions(ctx context.Context, s *data.Store) ([]refOption, error) {
	plans, err := s.TrainingPlans.List(ctx)
	if err != nil {
		return nil, err
	}
	years := make(map[string]int, len(plans))
	for _, p := range plans {
		years[p.ID] = p.Year
	}
	courses, err := s.SchoolCourses.List(ctx, data.OrderBy(data.ColTitle))
	if err != nil {
		return nil, err
	}
	sort.SliceStable(courses, func(i, j int) bool { return years[string(courses[i].PlanID)] > years[string(courses[j].PlanID)] })
	opts := make([]refOption, 0, len(courses))
	for _, c := range courses {
		label := c.Title
		if y := years[string(c.PlanID)]; y > 0 {
			label += fmt.Sprintf("（%d年）", y)
		}
		opts = append(opts, refOption{c.ID, label})
	}
	return opts, nil
}
