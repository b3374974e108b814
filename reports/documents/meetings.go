package documents

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Meetings] = builder{title: "组织生活台账", landscape: true, build: buildMeetings}
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

// meetGapsText words a branch's gaps for the yearly summary: the months
// without a 主题党日, then each monthly requirement's months and each
// quarterly one's quarters (2月、5月未召开支委会; 第1、2季度未上党课).
func meetGapsText(bm rules.BranchMeetings) []string {
	var out []string
	if len(bm.ThemeDayMissing) > 0 {
		out = append(out, meetMonthsText(bm.ThemeDayMissing)+"未开展"+string(vocab.MeetingThemeDay))
	}
	type group struct {
		quarterly bool
		what      string
		rank      int // the kind's place in vocab.MeetingKinds
		periods   []int
	}
	var groups []*group
	index := map[[2]string]*group{}
	for _, g := range bm.ThreeOneGaps {
		key := [2]string{strconv.FormatBool(g.Quarter > 0), g.What}
		gr := index[key]
		if gr == nil {
			gr = &group{quarterly: g.Quarter > 0, what: g.What, rank: slices.Index(vocab.MeetingKinds, g.Kind)}
			index[key] = gr
			groups = append(groups, gr)
		}
		gr.periods = append(gr.periods, g.Month+g.Quarter)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].quarterly != groups[j].quarterly {
			return !groups[i].quarterly
		}
		return groups[i].rank < groups[j].rank
	})
	for _, g := range groups {
		slices.Sort(g.periods)
		if !g.quarterly {
			out = append(out, meetMonthsText(g.periods)+g.what)
			continue
		}
		qs := make([]string, len(g.periods))
		for i, q := range g.periods {
			qs[i] = strconv.Itoa(q)
		}
		out = append(out, "第"+strings.Join(qs, "、")+"季度"+g.what)
	}
	return out
}

// meetMonthMarks returns, per month (1–12), what the calculator found
// missing in it: 主题党日 (尚未 in the month under way) and the monthly
// 三会一课 requirements.
func meetMonthMarks(bm rules.BranchMeetings, current int) map[int][]string {
	marks := map[int][]string{}
	for _, mo := range bm.ThemeDayMissing {
		marks[mo] = append(marks[mo], "未开展"+string(vocab.MeetingThemeDay))
	}
	if bm.ThemeDayPending && current > 0 {
		marks[current] = append(marks[current], "尚未开展"+string(vocab.MeetingThemeDay))
	}
	for _, g := range bm.ThreeOneGaps {
		if g.Month > 0 {
			marks[g.Month] = append(marks[g.Month], g.What)
		}
	}
	return marks
}

// meetYear is where the ledger's year stands on its check day.
type meetYear struct {
	shown int  // the months of the year begun, 0–12
	ended bool // the whole year is over
}

func newMeetYear(year int, asOf time.Time) meetYear {
	months := (asOf.Year()-year)*12 + int(asOf.Month())
	return meetYear{shown: min(max(months, 0), 12), ended: asOf.Year() > year}
}

// notYet is 未 once the year is over, 尚未 while it runs.
func (y meetYear) notYet() string {
	if y.ended {
		return "未"
	}
	return "尚未"
}

// meetColumns are the columns of the ledger, on a landscape page: 应到 and
// 实到 are numbers, 请假 and 缺席 the members with their reasons.
var meetColumns = []layout.Column{
	{Title: "月份", Width: 11, Align: layout.Center, Carry: true}, {Title: "日期", Width: 21, Align: layout.Center},
	{Title: "类型", Width: 24}, {Title: "主题", Width: 38}, {Title: "地点", Width: 30},
	{Title: "主持人", Width: 14, Keep: true}, {Title: "记录人", Width: 14, Keep: true},
	{Title: "应到", Width: 9, Align: layout.Right}, {Title: "实到", Width: 9, Align: layout.Right},
	{Title: string(vocab.Excused), Width: 56}, {Title: string(vocab.Absent)},
}

