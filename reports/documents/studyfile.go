package documents

import (
	"fmt"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

// schoolCatalog is the 二级党校's courses with their plan and teacher, read
// once.
type schoolCatalog struct {
	courses  map[string]data.SchoolCourse
	plans    map[string]data.TrainingPlan
	teachers map[string]data.SchoolTeacher
}

func (r *request) schoolCatalog() (*schoolCatalog, error) {
	c := &schoolCatalog{courses: map[string]data.SchoolCourse{}, plans: map[string]data.TrainingPlan{},
		teachers: map[string]data.SchoolTeacher{}}
	if err := r.store.SchoolCourses.Each(r.ctx, func(x *data.SchoolCourse) error { c.courses[x.ID] = *x; return nil }); err != nil {
		return nil, err
	}
	if err := r.store.TrainingPlans.Each(r.ctx, func(x *data.TrainingPlan) error { c.plans[x.ID] = *x; return nil }); err != nil {
		return nil, err
	}
	if err := r.store.SchoolTeachers.Each(r.ctx, func(x *data.SchoolTeacher) error { c.teachers[x.ID] = *x; return nil }); err != nil {
		return nil, err
	}
	return c, nil
}

// buildStudyFile makes one 党员学习管理档案 (the policy §六(二)), a part of
// its own, for each member (fileMembers): every training the member
// attended up to the document's year, with its form, topic, hours and
// certificate, year by year; each year's hours counted against the 32 or
// 56 required as the rules count them; and the 二级党校 courses taken.
func buildStudyFile(r *request) error {
	ms, err := r.fileMembers()
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		r.nothing("没有在册党员。")
		return nil
	}
	cat, err := r.schoolCatalog()
	if err != nil {
		return err
	}
	sf := r.store.StudyCounter(r.now)
	labels := r.branchLabels()
	for i := range ms {
		recs, err := r.store.StudyRecords(r.ctx, ms[i].ID)
		if err != nil {
			return err
		}
		if err := r.studyFilePart(&ms[i], labels[string(ms[i].BranchID)], recs, sf, cat); err != nil {
			return err
		}
		if err := r.tick(i+1, len(ms), 10); err != nil {
			return err
		}
	}
	r.progress(len(ms), len(ms))
	return nil
}

