package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/sheets"
	snapshot "dangjian/sync"
)

// overviewRow is one organization's line of the 全校概览: what the
// committee knows of it (enrolment, last accepted snapshot, last check)
// and its figures in the consolidated database.
type overviewRow struct {
	orgID, name string
	view        *snapshot.OrgView // nil for an organization not enrolled
	sum         *rules.Summary    // nil when the database holds none of its records
	// source is the organization's line of the term's result shown (what
	// the consolidation that made it found), nil when none.
	source *snapshot.TermSource
}

// overviewData is a load of the 全校概览: a row per organization, ordered
// by name, and the university's figures.
type overviewData struct {
	rows   []overviewRow
	total  rules.Summary
	year   int
	asOf   time.Time // the figures' day
	now    time.Time // for the snapshots' age
	report *snapshot.Report
	term   *snapshot.TermResult // the term whose result is shown, nil when none
}

// loadOverview reads the committee's organizations and each one's
// figures of year from the consolidated database, each under its own
// settings (data.Store.OrgFigures, rules.Summary; kept in the committee's
// database once computed, summariesOf), telling progress after each
// organization computed.
func loadOverview(ctx context.Context, store *data.Store, c *snapshot.Committee, rep *snapshot.Report,
	year int, now time.Time, progress func(done, total int)) (overviewData, error) {
	return overviewFrom(ctx, store, c, rep, year, now, func(d *overviewData) ([]orgSummary, error) {
		return summariesOf(ctx, c, store, d.term, year, d.asOf, progress)
	})
}

// errNoneKept: no figures of the result are kept.
var errNoneKept = errors.New("no figures kept")

// keptOverview is the overview from the newest figures kept of the result
// and year (keptSummariesOf), as of the day they were computed;
// errNoneKept when there are none.
func keptOverview(ctx context.Context, store *data.Store, c *snapshot.Committee, rep *snapshot.Report,
	year int, now time.Time) (overviewData, error) {
	return overviewFrom(ctx, store, c, rep, year, now, func(d *overviewData) ([]orgSummary, error) {
		sums, asOf, ok := keptSummariesOf(ctx, c, store, d.term, year)
		if !ok {
			return nil, errNoneKept
		}
		d.asOf = asOf
		return sums, nil
	})
}

// overviewFrom lays out the overview of the organizations from their
// figures.
func overviewFrom(ctx context.Context, store *data.Store, c *snapshot.Committee, rep *snapshot.Report,
	year int, now time.Time, figures func(d *overviewData) ([]orgSummary, error)) (overviewData, error) {
	d := overviewData{year: year, now: now, asOf: appcore.CheckDay(year, now), report: rep,
		term: shownTermOf(c, store.Path())}
	var views []snapshot.OrgView
	if c != nil {
		var err error
		if views, err = c.Orgs(); err != nil {
			return d, err
		}
	}
	sourceOf := map[string]*snapshot.TermSource{}
	if d.term != nil {
		for i := range d.term.Sources.Orgs {
			sourceOf[d.term.Sources.Orgs[i].Org] = &d.term.Sources.Orgs[i]
		}
	}
	sums, err := figures(&d)
	if err != nil {
		return d, err
	}
	viewOf := map[string]*snapshot.OrgView{}
	for i := range views {
		viewOf[views[i].Public.OrgID] = &views[i]
	}
	listed := map[string]bool{}
	for i := range sums {
		sum := &sums[i].Summary
		d.total.Add(*sum)
		d.rows = append(d.rows, overviewRow{orgID: sums[i].ID, name: sums[i].Name, view: viewOf[sums[i].ID], sum: sum,
			source: sourceOf[sums[i].ID]})
		listed[sums[i].ID] = true
	}
	for i := range views {
		if v := &views[i]; !listed[v.Public.OrgID] {
			d.rows = append(d.rows, overviewRow{orgID: v.Public.OrgID, name: v.Public.OrgName, view: v,
				source: sourceOf[v.Public.OrgID]})
		}
	}
	slices.SortStableFunc(d.rows, func(a, b overviewRow) int { return hanzi.CompareLabel(a.name, b.name) })
	return d, nil
}

