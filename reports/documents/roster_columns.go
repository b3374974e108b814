package documents

import (
	"errors"
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// rosterBody is the width a roster's table spans: a landscape A4 page, 297
// mm, less its two 15 mm side margins.
const rosterBody = 267.0

// rosterColumn is a column the roster can print.
type rosterColumn struct {
	title string
	// width is what the column needs at the table's type size, its title
	// on one line, mm; least is what its usual content needs on one line
	// (a Keep column's set a little smaller), its title wrapped. A column
	// with a grow weight takes that share of the width the chosen columns
	// leave.
	width, least float64
	grow         float64
	align        layout.Align
	keep         bool // names, numbers and dates: never broken across lines
	value        func(m *data.Member, on *rules.Member) string
}

// rosterColumns are every column of the roster after 序号, in the order a
// 组织部's roster has them. The member's facts that change (党员类别,
// 党内职务, 转正日期) are as on the roster's day.
var rosterColumns = []rosterColumn{
	{title: "姓名", width: 16, least: 13, keep: true, value: func(m *data.Member, _ *rules.Member) string { return layout.Keep(m.Name) }},
	{title: "性别", width: 9, least: 7, align: layout.Center, value: func(m *data.Member, _ *rules.Member) string { return m.Gender }},
	{title: "民族", width: 12, least: 9, align: layout.Center, value: func(m *data.Member, _ *rules.Member) string { return m.Ethnicity }},
	{title: "出生年月", width: 16, least: 14, align: layout.Center, keep: true,
		value: func(m *data.Member, _ *rules.Member) string { return tableMonth(m.BirthDate) }},
	{title: "籍贯", width: 18, least: 15.5, grow: 1, value: func(m *data.Member, _ *rules.Member) string { return m.NativePlace }},
	{title: "学历", width: 16, least: 15, value: func(m *data.Member, _ *rules.Member) string { return m.Education }},
	{title: "公民身份号码", width: 32, least: 28, align: layout.Center, keep: true,
		value: func(m *data.Member, _ *rules.Member) string { return m.IDNumber }},
	{title: "工号或学号", width: 19, least: 17, align: layout.Center, keep: true,
		value: func(m *data.Member, _ *rules.Member) string { return m.StaffNo }},
	{title: "人员类别", width: 19, least: 16, value: func(m *data.Member, _ *rules.Member) string { return m.PersonType }},
	{title: "单位职务或院系班级", width: 30, least: 22, grow: 4,
		value: func(m *data.Member, _ *rules.Member) string { return m.Position }},
	{title: "入党日期", width: 18, least: 16, align: layout.Center, keep: true,
		value: func(m *data.Member, _ *rules.Member) string { return tableDate(m.JoinedDate) }},
	{title: "转正日期", width: 18, least: 16, align: layout.Center, keep: true, value: rosterConfirmed},
	{title: "党员类别", width: 16, least: 15, align: layout.Center,
		value: func(_ *data.Member, on *rules.Member) string { return string(on.Category) }},
	{title: "党内职务", width: 19, least: 15, value: func(_ *data.Member, on *rules.Member) string { return on.PartyPost }},
	{title: "联系电话", width: 21, least: 18, align: layout.Center, keep: true,
		value: func(m *data.Member, _ *rules.Member) string { return m.Phone }},
	{title: "备注", width: 16, least: 10, grow: 2, value: rosterNote},
}

// rosterDefault are the columns printed when Options.Columns is nil: what
// a 组织部 asks for, legible on a landscape A4 page.
var rosterDefault = []string{"姓名", "性别", "民族", "出生年月", "学历", "公民身份号码", "人员类别", "单位职务或院系班级",
	"入党日期", "转正日期", "党员类别", "党内职务"}

// rosterSerial is the 序号 column, always first.
var rosterSerial = rosterColumn{title: "序号", width: 10, least: 8, align: layout.Center}

// RosterColumns lists the titles of the columns the roster can print, in
// their order, and the ones it prints by default (DefaultRosterColumns).
func RosterColumns() (all, defaults []string) {
	for _, c := range rosterColumns {
		all = append(all, c.title)
	}
	return all, DefaultRosterColumns()
}

// DefaultRosterColumns lists the titles of the columns the roster prints
// when none are chosen, in their order.
func DefaultRosterColumns() []string { return append([]string(nil), rosterDefault...) }

// rosterConfirmed is the 转正日期 as known on the roster's day: blank for a
// member still 预备 then.
func rosterConfirmed(m *data.Member, on *rules.Member) string {
	if on.Category == vocab.CategoryProbation {
		return ""
	}
	return tableDate(m.ConfirmedAt)
}

// rosterNote is the 备注: a 流动党员 and where to, a 失联党员, a 困难党员, then the
// member's own note.
func rosterNote(m *data.Member, _ *rules.Member) string {
	var notes []string
	if m.Floating {
		s := "流动党员"
		if m.FloatingTo != "" {
			s += "（流向" + m.FloatingTo + "）"
		}
		notes = append(notes, s)
	}
	if m.LostContact {
		notes = append(notes, "失联党员")
	}
	if m.InDifficulty {
		notes = append(notes, "困难党员")
	}
	if n := strings.TrimSpace(m.Note); n != "" {
		notes = append(notes, n)
	}
	return strings.Join(notes, "；")
}

// rosterChosen returns the columns chosen by title, in the order asked for
// (each once), after 序号.
func rosterChosen(titles []string) ([]rosterColumn, error) {
	if titles == nil {
		titles = rosterDefault
	}
	byTitle := map[string]rosterColumn{}
	var all []string
	for _, c := range rosterColumns {
		all = append(all, c.title)
		byTitle[c.title] = c
	}
	// The columns in the order asked for, each once.
	out := []rosterColumn{rosterSerial}
	seen := map[string]bool{}
	for _, t := range titles {
		t = strings.TrimSpace(t)
		c, ok := byTitle[t]
		if !ok {
			return nil, fmt.Errorf("花名册没有“%s”一栏。可选的栏目：%s", t, strings.Join(all, "、"))
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, c)
		}
	}
	if len(out) == 1 {
		return nil, errors.New("花名册至少要有一栏。可选的栏目：" + strings.Join(all, "、"))
	}
	return out, nil
}

// rosterLayout gives the chosen columns their widths on the roster's
// page: when they leave room, the growing columns (or, with none chosen,
// all) take it; when they are too wide, each gives up the same share of
// what it can spare down to its least width, and the renderer scales
// what is still over.
func rosterLayout(cols []rosterColumn) []layout.Column {
	w := make([]float64, len(cols))
	sum, weight, slack := 0.0, 0.0, 0.0
	for i, c := range cols {
		w[i] = c.width
		sum += c.width
		weight += c.grow
		slack += c.width - c.least
	}
	switch {
	case sum <= rosterBody && weight > 0:
		for i, c := range cols {
			w[i] += (rosterBody - sum) * c.grow / weight
		}
	case sum <= rosterBody:
		for i := range w {
			w[i] *= rosterBody / sum
		}
	case slack > 0:
		share := min((sum-rosterBody)/slack, 1)
		for i, c := range cols {
			w[i] -= share * (c.width - c.least)
		}
	}
	out := make([]layout.Column, len(cols))
	for i, c := range cols {
		out[i] = layout.Column{Title: c.title, Width: w[i], Align: c.align, Keep: c.keep}
	}
	return out
}
