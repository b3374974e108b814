package documents

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"dangjian/data"
	"dangjian/reports/layout"
)

func init() {
	builders[Roster] = builder{title: "党员花名册", landscape: true, period: asOfPeriod, build: buildRoster}
}

// rosterColumn is a column the roster can print.
type rosterColumn struct {
	col   layout.Column
	value func(m *data.Member) string
}

// rosterColumns are the roster's columns after 序号, in their order.
var rosterColumns = []rosterColumn{
	{layout.Column{Title: "姓名", Width: 20, Keep: true}, func(m *data.Member) string { return layout.Keep(m.Name) }},
	{layout.Column{Title: "性别", Width: 10, Align: layout.Center}, func(m *data.Member) string { return m.Gender }},
	{layout.Column{Title: "民族", Width: 14}, func(m *data.Member) string { return m.Ethnicity }},
	{layout.Column{Title: "出生年月", Width: 18, Align: layout.Center}, func(m *data.Member) string { return tableMonth(m.BirthDate) }},
	{layout.Column{Title: "籍贯", Width: 20}, func(m *data.Member) string { return m.NativePlace }},
	{layout.Column{Title: "学历", Width: 20}, func(m *data.Member) string { return m.Education }},
	{layout.Column{Title: "工号或学号", Width: 24, Keep: true}, func(m *data.Member) string { return m.StaffNo }},
	{layout.Column{Title: "人员类别", Width: 24}, func(m *data.Member) string { return m.PersonType }},
	{layout.Column{Title: "入党日期", Width: 22, Align: layout.Center}, func(m *data.Member) string { return tableDate(m.JoinedDate) }},
	{layout.Column{Title: "转正日期", Width: 22, Align: layout.Center}, func(m *data.Member) string { return tableDate(m.ConfirmedAt) }},
	{layout.Column{Title: "党员类别", Width: 18}, func(m *data.Member) string { return m.Category }},
	{layout.Column{Title: "党内职务", Width: 24}, func(m *data.Member) string { return m.PartyPost }},
	{layout.Column{Title: "单位职务或院系班级"}, func(m *data.Member) string { return m.Position }},
}

// rosterDefault are the columns printed when Options.Columns is nil.
var rosterDefault = []string{"姓名", "性别", "民族", "出生年月", "学历", "人员类别", "入党日期", "转正日期",
	"党员类别", "党内职务", "单位职务或院系班级"}

// RosterColumns lists the titles of the columns the roster can print, in
// their order, and the ones it prints by default.
func RosterColumns() (all, defaults []string) {
	for _, c := range rosterColumns {
		all = append(all, c.col.Title)
	}
	return all, append([]string(nil), rosterDefault...)
}

// rosterChosen returns the columns chosen, in the roster's order.
func rosterChosen(titles []string) ([]rosterColumn, error) {
	if titles == nil {
		titles = rosterDefault
	}
	want := map[string]bool{}
	for _, t := range titles {
		want[t] = true
	}
	var out []rosterColumn
	for _, c := range rosterColumns {
		if want[c.col.Title] {
			out = append(out, c)
			delete(want, c.col.Title)
		}
	}
	for _, t := range titles {
		if want[t] {
			return nil, fmt.Errorf("花名册没有“%s”一栏", t)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("花名册至少要有一栏")
	}
	return out, nil
}

// membersByBranch returns the covered branches' members on the rolls who
// had been admitted by day, their 党员类别 that on day, each branch's in
// 姓氏笔画 order.
func (r *request) membersByBranch(day time.Time) (map[string][]data.Member, int, error) {
	out := map[string][]data.Member{}
	total := 0
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if !m.Active() || !r.inBranch(m.BranchID) {
			return nil
		}
		cat := categoryOn(m, day)
		if cat == "" {
			return nil
		}
		c := *m
		c.Category = string(cat)
		out[string(m.BranchID)] = append(out[string(m.BranchID)], c)
		total++
		return nil
	})
	for _, ms := range out {
		sortMembers(ms)
	}
	return out, total, err
}

func buildRoster(r *request) error {
	chosen, err := rosterChosen(r.opts.Columns)
	if err != nil {
		return err
	}
	day := r.asOf()
	byBranch, total, err := r.membersByBranch(day)
	if err != nil {
		return err
	}
	if total == 0 {
		r.nothing("没有在册党员。")
		return nil
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("在册党员共%d名，分属%d个党支部；各支部内按姓氏笔画排列。党员类别为%s时的类别。",
		total, len(byBranch), prose(day))})
	cols := []layout.Column{{Title: "序号", Width: 11, Align: layout.Center}}
	for _, c := range chosen {
		cols = append(cols, c.col)
	}
	done := 0
	for _, b := range r.branches {
		ms := byBranch[b.ID]
		if len(ms) == 0 {
			continue
		}
		p.Add(&layout.Heading{Level: 1, Text: fmt.Sprintf("%s（%d名）", b.Label, len(ms))})
		t := &layout.Table{Columns: cols, Rows: make([]layout.Row, 0, len(ms))}
		for i := range ms {
			m := &ms[i]
			cells := make([]string, 0, len(cols))
			cells = append(cells, strconv.Itoa(i+1))
			for _, c := range chosen {
				cells = append(cells, c.value(m))
			}
			t.Rows = append(t.Rows, layout.Row{Cells: cells, Record: record(b.Label, m.Name, m.StaffNo)})
			done++
			if err := r.tick(done, total, 500); err != nil {
				return err
			}
		}
		p.Add(t, &layout.Spacer{MM: 3})
	}
	r.progress(total, total)
	return nil
}