// overviewColumn is a column of the 全校概览: its title and width, how its
// values are written in the Excel sheet, its value for a row (a string, an
// int, a float64; nil for none) and, when it sorts otherwise than by its
// value, its sort key.
type overviewColumn struct {
	column
	format sheets.CellFormat
	value  func(d *overviewData, r *overviewRow) any
	key    func(d *overviewData, r *overviewRow) any
	// ofOrg: the column is about an organization's own snapshot, and the
	// university's line (全校合计) leaves it empty.
	ofOrg bool
}

// accepted is the row's last accepted snapshot, nil for none: for the
// result of a term, the snapshot merged into it while the committee still
// keeps its manifest as the last accepted.
func (r *overviewRow) accepted() *snapshot.Accepted {
	if r.view == nil || r.view.Accepted == nil {
		return nil
	}
	if r.source != nil && r.source.Seq != r.view.Accepted.Seq {
		return nil
	}
	return r.view.Accepted
}

// seq is the number of the row's snapshot in the result shown, 0 for none.
func (r *overviewRow) seq() uint64 {
	if r.source != nil {
		return r.source.Seq
	}
	if a := r.accepted(); a != nil {
		return a.Seq
	}
	return 0
}

// status names the row's status: as the consolidation that made the
// result shown found it, else as the committee's last check did.
func (r *overviewRow) status(rep *snapshot.Report) string {
	if r.source != nil {
		if r.source.Status == snapshot.StatusRejected && r.source.Refusal == snapshot.RefusalNewerVersion {
			return "待升级汇总端"
		}
		return snapshot.StatusText(r.source.Status)
	}
	if r.view == nil {
		return "未登记"
	}
	return orgStatusText(*r.view, rep)
}

// summed gives f of the row's figures, nil without figures.
func summed(f func(s *rules.Summary) any) func(d *overviewData, r *overviewRow) any {
	return func(_ *overviewData, r *overviewRow) any {
		if r.sum == nil {
			return nil
		}
		return f(r.sum)
	}
}

