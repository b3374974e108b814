package sheets

import (
	"context"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/rules"
)

// summary is a sheet of a year's figures that an export adds after the
// records' sheet: 收缴汇总 for dues, 学时汇总 for training, 缺项 for meetings.
// Its figures come from rules.Figures, the calculator every screen, report
// and check uses, so that the workbook agrees with them. Its columns are
// all computed; the import never reads it.
type summary struct {
	layout Layout
	rows   int // data rows each writes
	// each calls add for every data row in order, with a value for each
	// header of the layout, as exportSheet.add takes them.
	each func(add func(map[string]any) error) error
	note string // a line under the rows: the year and the day of the figures
}

// summaryBuilder prepares a kind's summary from the year's figures.
type summaryBuilder func(fig *rules.Figures, names *summaryNames) *summary

var summaries = map[Kind]summaryBuilder{
	Dues:     duesSummary,
	Training: trainingSummary,
	Meetings: meetingsSummary,
}

var summaryLayouts = map[Kind]Layout{
	Dues:     duesSummaryLayout,
	Training: trainingSummaryLayout,
	Meetings: meetingsSummaryLayout,
}

// SummaryTitle names the sheet of the year's figures that an export of
// kind k adds after its records (收缴汇总, 学时汇总, 缺项), or "" for a kind
// without one.
func SummaryTitle(k Kind) string { return summaryLayouts[k].Title }

// summaryNames are what a summary shows beyond the figures: branch names
// and members' 公民身份号码, deleted ones included.
type summaryNames struct {
	branches map[string]string
	people   map[data.Ref]exportPerson
}

// branch returns a branch's name, or "" when it is unknown.
func (n *summaryNames) branch(id string) string { return n.branches[id] }

// idNumber returns a member's 公民身份号码.
func (n *summaryNames) idNumber(memberID string) string { return n.people[data.Ref(memberID)].IDNumber }

// summaryOf computes the summary of kind k for year (the current year
// when 0), of the organization orgID ("" for the whole database), or nil
// for a kind without one.
func summaryOf(ctx context.Context, s *data.Store, k Kind, year int, orgID string) (*summary, error) {
	build, ok := summaries[k]
	if !ok {
		return nil, nil
	}
	now := s.Now()
	if year == 0 {
		year = now.Year()
	}
	asOf := figuresDay(year, now)
	fig, err := figuresOf(ctx, s, orgID, year, asOf)
	if err != nil {
		return nil, err
	}
	names := &summaryNames{branches: map[string]string{}}
	err = s.Branches.Each(ctx, func(b *data.Branch) error {
		names.branches[b.ID] = b.Name
		return nil
	}, data.WithDeleted())
	if err != nil {
		return nil, err
	}
	if names.people, err = loadPeople(ctx, s); err != nil {
		return nil, err
	}
	sum := build(fig, names)
	period := fmt.Sprintf("统计年度：%d年；数据截至%s。", year, dayText(asOf))
	if year < now.Year() {
		period = fmt.Sprintf("统计年度：%d年（全年）。", year)
	}
	sum.note = period + sum.note
	return sum, nil
}

// figuresDay is the day a year's figures are computed as of, as the check
// and the reports take it: the store's today for the current year (and a
// later one), 1 January of the next year for a past year, which is then
// over.
func figuresDay(year int, now time.Time) time.Time { return rules.CheckDay(year, now) }

// write adds the summary's sheet to f after the others, streaming its
// rows, and counts them in prog.
func (sum *summary) write(ctx context.Context, f *excelize.File, st *sheetStyles, prog *exportProgress) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	title := sum.layout.Title
	if _, err := f.NewSheet(title); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(title)
	if err != nil {
		return err
	}
	out := &exportSheet{ctx: ctx, sw: sw, st: st, layout: sum.layout, prog: prog}
	if err := out.begin(); err != nil {
		return fmt.Errorf("生成%s表头失败：%w", title, err)
	}
	if err := sum.each(out.add); err != nil {
		return err
	}
	if sum.note != "" {
		// One row left blank, then the note.
		cell, err := excelize.CoordinatesToCellName(1, out.rows+3)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: st.text, Value: sum.note}}); err != nil {
			return fmt.Errorf("写入%s说明失败：%w", title, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("生成%s失败：%w", title, err)
	}
	return nil
}

// dayText formats a day as 2026年11月26日.
func dayText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// monthText formats a month as 2026年5月.
func monthText(t time.Time) string {
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

// percentText formats a fraction as a percentage with two decimals.
func percentText(f float64) string {
	return fmt.Sprintf("%.2f%%", f*100)
}
