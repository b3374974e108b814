package documents

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() { builders[Training] = builder{title: "学习培训台账", build: buildTraining} }

// trainEntry is one training a member attended, with the hours credited.
type trainEntry struct {
	t     *data.Training
	hours float64
}

// trainHoursText prints hours without trailing zeros: 2, 2.5, 1.25.
func trainHoursText(h float64) string {
	return strconv.FormatFloat(math.Round(h*100)/100, 'f', -1, 64)
}

// trainingsOfYear loads the year's sessions once and streams their attendees,
// returning each member's trainings in date order.
func (r *request) trainingsOfYear() (map[string][]trainEntry, error) {
	sessions, err := r.store.Trainings.List(r.ctx, data.InYear(data.ColDate, r.year))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*data.Training, len(sessions))
	ids := make([]string, 0, len(sessions))
	for i := range sessions {
		byID[sessions[i].ID] = &sessions[i]
		ids = append(ids, sessions[i].ID)
	}
	out := map[string][]trainEntry{}
	const chunk = 500 // ids per query, well under SQLite's variable limit
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		err := r.store.TrainingAttendees.Each(r.ctx, func(a *data.TrainingAttendee) error {
			t := byID[string(a.TrainingID)]
			if t == nil {
				return nil
			}
			h := a.Hours
			if h == 0 {
				h = t.Hours // an attendee credited 0 学时 gets the session's hours
			}
			out[string(a.MemberID)] = append(out[string(a.MemberID)], trainEntry{t: t, hours: h})
			return nil
		}, data.WhereIn(data.ColTrainingID, part))
		if err != nil {
			return nil, err
		}
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
	}
	for _, es := range out {
		sort.SliceStable(es, func(i, j int) bool {
			a, b := es[i].t, es[j].t
			if !a.Date.Equal(b.Date.Time) {
				return a.Date.Before(b.Date.Time)
			}
			return a.Topic < b.Topic
		})
	}
	return out, nil
}

// trainRequirement says what the calculator requires of a member: the
// hours (prorated from the month counting starts), or none.
func trainRequirement(h rules.MemberHours) string {
	if !h.Checked {
		return "不作学时要求"
	}
	s := fmt.Sprintf("应完成%d学时", h.Required)
	var notes []string
	if h.Committee {
		notes = append(notes, "班子成员")
	}
	if h.Months < 12 {
		notes = append(notes, fmt.Sprintf("%d月起折算", 12-h.Months+1))
	}
	if len(notes) > 0 {
		s += "（" + strings.Join(notes, "，") + "）"
	}
	return s
}

// trainState is the 状态 of a member's total: 达标 or 不足 against the
// requirement, blank when none applies.
func trainState(h rules.MemberHours) string {
	switch {
	case !h.Checked:
		return ""
	case h.Short():
		return "不足"
	}
	return "达标"
}

// trainMembers returns the calculator's members of the year (on the rolls,
// 正常) in the covered branches, each branch's in 姓氏笔画 order, and how
// many there are.
func (r *request) trainMembers(fig *rules.Figures) (map[string][]rules.MemberHours, int) {
	out := map[string][]rules.MemberHours{}
	total := 0
	for _, h := range fig.TrainingHours() {
		if r.inBranch(data.Ref(h.Member.BranchID)) {
			out[h.Member.BranchID] = append(out[h.Member.BranchID], h)
			total++
		}
	}
	for _, hs := range out {
		sortStroke(hs, func(h rules.MemberHours) string { return h.Member.Name })
	}
	return out, total
}

// trainColumns are the columns of the ledger.
var trainColumns = []layout.Column{
	{Title: "姓名", Width: 17, Keep: true, Carry: true}, {Title: "日期", Width: 20, Align: layout.Center}, {Title: "形式", Width: 17},
	{Title: "主题"}, {Title: "主办单位", Width: 28}, {Title: "学时", Width: 10, Align: layout.Right},
	{Title: "状态", Width: 13, Align: layout.Center},
}

func buildTraining(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	set := fig.Settings()
	byBranch, total := r.trainMembers(fig)
	if total == 0 {
		r.nothing("没有在册党员，无学习培训记录。")
		return nil
	}
	entries, err := r.trainingsOfYear()
	if err != nil {
		return err
	}
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	counts := func(form string) bool {
		return vocab.TrainingForm(form) != vocab.FormSelfStudy || set.SelfStudyCounts
	}
	basis := "除个人自学外的各类学习培训"
	if set.SelfStudyCounts {
		basis = "各类学习培训（含个人自学）"
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("%d年度在册党员（党籍状态正常）%d名，分属%d个党支部；各支部内按姓氏笔画排列。%s计入集中学习学时："+
		"党员每年应完成%d学时，党支部书记和班子成员（党内职务含“书记”或“委员”）应完成%d学时；"+
		"入党、转入或记录起始月份在年内的，自当月起按月折算。"+
		"主办单位为所在支部的记作“本支部”。",
		r.year, total, len(byBranch), basis, set.TrainingHours, set.LeaderTrainingHours)},
		&layout.Spacer{MM: 2})
	done := 0
	for _, b := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		hs := byBranch[b.ID]
		if len(hs) == 0 {
			continue
		}
		var shortNames []string
		for _, h := range hs {
			if h.Short() {
				shortNames = append(shortNames, fmt.Sprintf("%s（%s/%d）", layout.Keep(h.Member.Name), trainHoursText(h.Hours), h.Required))
			}
		}
		p.Add(&layout.Heading{Level: 1, Text: fmt.Sprintf("%s（%d名）", b.Label, len(hs))})
		summary := fmt.Sprintf("本支部在册党员%d名，集中学习学时达到要求%d名", len(hs), len(hs)-len(shortNames))
		if len(shortNames) > 0 {
			summary += fmt.Sprintf("，不足%d名：%s。", len(shortNames), strings.Join(shortNames, "、"))
		} else {
			summary += "，无学时不足的党员。"
		}
		p.Add(&layout.Paragraph{Indent: true, Text: summary})
		t := &layout.Table{Columns: trainColumns}
		for _, h := range hs {
			m := h.Member
			rec := record(b.Label, m.Name, staff[m.ID])
			name := layout.Keep(m.Name)
			first := true
			for _, e := range entries[m.ID] {
				organizer := e.t.Organizer
				if organizer == b.Name {
					organizer = "本支部"
				}
				state := ""
				if !counts(e.t.Form) {
					state = "不计入"
				}
				label := ""
				if first {
					label = name
				}
				t.Rows = append(t.Rows, layout.Row{Record: rec, Cells: []string{label, tableDate(e.t.Date), e.t.Form, e.t.Topic,
					organizer, trainHoursText(e.hours), state}})
				first = false
			}
			if first {
				t.Rows = append(t.Rows, layout.Row{Record: rec, Cells: []string{name, "", "", "本年度无学习培训记录"}})
			}
			got := trainHoursText(h.Hours)
			line := fmt.Sprintf("集中学习%s学时，%s", got, trainRequirement(h))
			if self := h.Uncounted; self > 0 {
				line += fmt.Sprintf("；另有%s%s学时不计入", vocab.FormSelfStudy, trainHoursText(self))
			}
			t.Rows = append(t.Rows, layout.Row{Total: true, Record: rec, Cells: []string{"", "合计", "", line, "", got, trainState(h)}})
			done++
			if err := r.tick(done, total, 50); err != nil {
				return err
			}
		}
		p.Add(t, &layout.Spacer{MM: 3})
	}
	r.progress(total, total)
	return nil
}