// overviewColumns are the 全校概览's columns, the Excel's too: each
// organization's figures first, then its snapshot and state.
var overviewColumns = []overviewColumn{
	{column: column{"组织", 200}, format: sheets.FormatText,
		value: func(_ *overviewData, r *overviewRow) any { return r.name }},
	{column: column{"党员数", 60}, format: sheets.FormatInt,
		value: summed(func(s *rules.Summary) any { return s.Members })},
	{column: column{"支部数", 60}, format: sheets.FormatInt,
		value: summed(func(s *rules.Summary) any { return s.Branches })},
	{column: column{"待整改问题", 76}, format: sheets.FormatInt,
		value: summed(func(s *rules.Summary) any { return s.Open() })},
	{column: column{"主要问题", 220}, format: sheets.FormatText,
		value: summed(func(s *rules.Summary) any { return mainFindings(s) })},
	{column: column{"培训达标率", 80}, format: sheets.FormatPercent,
		value: summed(func(s *rules.Summary) any { return s.TrainingRate() })},
	{column: column{string(vocab.MeetingThemeDay) + "落实率", 100}, format: sheets.FormatPercent,
		value: summed(func(s *rules.Summary) any { return s.ThemeDayRate() })},
	{column: column{"三会一课落实率", 100}, format: sheets.FormatPercent,
		value: summed(func(s *rules.Summary) any { return s.ThreeOneRate() })},
	{column: column{"党费收缴率", 80}, format: sheets.FormatPercent,
		value: summed(func(s *rules.Summary) any {
			if rate, ok := s.DuesRate(); ok {
				return rate
			}
			return nil
		})},
	{column: column{"欠缴（元）", 80}, format: sheets.FormatMoney,
		value: summed(func(s *rules.Summary) any { return yuanValue(s.Dues.Arrears) })},
	{column: column{"考评得分", 70}, format: sheets.FormatDecimal,
		value: summed(func(s *rules.Summary) any { return s.Score() })},
	// The people admitted (发展党员) in the calendar year and in the 学年
	// running on the figures' day (rules.DevYears), 「12／8」; sorted by the
	// year's.
	{column: column{devColumnTitle, 110}, format: sheets.FormatText,
		value: summed(func(s *rules.Summary) any { return fmt.Sprintf("%d／%d", s.Admitted, s.AdmittedSchool) }),
		key:   summed(func(s *rules.Summary) any { return s.Admitted*100000 + s.AdmittedSchool })},
	// The organization's snapshot and its state, after its figures: at
	// 1024 wide the figures show without scrolling.
	{column: column{"快照序号", 70}, format: sheets.FormatInt, ofOrg: true,
		value: func(_ *overviewData, r *overviewRow) any {
			if n := r.seq(); n > 0 {
				return int(n)
			}
			return nil
		}},
	{column: column{"快照时间", 130}, format: sheets.FormatText, ofOrg: true,
		value: func(_ *overviewData, r *overviewRow) any {
			if a := r.accepted(); a != nil {
				return a.Manifest.CreatedAt.Local().Format("2006-01-02 15:04")
			}
			return nil
		}},
	{column: column{"距今", 70}, format: sheets.FormatText, ofOrg: true,
		value: func(d *overviewData, r *overviewRow) any {
			if a := r.accepted(); a != nil {
				return ageText(d.now.Sub(a.Manifest.CreatedAt))
			}
			return nil
		},
		key: func(d *overviewData, r *overviewRow) any {
			if a := r.accepted(); a != nil {
				return d.now.Sub(a.Manifest.CreatedAt).Seconds()
			}
			return nil
		}},
	{column: column{"状态", 90}, format: sheets.FormatText, ofOrg: true,
		value: func(d *overviewData, r *overviewRow) any { return r.status(d.report) }},
}

// devColumnTitle is the title of the 全校概览's column of 发展党员.
const devColumnTitle = "本年／本学年发展"

// yuanValue is an amount in 分 as 元, a number.
func yuanValue(fen int64) float64 { return float64(fen) / 100 }

// ageText is how long ago something was, as people say it: 刚刚, 5分钟前,
// 3小时前, 3天前.
func ageText(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "刚刚"
	case d < time.Hour:
		return fmt.Sprintf("%d分钟前", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d小时前", int(d/time.Hour))
	}
	return fmt.Sprintf("%d天前", int(d/(24*time.Hour)))
}