// studyFilePart adds one member's 学习管理档案.
func (r *request) studyFilePart(m *data.Member, branch string, recs []data.StudyRecord, sf *data.StudyCounter, cat *schoolCatalog) error {
	rec := record(branch, m.Name, m.StaffNo)
	p := r.part("", "（"+layout.Keep(m.Name)+"）", rec)
	g := formGrid
	row := func(cells ...layout.Cell) layout.FormRow { return layout.FormRow{Height: formRowH, Cells: cells} }
	p.Add(&layout.Heading{Text: "一、基本情况", Level: 1})
	p.Add(&layout.Form{Rows: []layout.FormRow{
		row(g.label("姓名"), g.value(0, layout.Keep(m.Name)), g.label("出生日期"), g.value(1, tableDate(m.BirthDate)),
			g.label("性别"), g.value(2, m.Gender), g.label("学历"), g.value(3, m.Education)),
		row(g.label("工号或学号"), g.value(0, layout.Keep(m.StaffNo)), g.label("入党日期"), g.value(1, tableDate(m.JoinedDate)),
			g.label("人员类别"), g.span(2, 3, m.PersonType)),
		row(g.label("党员类别"), g.value(0, m.Category), g.label("党内职务"), g.span(1, 3, m.PartyPost)),
		row(g.label("所在支部"), g.span(0, 3, branch)),
	}})

	byYear := map[int][]data.StudyRecord{}
	years := []int{r.year}
	for _, x := range recs {
		y := x.Date.Year()
		if y > r.year {
			continue
		}
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
		byYear[y] = append(byYear[y], x)
	}
	slices.Sort(years)

	p.Add(&layout.Heading{Text: "二、年度学时", Level: 1})
	sum := &layout.Table{Columns: []layout.Column{
		{Title: "年度", Width: 20, Align: layout.Center, Keep: true},
		{Title: "计入学时", Width: 22, Align: layout.Center},
		{Title: "不计入学时", Width: 24, Align: layout.Center},
		{Title: "应达学时", Width: 22, Align: layout.Center},
		{Title: "情况"},
	}}
	notes := map[int]string{}
	basis := rules.DefaultSettings() // the settings of the latest year's figures, the document's year
	for _, y := range years {
		sy, err := sf.Year(r.ctx, m, y)
		if err != nil {
			return err
		}
		h, set, ok := sy.Hours, sy.Settings, sy.OnRolls
		basis = set
		cells := []string{fmt.Sprintf("%d年", y)}
		if !ok {
			cells = append(cells, "", "", "", "不在册，不核算学时")
			notes[y] = "本年度不在册，不核算学时。"
		} else {
			cells = append(cells, trainHoursText(h.Hours), trainHoursText(h.Uncounted), fmt.Sprint(h.Required), studyState(h, set))
			notes[y] = studyNote(h, set)
		}
		sum.Rows = append(sum.Rows, layout.Row{Cells: cells, Record: rec})
	}
	sum.Note = "注：学时按" + trainBasis(basis) + "计算，与学习培训台账、工作台的核算一致。"
	p.Add(sum)

	p.Add(&layout.Heading{Text: "三、学习培训记录", Level: 1})
	for i, y := range years {
		t := &layout.Table{Caption: fmt.Sprintf("（%s）%d年度", sectionNumber(i), y), Columns: []layout.Column{
			{Title: "日期", Width: 24, Align: layout.Center, Keep: true},
			{Title: "形式", Width: 24, Align: layout.Center},
			{Title: "主题"},
			{Title: "学时", Width: 14, Align: layout.Center},
			{Title: "证书编号", Width: 30, Align: layout.Center, Keep: true},
		}}
		for _, x := range byYear[y] {
			topic := x.Topic
			if x.Course != "" && x.Course != x.Topic {
				topic = strings.TrimSpace(topic + "（二级党校课程：" + x.Course + "）")
			}
			t.Rows = append(t.Rows, layout.Row{Cells: []string{tableDate(x.Date), x.Form, topic, trainHoursText(x.Hours), x.Certificate},
				Record: rec})
		}
		if len(t.Rows) == 0 {
			t.Rows = append(t.Rows, layout.Row{Cells: []string{"", "", "本年度没有学习培训记录"}, Record: rec})
		}
		t.Note = notes[y]
		p.Add(t)
	}

	p.Add(&layout.Heading{Text: "四、二级党校课程", Level: 1})
	courses := &layout.Table{Columns: []layout.Column{
		{Title: "日期", Width: 24, Align: layout.Center, Keep: true},
		{Title: "课程名称"},
		{Title: "培训计划", Width: 36},
		{Title: "授课教师", Width: 24, Align: layout.Center},
		{Title: "学时", Width: 14, Align: layout.Center},
		{Title: "证书编号", Width: 30, Align: layout.Center, Keep: true},
	}}
	for _, x := range recs {
		if x.CourseID == "" || x.Date.Year() > r.year {
			continue
		}
		c := cat.courses[x.CourseID]
		plan := ""
		if pl, ok := cat.plans[string(c.PlanID)]; ok {
			plan = fmt.Sprintf("%d年度%s", pl.Year, pl.Course)
		}
		teacher := ""
		if tc, ok := cat.teachers[string(c.TeacherID)]; ok {
			teacher = layout.Keep(tc.Name)
		}
		title := c.Title
		if title == "" {
			title = x.Course
		}
		courses.Rows = append(courses.Rows, layout.Row{Cells: []string{tableDate(x.Date), title, plan, teacher,
			trainHoursText(x.Hours), x.Certificate}, Record: rec})
	}
	if len(courses.Rows) == 0 {
		p.Add(&layout.Paragraph{Text: "没有参加二级党校课程的记录。"})
	} else {
		p.Add(courses)
	}
	p.Add(&layout.Spacer{MM: 6})
	p.Add(&layout.Fields{Items: []layout.Field{{Label: "填表人"}, {Label: "审核人"}, {Label: "填表日期", Value: prose(r.now)}}})
	return nil
}

// studyState says whether the year's hours meet the requirement.
func studyState(h rules.MemberHours, set rules.Settings) string {
	switch {
	case !h.Checked:
		return "本年度不作核算"
	case h.Short():
		return "未达到要求"
	}
	return "已达到要求"
}

// studyNote tells how a year's requirement is made up: 「计入学时 30，应达
// 32 学时（党员每年 32 学时）：未达到要求。」
func studyNote(h rules.MemberHours, set rules.Settings) string {
	basis := fmt.Sprintf("党员每年%d学时", set.TrainingHours)
	if h.Committee {
		basis = fmt.Sprintf("书记和班子成员每年%d学时", set.LeaderTrainingHours)
	}
	if h.Months < 12 {
		basis += fmt.Sprintf("，按%d个月折算", h.Months)
	}
	s := fmt.Sprintf("本年度计入学时%s，应达%d学时（%s）", trainHoursText(h.Hours), h.Required, basis)
	if h.Uncounted > 0 {
		s += fmt.Sprintf("；另有不计入的学时%s", trainHoursText(h.Uncounted))
	}
	return s + "：" + studyState(h, set) + "。"
}
