package documents

import (
	"fmt"
	"strconv"

	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// trainVerdict is a member's 是否达标: 达标, 差N学时, or 不作要求 when the
// requirement does not apply this year.
func trainVerdict(h rules.MemberHours) string {
	switch {
	case !h.Checked:
		return "不作要求"
	case h.Short():
		return "差" + trainHoursText(float64(h.Required)-h.Hours) + "学时"
	}
	return "达标"
}

// trainRequired is a member's 要求学时, blank when none applies.
func trainRequired(h rules.MemberHours) string {
	if !h.Checked {
		return ""
	}
	return strconv.Itoa(h.Required)
}

// trainHoursNote is the 备注 of a member's line: where the prorating
// starts, or that no hours are required this year.
func trainHoursNote(h rules.MemberHours) string {
	switch {
	case !h.Checked:
		return "本年度不作学时要求"
	case h.Months < 12:
		return fmt.Sprintf("%d月起折算", 12-h.Months+1)
	}
	return ""
}

// trainHoursColumns are the columns of the 党员学时登记; the 个人自学
// column only when it does not count.
func trainHoursColumns(set rules.Settings) []layout.Column {
	cols := []layout.Column{
		{Title: "所在支部", Width: 26, Carry: true}, {Title: "序号", Width: 9, Align: layout.Center},
		{Title: "姓名", Width: 16, Keep: true}, {Title: "党员类别", Width: 16, Align: layout.Center},
		{Title: "班子成员", Width: 10, Align: layout.Center}, {Title: "集中学时", Width: 15.5, Align: layout.Right},
		{Title: "要求学时", Width: 15.5, Align: layout.Right}, {Title: "是否达标", Width: 18, Align: layout.Center, Keep: true},
	}
	if !set.SelfStudyCounts {
		cols = append(cols, layout.Column{Title: string(vocab.FormSelfStudy) + "（不计入）", Width: 18.5, Align: layout.Right})
	}
	return append(cols, layout.Column{Title: "备注"})
}

// trainTally counts a branch's members by verdict.
type trainTally struct {
	members, met, short, free int
}

func (t *trainTally) add(h rules.MemberHours) {
	t.members++
	switch {
	case !h.Checked:
		t.free++
	case h.Short():
		t.short++
	default:
		t.met++
	}
}

// trainHoursPart adds the 党员学时登记: the basis of the count, one line
// per member (branches in order, members in 姓氏笔画 order), the tally of
// each branch, and the lines to sign.
func (r *request) trainHoursPart(byBranch map[string][]rules.MemberHours, members int, set rules.Settings, done, total int) error {
	p := r.part("", trainHoursSub, "")
	if members == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("%d年度没有在册党员。", r.year)})
		return nil
	}
	basis := fmt.Sprintf("集中学时为%d年度%s的学时（按学习培训记录计）。党员每年应完成%d学时，党支部书记和班子成员（党内职务含“书记”或“委员”）应完成%d学时；入党、转入或记录起始月份在年内的，自当月起按月折算。",
		r.year, trainBasis(set), set.TrainingHours, set.LeaderTrainingHours)
	if !set.SelfStudyCounts {
		basis += string(vocab.FormSelfStudy) + "学时单列，不计入集中学时。"
	}
	p.Add(&layout.Paragraph{Indent: true, Text: basis})
	cols := trainHoursColumns(set)
	t := &layout.Table{Columns: cols, Rows: make([]layout.Row, 0, members)}
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	var all trainTally
	tallies := map[string]*trainTally{}
	for _, b := range r.branches {
		hs := byBranch[b.ID]
		if len(hs) == 0 {
			continue
		}
		tally := &trainTally{}
		tallies[b.ID] = tally
		for i, h := range hs {
			m := h.Member
			committee := ""
			if h.Committee {
				committee = "是"
			}
			label := ""
			if i == 0 {
				label = b.Label
			}
			cells := []string{label, strconv.Itoa(i + 1), layout.Keep(m.Name), string(m.Category), committee,
				trainHoursText(h.Hours), trainRequired(h), trainVerdict(h)}
			if !set.SelfStudyCounts {
				self := ""
				if h.Uncounted > 0 {
					self = trainHoursText(h.Uncounted)
				}
				cells = append(cells, self)
			}
			cells = append(cells, trainHoursNote(h))
			t.Rows = append(t.Rows, layout.Row{Record: record(b.Label, m.Name, staff[m.ID]), Cells: cells})
			tally.add(h)
			all.add(h)
			done++
			if err := r.tick(done, total, 50); err != nil {
				return err
			}
		}
	}
	p.Add(t, &layout.Paragraph{Indent: true, Text: trainTallyText(all)})
	if len(tallies) > 1 {
		p.Add(&layout.Spacer{MM: 2}, r.trainTallyTable(tallies, all))
	}
	p.Add(&layout.Spacer{MM: 4}, r.trainSigned())
	return nil
}

// trainTallyText is the closing line: 「合计：登记党员N名，集中学时达标a名，未达标b名。」
func trainTallyText(t trainTally) string {
	s := fmt.Sprintf("合计：登记党员%d名，集中学时达标%d名，未达标%d名", t.members, t.met, t.short)
	if t.free > 0 {
		s += fmt.Sprintf("，本年度不作学时要求%d名", t.free)
	}
	return s + "。"
}

// trainTallyTable is each branch's tally, and the whole's.
func (r *request) trainTallyTable(tallies map[string]*trainTally, all trainTally) *layout.Table {
	t := &layout.Table{Caption: "各党支部学时达标情况", Columns: []layout.Column{
		{Title: "党支部"}, {Title: "登记党员", Width: 20, Align: layout.Right}, {Title: "达标", Width: 20, Align: layout.Right},
		{Title: "未达标", Width: 20, Align: layout.Right}, {Title: "不作要求", Width: 20, Align: layout.Right},
	}}
	row := func(name string, c trainTally) []string {
		return []string{name, strconv.Itoa(c.members), strconv.Itoa(c.met), strconv.Itoa(c.short), strconv.Itoa(c.free)}
	}
	for _, b := range r.branches {
		if c := tallies[b.ID]; c != nil {
			t.Rows = append(t.Rows, layout.Row{Cells: row(b.Label, *c)})
		}
	}
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: row("合计", all)})
	return t
}