// meetings is what the ledger is made from, beyond the calculator's gaps.
type meetings struct {
	byBranch map[string][]data.Meeting
	att      map[string]*meetAttendance
	expected map[string][]string // 应到 per meeting: rules.Figures.MeetingRolls
	groups   map[string]string   // 党小组 names by id
}

func buildMeetings(r *request) error {
	if len(r.branches) == 0 {
		r.nothing("没有党支部，无组织生活记录。")
		return nil
	}
	fig, err := r.figures()
	if err != nil {
		return err
	}
	figures := map[string]rules.BranchMeetings{}
	for _, bm := range fig.Meetings() {
		figures[bm.Branch.ID] = bm
	}
	names, groupOf, err := r.meetPeople()
	if err != nil {
		return err
	}
	in := meetings{expected: fig.MeetingRolls(groupOf), groups: map[string]string{}}
	if in.byBranch, in.att, err = r.meetingsOfYear(names); err != nil {
		return err
	}
	err = r.store.Groups.Each(r.ctx, func(g *data.PartyGroup) error {
		in.groups[g.ID] = g.Name
		return nil
	})
	if err != nil {
		return err
	}
	y := newMeetYear(r.year, checkDay(r.year, r.now))
	span := "全年12个月"
	if y.shown < 12 {
		span = fmt.Sprintf("1月至%d月", y.shown)
	}
	since := ""
	if c := fig.Facts().Coverage.Meetings; c.After(time.Date(r.year, time.January, 1, 0, 0, 0, 0, time.UTC)) {
		since = fmt.Sprintf("本组织的组织生活记录自%s起，此前月份不计缺项。", layout.ProseMonth(c))
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("%d年度%s各党支部的三会一课（支部党员大会、支委会、党小组会、党课）、主题党日、"+
		"组织生活会和民主评议党员情况，按月列出。应到为会议当日在册的本支部党员人数（支委会为支部委员会成员，党小组会为本小组党员），"+
		"实到为出席人数；请假、缺席列出姓名和原因，按姓氏笔画排列。"+
		"每月应开展主题党日、召开支委会（设党小组的还应召开党小组会），缺项在当月注明；"+
		"每季度应召开支部党员大会、上党课，缺项列入年度小结。%s", r.year, span, since)},
		&layout.Spacer{MM: 2})
	for i := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.progress(i, len(r.branches))
		b := &r.branches[i]
		if i > 0 {
			p.Add(&layout.PageBreak{}) // each branch on its own pages, to be filed by itself
		}
		p.Add(branchMeetings(r, y, b, figures[b.ID], &in)...)
	}
	r.progress(len(r.branches), len(r.branches))
	return nil
}

// meetTotals adds up a branch's attendance over the year, in 人次.
type meetTotals struct {
	expected, present, leave, absent int
}

