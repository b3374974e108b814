package pdf

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
)

func init() { writers[Training] = writer{"学习培训台账", false, writeTraining} }

// trainSelfStudy is the training form that counts toward the yearly hours
// only when the rules' settings say so.
const trainSelfStudy = "个人自学"

// trainEntry is one training a member attended, with the hours credited.
type trainEntry struct {
	t     *data.Training
	hours float64
}

// trainHoursText prints hours without trailing zeros: 2, 2.5, 1.25.
func trainHoursText(h float64) string {
	return strconv.FormatFloat(math.Round(h*100)/100, 'f', -1, 64)
}

// centi converts hours to hundredths, so sums compare exactly.
func trainCenti(h float64) int64 { return int64(math.Round(h * 100)) }

// trainCivilDay is t's date at midnight UTC, as data.Date stores dates.
func trainCivilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// trainingsOfYear loads the year's sessions once and streams their attendees,
// returning each member's trainings in date order.
func (r *request) trainingsOfYear() (map[string][]trainEntry, error) {
	sessions, err := r.store.Trainings.List(r.ctx, data.InYear("date", r.year))
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
		}, data.WhereIn("training_id", part))
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

// trainTransferredIn returns, per member, the latest 转入 letter issued on or
// before the print date: the member came under the organization then.
func (r *request) trainTransferredIn() (map[string]time.Time, error) {
	asOf := trainCivilDay(r.now)
	out := map[string]time.Time{}
	err := r.store.Transfers.Each(r.ctx, func(t *data.Transfer) error {
		if t.IssuedDate.IsZero() || t.IssuedDate.After(asOf) {
			return nil
		}
		if t.IssuedDate.After(out[string(t.MemberID)]) {
			out[string(t.MemberID)] = t.IssuedDate.Time
		}
		return nil
	}, data.Where("direction", "转入"))
	return out, err
}

// trainRequirement is the hours a member must reach in the year, as TRAIN-32 and
// TRAIN-56 compute it: prorated by month for a member who joined or was
// transferred in during the year; none for one who came after it.
type trainRequirement struct {
	hours     int
	committee bool
	fromMonth int  // the month prorating starts from; 0 when the whole year counts
	none      bool // not a member under the organization in the year
}

func (q trainRequirement) text() string {
	if q.none {
		return "本年度不作要求"
	}
	s := fmt.Sprintf("应完成%d学时", q.hours)
	var notes []string
	if q.committee {
		notes = append(notes, "班子成员")
	}
	if q.fromMonth > 0 {
		notes = append(notes, fmt.Sprintf("%d月起折算", q.fromMonth))
	}
	if len(notes) > 0 {
		s += "(" + strings.Join(notes, ",") + ")"
	}
	return s
}

func (r *request) trainRequirementOf(m *data.Member, full, leaderFull int, since map[string]time.Time) trainRequirement {
	q := trainRequirement{hours: full, committee: m.IsCommittee()}
	if q.committee {
		q.hours = leaderFull
	}
	st := m.JoinedDate.Time
	if t := since[m.ID]; t.After(st) {
		st = t
	}
	switch {
	case st.Year() > r.year:
		q.none = true
	case st.Year() == r.year:
		months := 12 - int(st.Month()) + 1
		if months < 12 {
			q.fromMonth = int(st.Month())
			q.hours = (q.hours*months + 11) / 12 // ceil(hours × months / 12)
		}
	}
	return q
}

// ledgerGroupedRow draws a row of a group whose first cell (a name, a month)
// appears on the group's first row and again on the first row of each
// further page the group runs onto.
func ledgerGroupedRow(t *Table, first bool, label string, cells ...string) {
	row := append([]string{label}, cells...)
	if !first && t.Fits(row...) {
		row[0] = ""
	}
	t.Row(row...)
}

