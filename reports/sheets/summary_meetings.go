package sheets

import (
	"fmt"
	"strings"

	"dangjian/data/rules"
)

// meetingsSummaryLayout is the meetings export's 缺项 sheet: one row per
// branch with the ended months of the year without a 主题党日 and the
// 三会一课 requirements not met.
var meetingsSummaryLayout = Layout{Kind: Meetings, Title: "缺项", Columns: []Column{
	{Header: "党支部", Type: "text", Width: 24, Computed: true},
	{Header: "未开展主题党日的月份", Type: "text", Width: 24, Computed: true},
	{Header: "三会一课缺项", Type: "text", Width: 60, Computed: true},
	{Header: "备注", Type: "text", Width: 30, Computed: true},
}}

// noGaps is what a column shows when nothing is missing.
const noGaps = "无"

// meetingsSummary lays out fig's meeting gaps (rules.Figures.Meetings).
func meetingsSummary(fig *rules.Figures, _ *summaryNames) *summary {
	branches := fig.Meetings()
	year := fig.Facts().Year
	return &summary{
		layout: meetingsSummaryLayout,
		rows:   len(branches),
		note: "主题党日每月一次；支部党员大会、党课每季度至少一次，支委会每月至少一次，设党小组的党小组会每月至少一次。" +
			"只列已结束的月份和季度，支部成立或记录起始之前的不计。",
		each: func(add func(map[string]any) error) error {
			for _, bm := range branches {
				if err := add(meetingGapsRow(bm, year)); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func meetingGapsRow(bm rules.BranchMeetings, year int) map[string]any {
	months := noGaps
	if len(bm.ThemeDayMissing) > 0 {
		names := make([]string, len(bm.ThemeDayMissing))
		for i, m := range bm.ThemeDayMissing {
			names[i] = fmt.Sprintf("%d月", m)
		}
		months = strings.Join(names, "、")
	}
	threeOne := noGaps
	if len(bm.ThreeOneMissing) > 0 {
		threeOne = strings.Join(bm.ThreeOneMissing, "；")
	}
	var notes []string
	switch f := bm.FirstRequired; {
	case f.Year() == year && f.Month() > 1:
		notes = append(notes, "自"+monthText(f)+"起计")
	case f.Year() > year:
		notes = append(notes, "支部成立或记录起始晚于本年度，不计")
	}
	if bm.ThemeDayPending {
		notes = append(notes, "本月尚未开展主题党日")
	}
	return map[string]any{
		"党支部":        bm.Branch.Name,
		"未开展主题党日的月份": months,
		"三会一课缺项":     threeOne,
		"备注":         strings.Join(notes, "；"),
	}
}