// rulesByCount are the rules with findings in s, most findings first (in
// the rules' order among equals).
func rulesByCount(s *rules.Summary) []vocab.RuleID {
	var ids []vocab.RuleID
	for _, id := range vocab.RuleIDs {
		if s.ByRule[id] > 0 {
			ids = append(ids, id)
		}
	}
	for id, n := range s.ByRule { // a rule the list does not know yet
		if n > 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(a, b vocab.RuleID) int { return s.ByRule[b] - s.ByRule[a] })
	// The reminders (政治生日, 光荣在党50年) are no problems: after them.
	slices.SortStableFunc(ids, func(a, b vocab.RuleID) int {
		return boolRank(rules.IsReminder(a)) - boolRank(rules.IsReminder(b))
	})
	return ids
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mainFindings is the findings column's text: the rule with the most
// findings and how many other rules have some (「每月开展主题党日 5项，另有3类」).
func mainFindings(s *rules.Summary) string {
	ids := slices.DeleteFunc(rulesByCount(s), func(id vocab.RuleID) bool { return s.OpenOf(id) == 0 })
	slices.SortStableFunc(ids, func(a, b vocab.RuleID) int { return s.OpenOf(b) - s.OpenOf(a) })
	if len(ids) == 0 {
		return "无"
	}
	text := fmt.Sprintf("%s %d项", rules.RuleTitleIn(ids[0], s.Settings), s.OpenOf(ids[0]))
	if len(ids) > 1 {
		text += fmt.Sprintf("，另有%d类", len(ids)-1)
	}
	return text
}

// findingsByRule lists each rule with findings and their number, one per
// line, most first.
func findingsByRule(s *rules.Summary) []string {
	var lines []string
	for _, id := range rulesByCount(s) {
		if rules.IsReminder(id) {
			lines = append(lines, fmt.Sprintf("提醒（不计入待整改问题）：%s：%d项", rules.RuleTitleIn(id, s.Settings), s.ByRule[id]))
			continue
		}
		line := fmt.Sprintf("%s：%d项", rules.RuleTitleIn(id, s.Settings), s.OpenOf(id))
		if due := s.DueByRule[id]; due > 0 {
			line += fmt.Sprintf("（另有本月待办%d项，不计入待整改问题）", due)
		}
		lines = append(lines, line)
	}
	return lines
}

// overviewText is how the screen shows a value of a column.
func overviewText(format sheets.CellFormat, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		switch format {
		case sheets.FormatPercent:
			return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
		case sheets.FormatMoney:
			return strconv.FormatFloat(x, 'f', 2, 64)
		}
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return fmt.Sprint(v)
}

// sortOverview orders rows by column col, descending when desc; rows
// without a value come last either way, and equal rows keep their order.
func sortOverview(d *overviewData, col int, desc bool) {
	if col < 0 || col >= len(overviewColumns) {
		return
	}
	c := overviewColumns[col]
	key := c.key
	if key == nil {
		key = c.value
	}
	keys := make(map[*overviewRow]any, len(d.rows))
	text := map[*overviewRow]string{}
	for i := range d.rows {
		r := &d.rows[i]
		keys[r] = key(d, r)
		if s, ok := keys[r].(string); ok {
			text[r] = hanzi.PinyinKey(s)
		}
	}
	// Sorting moves the rows: compare by the values taken before.
	type keyed struct {
		row overviewRow
		key any
		txt string
	}
	list := make([]keyed, len(d.rows))
	for i := range d.rows {
		r := &d.rows[i]
		list[i] = keyed{*r, keys[r], text[r]}
	}
	slices.SortStableFunc(list, func(a, b keyed) int {
		if (a.key == nil) != (b.key == nil) {
			if a.key == nil {
				return 1
			}
			return -1
		}
		if a.key == nil {
			return 0
		}
		var c int
		switch x := a.key.(type) {
		case int:
			c = x - b.key.(int)
		case float64:
			y := b.key.(float64)
			switch {
			case x < y:
				c = -1
			case x > y:
				c = 1
			}
		default:
			c = strings.Compare(a.txt, b.txt)
		}
		if desc {
			return -c
		}
		return c
	})
	for i := range list {
		d.rows[i] = list[i].row
	}
}

// overviewSheet is the 全校概览 as an Excel sheet: the rows as shown, then
// the university's figures as 全校合计.
func overviewSheet(d *overviewData) sheets.FiguresSheet {
	s := sheets.FiguresSheet{Title: "全校概览",
		Note: fmt.Sprintf("%d年度，截至%d年%d月%d日；导出于%s", d.year, d.asOf.Year(), int(d.asOf.Month()), d.asOf.Day(),
			d.now.Local().Format("2006-01-02 15:04"))}
	for _, c := range overviewColumns {
		width := float64(c.width) / 7
		s.Columns = append(s.Columns, sheets.FiguresColumn{Title: c.title, Format: c.format, Width: max(width, 8)})
	}
	for i := range d.rows {
		row := make([]any, len(overviewColumns))
		for c, col := range overviewColumns {
			row[c] = col.value(d, &d.rows[i])
		}
		s.Rows = append(s.Rows, row)
	}
	total := overviewRow{name: "全校合计", sum: &d.total}
	row := make([]any, len(overviewColumns))
	for c, col := range overviewColumns {
		if col.ofOrg { // snapshot and status: not the university's
			continue
		}
		row[c] = col.value(d, &total)
	}
	s.Rows = append(s.Rows, row)
	return s
}