func writeTraining(r *request) error {
	set, err := r.store.RuleSettings(r.ctx)
	if err != nil {
		return err
	}
	byBranch, total, err := r.membersByBranch()
	if err != nil {
		return err
	}
	d := r.doc
	d.NewPage()
	if total == 0 {
		d.Paragraph("没有在册党员,无学习培训记录。")
		return nil
	}
	entries, err := r.trainingsOfYear()
	if err != nil {
		return err
	}
	since, err := r.trainTransferredIn()
	if err != nil {
		return err
	}
	counts := func(form string) bool { return form != trainSelfStudy || set.SelfStudyCounts }
	basis := "除个人自学外的各类学习培训"
	if set.SelfStudyCounts {
		basis = "各类学习培训(含个人自学)"
	}
	d.Paragraph(fmt.Sprintf("%d年度在册党员%d名,分属%d个党支部;各支部内按姓氏笔画排列。%s计入集中学习学时:"+
		"党员每年应完成%d学时,党支部书记和班子成员(党内职务含“书记”或“委员”)应完成%d学时;"+
		"年内入党或转入的按月折算。日期为月-日;主办单位为所在支部的记作“本支部”。",
		r.year, total, len(byBranch), basis, set.TrainingHours, set.LeaderTrainingHours))
	d.Space(2)
	cols := []Column{
		{Title: "姓名", Width: 17}, {Title: "日期", Width: 14, Align: "C"}, {Title: "形式", Width: 17},
		{Title: "主题"}, {Title: "主办单位", Width: 28}, {Title: "学时", Width: 10, Align: "R"},
		{Title: "状态", Width: 13, Align: "C"},
	}
	done := 0
	for _, b := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		ms := byBranch[b.ID]
		if len(ms) == 0 {
			continue
		}
		type result struct {
			m     *data.Member
			got   int64 // counted centi-hours
			self  int64 // uncounted centi-hours
			req   trainRequirement
			short bool
		}
		results := make([]result, len(ms))
		var shortNames []string
		for i := range ms {
			m := &ms[i]
			res := result{m: m, req: r.trainRequirementOf(m, set.TrainingHours, set.LeaderTrainingHours, since)}
			for _, e := range entries[m.ID] {
				if counts(e.t.Form) {
					res.got += trainCenti(e.hours)
				} else {
					res.self += trainCenti(e.hours)
				}
			}
			res.short = m.Status == "正常" && !res.req.none && res.got < int64(res.req.hours)*100
			if res.short {
				shortNames = append(shortNames, fmt.Sprintf("%s(%s/%d)", m.Name, trainHoursText(float64(res.got)/100), res.req.hours))
			}
			results[i] = res
		}
		d.Heading(fmt.Sprintf("%s(%d名)", b.Name, len(ms)))
		summary := fmt.Sprintf("本支部在册党员%d名,集中学习学时达到要求%d名", len(ms), len(ms)-len(shortNames))
		if len(shortNames) > 0 {
			summary += fmt.Sprintf(",不足%d名:%s。", len(shortNames), strings.Join(shortNames, "、"))
		} else {
			summary += ",无学时不足的党员。"
		}
		d.Paragraph(summary)
		t := d.NewTable(cols)
		for _, res := range results {
			m := res.m
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
				ledgerGroupedRow(t, first, m.Name, e.t.Date.Format("01-02"), e.t.Form, e.t.Topic, organizer, trainHoursText(e.hours), state)
				first = false
			}
			if first {
				ledgerGroupedRow(t, true, m.Name, "", "", "本年度无学习培训记录")
			}
			got := trainHoursText(float64(res.got) / 100)
			line := fmt.Sprintf("集中学习%s学时,%s", got, res.req.text())
			if res.self > 0 {
				line += fmt.Sprintf(";另有%s%s学时不计入", trainSelfStudy, trainHoursText(float64(res.self)/100))
			}
			state := "达标"
			switch {
			case m.Status != "正常":
				state = m.Status
			case res.req.none:
				state = ""
			case res.short:
				state = "不足"
			}
			ledgerGroupedRow(t, false, m.Name, "合计", "", line, "", got, state)
			done++
			if err := r.tick(done, total, 50); err != nil {
				return err
			}
		}
		d.Space(3)
	}
	r.progress(total, total)
	return nil
}
