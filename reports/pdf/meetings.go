package pdf

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
)

func init() { writers[Meetings] = writer{"组织生活台账", false, writeMeetings} }

// Meeting kinds the ledger checks month by month or quarter by quarter.
const (
	meetGeneral   = "支部党员大会"
	meetCommittee = "支委会"
	meetGroup     = "党小组会"
	meetLecture   = "党课"
	meetThemeDay  = "主题党日"
	meetOrgLife   = "组织生活会"
	meetAppraisal = "民主评议"
)

// meetVerb is the verb a kind of meeting is held with.
var meetVerb = map[string]string{
	meetGeneral: "召开", meetCommittee: "召开", meetGroup: "召开", meetLecture: "上", meetThemeDay: "开展",
}

// meetMonthsText lists months (ascending), runs of three or more as
// ranges: 2月、5月至7月.
func meetMonthsText(months []int) string {
	var parts []string
	for i := 0; i < len(months); {
		j := i
		for j+1 < len(months) && months[j+1] == months[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, fmt.Sprintf("%d月至%d月", months[i], months[j]))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, fmt.Sprintf("%d月", months[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, "、")
}

// meetAttendance counts a meeting's 出席, 请假 and 缺席.
type meetAttendance struct {
	present, leave, absent int
}

func (a meetAttendance) total() int { return a.present + a.leave + a.absent }

// meetMonthIndex numbers months continuously: year×12 + month − 1.
func meetMonthIndex(y int, m time.Month) int { return y*12 + int(m) - 1 }

// meetCalendar places the ledger's year relative to the print date, as
// the THEME-DAY, THREE-ONE and ORG-LIFE rules do.
type meetCalendar struct {
	year      int
	asOfM     int // month index of the print date
	lastMonth int // the last month of the year shown, 0–12
}

func newMeetCalendar(year int, now time.Time) meetCalendar {
	c := meetCalendar{year: year, asOfM: meetMonthIndex(now.Year(), now.Month())}
	c.lastMonth = min(max(c.asOfM-meetMonthIndex(year, time.January)+1, 0), 12)
	return c
}

// ended reports whether month m (1–12) of the year has ended.
func (c meetCalendar) ended(m int) bool { return meetMonthIndex(c.year, time.Month(m)) < c.asOfM }

// yearEnded reports whether the whole year has ended.
func (c meetCalendar) yearEnded() bool { return c.ended(12) }

// not is 未 for an ended period, 尚未 for one under way.
func meetNotYet(ended bool) string {
	if ended {
		return "未"
	}
	return "尚未"
}

// meetFirstRequired is the month index of the first month a branch must hold
// its meetings in: the month of its founding when founded on the 1st, else
// the next one.
func meetFirstRequired(b *data.Branch) int {
	if b.Founded.IsZero() {
		return -1 << 31
	}
	f := b.Founded
	if f.Day() == 1 {
		return meetMonthIndex(f.Year(), f.Month())
	}
	return meetMonthIndex(f.Year(), f.Month()) + 1
}

// meetingsOfYear loads the year's meetings of the covered branches, each
// branch's in date order, and streams their attendance.
func (r *request) meetingsOfYear() (map[string][]data.Meeting, map[string]meetAttendance, error) {
	all, err := r.store.Meetings.List(r.ctx, data.InYear("date", r.year), data.OrderBy("date"))
	if err != nil {
		return nil, nil, err
	}
	byBranch := map[string][]data.Meeting{}
	var ids []string
	for _, m := range all {
		if r.inBranch(m.BranchID) {
			byBranch[string(m.BranchID)] = append(byBranch[string(m.BranchID)], m)
			ids = append(ids, m.ID)
		}
	}
	for _, ms := range byBranch {
		sort.SliceStable(ms, func(i, j int) bool {
			if !ms[i].Date.Equal(ms[j].Date.Time) {
				return ms[i].Date.Before(ms[j].Date.Time)
			}
			return slices.Index(data.MeetingKinds, ms[i].Kind) < slices.Index(data.MeetingKinds, ms[j].Kind)
		})
	}
	att := make(map[string]meetAttendance, len(ids))
	const chunk = 500 // ids per query, well under SQLite's variable limit
	for start := 0; start < len(ids); start += chunk {
		err := r.store.MeetingAttendance.Each(r.ctx, func(a *data.MeetingAttendance) error {
			c := att[string(a.MeetingID)]
			switch a.Status {
			case "出席":
				c.present++
			case "请假":
				c.leave++
			case "缺席":
				c.absent++
			}
			att[string(a.MeetingID)] = c
			return nil
		}, data.WhereIn("meeting_id", ids[start:min(start+chunk, len(ids))]))
		if err != nil {
			return nil, nil, err
		}
		if err := r.ctx.Err(); err != nil {
			return nil, nil, err
		}
	}
	return byBranch, att, nil
}

func writeMeetings(r *request) error {
	d := r.doc
	d.NewPage()
	if len(r.branches) == 0 {
		d.Paragraph("没有党支部,无组织生活记录。")
		return nil
	}
	byBranch, att, err := r.meetingsOfYear()
	if err != nil {
		return err
	}
	groups := map[string]string{}
	hasGroups := map[string]bool{}
	err = r.store.Groups.Each(r.ctx, func(g *data.PartyGroup) error {
		groups[g.ID] = g.Name
		hasGroups[string(g.BranchID)] = true
		return nil
	})
	if err != nil {
		return err
	}
	cal := newMeetCalendar(r.year, r.now)
	span := "全年12个月"
	if cal.lastMonth < 12 {
		span = fmt.Sprintf("1月至%d月", cal.lastMonth)
	}
	d.Paragraph(fmt.Sprintf("%d年度%s各党支部的三会一课(支部党员大会、支委会、党小组会、党课)、主题党日、"+
		"组织生活会和民主评议党员情况,按月列出;出席、请假、缺席为人数。"+
		"每月应开展主题党日、召开支委会,缺项在当月注明。日期为月-日。", r.year, span))
	d.Space(2)
	cols := []Column{
		{Title: "月份", Width: 13, Align: "C"}, {Title: "日期", Width: 14, Align: "C"},
		{Title: "类型", Width: 24}, {Title: "主题"}, {Title: "主持人", Width: 17},
		{Title: "出席", Width: 11, Align: "R"}, {Title: "请假", Width: 11, Align: "R"},
		{Title: "缺席", Width: 11, Align: "R"},
	}
	for i := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.progress(i, len(r.branches))
		b := &r.branches[i]
		writeBranchMeetings(r, cal, cols, b, byBranch[b.ID], att, groups, hasGroups[b.ID])
		d.Space(3)
	}
	r.progress(len(r.branches), len(r.branches))
	return nil
}

// writeBranchMeetings writes one branch's months and its yearly summary.
func writeBranchMeetings(r *request, cal meetCalendar, cols []Column, b *data.Branch, ms []data.Meeting,
	att map[string]meetAttendance, groups map[string]string, hasGroups bool) {
	d := r.doc
	d.Heading(b.Name)
	first := meetFirstRequired(b)
	startMonth := 1
	if !b.Founded.IsZero() {
		f := meetMonthIndex(b.Founded.Year(), b.Founded.Month()) - meetMonthIndex(r.year, time.January) + 1
		if f > 12 || f > cal.lastMonth && len(ms) == 0 {
			d.Paragraph(fmt.Sprintf("支部于%s成立,%d年度无组织生活记录。", b.Founded.String(), r.year))
			return
		}
		if f > 1 {
			startMonth = f
			d.Paragraph(fmt.Sprintf("支部于%s成立,自%d月起记录。", b.Founded.String(), f))
		}
	}
	byMonth := map[int][]data.Meeting{}
	lastMonth := cal.lastMonth
	for _, m := range ms {
		mo := int(m.Date.Month())
		byMonth[mo] = append(byMonth[mo], m)
		lastMonth = max(lastMonth, mo)
	}
	count := map[string]int{}
	var total meetAttendance
	gapMonths := map[string][]int{}   // the year's ended months without a kind of meeting
	gapQuarters := map[string][]int{} // the year's ended quarters without one
	kindMonths := map[string]map[int]bool{}
	t := d.NewTable(cols)
	for mo := startMonth; mo <= lastMonth; mo++ {
		label := strconv.Itoa(mo) + "月"
		firstRow := true
		held := map[string]bool{}
		for _, m := range byMonth[mo] {
			held[m.Kind] = true
			count[m.Kind]++
			if kindMonths[m.Kind] == nil {
				kindMonths[m.Kind] = map[int]bool{}
			}
			kindMonths[m.Kind][mo] = true
			topic := m.Topic
			if g := groups[string(m.GroupID)]; g != "" && m.Kind == meetGroup {
				topic = g + ":" + topic
			}
			a, ok := att[m.ID]
			var p, l, x string
			if ok {
				p, l, x = strconv.Itoa(a.present), strconv.Itoa(a.leave), strconv.Itoa(a.absent)
				total.present += a.present
				total.leave += a.leave
				total.absent += a.absent
			}
			ledgerGroupedRow(t, firstRow, label, m.Date.Format("01-02"), m.Kind, topic, m.Host, p, l, x)
			firstRow = false
		}
		var marks []string
		if meetMonthIndex(r.year, time.Month(mo)) >= first && mo <= cal.lastMonth {
			ended := cal.ended(mo)
			if !held[meetThemeDay] {
				marks = append(marks, meetNotYet(ended)+"开展主题党日")
				if ended {
					gapMonths[meetThemeDay] = append(gapMonths[meetThemeDay], mo)
				}
			}
			if !held[meetCommittee] {
				marks = append(marks, meetNotYet(ended)+"召开支委会")
				if ended {
					gapMonths[meetCommittee] = append(gapMonths[meetCommittee], mo)
				}
			}
			if hasGroups && !held[meetGroup] && ended {
				gapMonths[meetGroup] = append(gapMonths[meetGroup], mo)
			}
		}
		switch {
		case len(marks) > 0 && firstRow:
			ledgerGroupedRow(t, true, label, "", "无记录", strings.Join(marks, "、"))
		case len(marks) > 0:
			ledgerGroupedRow(t, false, label, "", "", strings.Join(marks, "、"))
		case firstRow:
			ledgerGroupedRow(t, true, label, "", "无记录")
		}
	}
	// 支部党员大会 and 党课: at least once in each ended quarter the branch
	// existed for from its start.
	for q := range 4 {
		start := 3*q + 1
		if !cal.ended(start+2) || meetMonthIndex(r.year, time.Month(start)) < first {
			continue
		}
		for _, k := range []string{meetGeneral, meetLecture} {
			if !kindMonths[k][start] && !kindMonths[k][start+1] && !kindMonths[k][start+2] {
				gapQuarters[k] = append(gapQuarters[k], q+1)
			}
		}
	}
	var missing []string // the year's gaps, for the summary
	for _, k := range []string{meetThemeDay, meetCommittee, meetGroup} {
		if len(gapMonths[k]) > 0 {
			missing = append(missing, meetMonthsText(gapMonths[k])+"未"+meetVerb[k]+k)
		}
	}
	for _, k := range []string{meetGeneral, meetLecture} {
		if qs := gapQuarters[k]; len(qs) > 0 {
			text := make([]string, len(qs))
			for i, q := range qs {
				text[i] = strconv.Itoa(q)
			}
			missing = append(missing, "第"+strings.Join(text, "、")+"季度未"+meetVerb[k]+k)
		}
	}
	oct := time.Date(r.year, time.October, 1, 0, 0, 0, 0, time.UTC)
	if cal.lastMonth > 0 && (b.Founded.IsZero() || b.Founded.Before(oct)) {
		if count[meetOrgLife] == 0 {
			missing = append(missing, meetNotYet(cal.yearEnded())+"召开专题组织生活会")
		}
		if count[meetAppraisal] == 0 {
			missing = append(missing, meetNotYet(cal.yearEnded())+"开展民主评议党员")
		}
	}
	groupText := ""
	if hasGroups || count[meetGroup] > 0 {
		groupText = fmt.Sprintf("、党小组会%d次", count[meetGroup])
	}
	summary := fmt.Sprintf("年度小结:召开支部党员大会%d次、支委会%d次%s,上党课%d次,开展主题党日%d次,"+
		"召开组织生活会%d次,开展民主评议%d次",
		count[meetGeneral], count[meetCommittee], groupText, count[meetLecture], count[meetThemeDay],
		count[meetOrgLife], count[meetAppraisal])
	if n := total.total(); n > 0 {
		summary += fmt.Sprintf(";出席%d人次、请假%d人次、缺席%d人次,出席率%.1f%%",
			total.present, total.leave, total.absent, float64(total.present)*100/float64(n))
	}
	if len(missing) > 0 {
		summary += "。存在缺项:" + strings.Join(missing, ";") + "。"
	} else {
		summary += "。未发现缺项。"
	}
	d.Space(1)
	d.Paragraph(summary)
}
