package documents

import (
	"fmt"
	"sort"
	"strconv"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// trainActivity is one activity of the year and the attendees of the
// covered branches its records list.
type trainActivity struct {
	t         *data.Training
	speaker   string // the 主讲人's name, when the speaker is a member
	attendees int
}

// trainActivities returns the year's activities in date order, 个人自学
// left out (a member's own study, listed with the member's hours): every
// one for the whole organization; for one branch, those it held or its
// members attended, with only its members counted.
func (r *request) trainActivities(fig *rules.Figures) ([]trainActivity, error) {
	sessions, err := r.store.Trainings.List(r.ctx, data.InYear(data.ColDate, r.year))
	if err != nil {
		return nil, err
	}
	byID := map[string]*trainActivity{}
	ids := make([]string, 0, len(sessions))
	for i := range sessions {
		if vocab.TrainingForm(sessions[i].Form) == vocab.FormSelfStudy || !r.inOrg(sessions[i].OrgID) {
			continue
		}
		byID[sessions[i].ID] = &trainActivity{t: &sessions[i]}
		ids = append(ids, sessions[i].ID)
	}
	whole := r.opts.BranchID == ""
	const chunk = 500 // ids per query, well under SQLite's variable limit
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		err := r.store.TrainingAttendees.Each(r.ctx, func(a *data.TrainingAttendee) error {
			act := byID[string(a.TrainingID)]
			if act == nil {
				return nil
			}
			if m := fig.Member(string(a.MemberID)); whole || m != nil && r.inBranch(data.Ref(m.BranchID)) {
				act.attendees++
			}
			return nil
		}, data.WhereIn(data.ColTrainingID, part))
		if err != nil {
			return nil, err
		}
	}
	names := map[string]string{}
	err = r.store.Members.Each(r.ctx, func(m *data.Member) error {
		names[m.ID] = m.Name
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]trainActivity, 0, len(byID))
	for _, id := range ids {
		act := byID[id]
		if !whole && act.attendees == 0 && act.t.Organizer != r.branches[0].Name {
			continue
		}
		act.speaker = names[string(act.t.SpeakerID)]
		out = append(out, *act)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].t, out[j].t
		if !a.Date.Equal(b.Date.Time) {
			return a.Date.Before(b.Date.Time)
		}
		return a.Topic < b.Topic
	})
	return out, nil
}

// trainActivityColumns are the columns of the 学习培训活动登记.
var trainActivityColumns = []layout.Column{
	{Title: "序号", Width: 8, Align: layout.Center}, {Title: "日期", Width: 18, Align: layout.Center, Keep: true},
	{Title: "形式", Width: 16, Align: layout.Center}, {Title: "主题"}, {Title: "主讲人", Width: 14, Keep: true},
	{Title: "主办单位", Width: 22}, {Title: "地点", Width: 28}, {Title: "学时", Width: 9, Align: layout.Right},
	{Title: "参训人数", Width: 11, Align: layout.Right},
}

// trainActivityPart adds the 学习培训活动登记: a line of totals, the
// activities by date, and the lines to sign.
func (r *request) trainActivityPart(acts []trainActivity, total int) error {
	p := r.part("", trainActivitiesSub, "")
	if len(acts) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("%d年度没有学习培训活动记录。", r.year)})
		return nil
	}
	hours, people := 0.0, 0
	for _, a := range acts {
		hours += a.t.Hours
		people += a.attendees
	}
	who := "参训党员"
	if r.opts.BranchID != "" {
		who = "本支部党员参训"
	}
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("%d年度共开展学习培训活动%d次，合计%s学时，%s%d人次。参训人数按学习培训记录中登记的参训党员统计；%s不列入本表，见党员学时登记。",
		r.year, len(acts), trainHoursText(hours), who, people, vocab.FormSelfStudy)})
	t := &layout.Table{Columns: trainActivityColumns, Rows: make([]layout.Row, 0, len(acts))}
	own := ""
	if r.opts.BranchID != "" {
		own = r.branches[0].Name
	}
	for i, a := range acts {
		organizer := a.t.Organizer
		if own != "" && organizer == own {
			organizer = "本支部"
		}
		t.Rows = append(t.Rows, layout.Row{Record: tableDate(a.t.Date) + " " + a.t.Topic, Cells: []string{
			strconv.Itoa(i + 1), tableDate(a.t.Date), a.t.Form, a.t.Topic, layout.Keep(a.speaker), organizer, a.t.Location,
			trainHoursText(a.t.Hours), strconv.Itoa(a.attendees)}})
		if err := r.tick(i+1, total, 50); err != nil {
			return err
		}
	}
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: []string{"", "合计", "", fmt.Sprintf("%d次", len(acts)), "", "", "",
		trainHoursText(hours), strconv.Itoa(people)}})
	p.Add(t, &layout.Spacer{MM: 4}, r.trainSigned())
	return nil
}