// branchMeetings is one branch's months, marked with the gaps the
// calculator found, and its yearly summary.
func branchMeetings(r *request, y meetYear, b *data.BranchRef, bm rules.BranchMeetings, in *meetings) []layout.Block {
	ms := in.byBranch[b.ID]
	out := []layout.Block{&layout.Heading{Level: 1, Text: b.Label}}
	startMonth := 1
	if !b.Founded.IsZero() {
		f := (b.Founded.Year()-r.year)*12 + int(b.Founded.Month())
		if f > 12 || f > y.shown && len(ms) == 0 {
			return append(out, &layout.Paragraph{Indent: true,
				Text: fmt.Sprintf("支部于%s成立，%d年度无组织生活记录。", proseDate(b.Founded), r.year)})
		}
		if f > 1 {
			startMonth = f
			out = append(out, &layout.Paragraph{Indent: true, Text: fmt.Sprintf("支部于%s成立，自%d月起记录。", proseDate(b.Founded), f)})
		}
	}
	byMonth := map[int][]data.Meeting{}
	lastMonth := y.shown
	for _, m := range ms {
		mo := int(m.Date.Month())
		byMonth[mo] = append(byMonth[mo], m)
		lastMonth = max(lastMonth, mo)
	}
	current := 0
	if !y.ended {
		current = y.shown
	}
	marks := meetMonthMarks(bm, current)
	count := map[vocab.MeetingKind]int{}
	var total meetTotals
	t := &layout.Table{Columns: meetColumns}
	row := func(first bool, label, rec string, cells ...string) {
		if !first {
			label = ""
		}
		t.Rows = append(t.Rows, layout.Row{Cells: append([]string{label}, cells...), Record: rec})
	}
	for mo := startMonth; mo <= lastMonth; mo++ {
		label := strconv.Itoa(mo) + "月"
		firstRow := true
		for _, m := range byMonth[mo] {
			kind := vocab.MeetingKind(m.Kind)
			count[kind]++
			topic := m.Topic
			if g := in.groups[string(m.GroupID)]; g != "" && kind == vocab.MeetingGroup {
				topic = g + "：" + topic
			}
			expected := len(in.expected[m.ID])
			total.expected += expected
			var present, leave, absent string
			if a := in.att[m.ID]; a != nil {
				present, leave, absent = strconv.Itoa(a.present), meetAwayText(a.leave), meetAwayText(a.absent)
				total.present += a.present
				total.leave += len(a.leave)
				total.absent += len(a.absent)
			}
			row(firstRow, label, strings.Join([]string{b.Label, tableDate(m.Date), m.Kind}, " "),
				tableDate(m.Date), m.Kind, topic, m.Location, layout.Keep(m.Host), layout.Keep(m.Recorder),
				strconv.Itoa(expected), present, leave, absent)
			firstRow = false
		}
		mark := strings.Join(marks[mo], "、")
		switch {
		case mark != "" && firstRow:
			row(true, label, "", "", "无记录", mark)
		case mark != "":
			row(false, label, "", "", "", mark)
		case firstRow:
			row(true, label, "", "", "无记录")
		}
	}
	out = append(out, t)
	return append(out, &layout.Spacer{MM: 1}, &layout.Paragraph{Indent: true, Text: meetSummary(y, bm, count, total)})
}

// meetSummary is a branch's yearly summary: the meetings held by kind, the
// attendance in 人次 and the gaps.
func meetSummary(y meetYear, bm rules.BranchMeetings, count map[vocab.MeetingKind]int, total meetTotals) string {
	missing := meetGapsText(bm)
	if !bm.OrgLifeExempt {
		if !bm.OrgLifeHeld {
			missing = append(missing, y.notYet()+"召开专题组织生活会")
		}
		if !bm.AppraisalHeld {
			missing = append(missing, y.notYet()+"开展民主评议党员")
		}
	}
	groupText := ""
	if bm.Branch != nil && bm.Branch.HasGroups || count[vocab.MeetingGroup] > 0 {
		groupText = fmt.Sprintf("、党小组会%d次", count[vocab.MeetingGroup])
	}
	summary := fmt.Sprintf("年度小结：召开支部党员大会%d次、支委会%d次%s，上党课%d次，开展主题党日%d次，"+
		"召开组织生活会%d次，开展民主评议%d次",
		count[vocab.MeetingGeneral], count[vocab.MeetingCommittee], groupText, count[vocab.MeetingLecture],
		count[vocab.MeetingThemeDay], count[vocab.MeetingOrgLife], count[vocab.MeetingAppraisal])
	if n := total.present + total.leave + total.absent; n > 0 {
		summary += fmt.Sprintf("；应到%d人次，出席%d人次、请假%d人次、缺席%d人次，出席率%.1f%%",
			total.expected, total.present, total.leave, total.absent, float64(total.present)*100/float64(n))
	}
	if len(missing) > 0 {
		return summary + "。存在缺项：" + strings.Join(missing, "；") + "。"
	}
	return summary + "。未发现缺项。"
}
