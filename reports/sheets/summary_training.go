package sheets

import (
	"fmt"
	"strings"

	"dangjian/data/rules"
)

// trainingSummaryLayout is the training export's 学时汇总 sheet: one row per
// member on the rolls, with the 集中学习 hours counted in the year against
// those required.
var trainingSummaryLayout = Layout{Kind: Training, Title: "学时汇总", Columns: []Column{
	{Header: "党支部", Type: "text", Width: 24, Computed: true},
	{Header: "姓名", Type: "text", Width: 10, Computed: true},
	{Header: "公民身份号码", Type: "id", Width: 21, Computed: true},
	{Header: "集中学习学时", Type: "number", Width: 12, Computed: true},
	{Header: "应达学时", Type: "number", Width: 10, Computed: true},
	{Header: "是否达标", Type: "text", Width: 10, Computed: true},
	{Header: "备注", Type: "text", Width: 36, Computed: true},
}}

// notChecked is 是否达标 for a member the hours rule does not apply to in
// the year.
const notChecked = "不考核"

// trainingSummary lays out fig's training hours (rules.Figures.TrainingHours).
func trainingSummary(fig *rules.Figures, names *summaryNames) *summary {
	hours := fig.TrainingHours()
	year := fig.Facts().Year
	return &summary{
		layout: trainingSummaryLayout,
		rows:   len(hours),
		note:   trainingSummaryNote(fig.Settings()),
		each: func(add func(map[string]any) error) error {
			for _, h := range hours {
				if err := add(trainingHoursRow(h, names, year)); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func trainingHoursRow(h rules.MemberHours, names *summaryNames, year int) map[string]any {
	met := yesNoText(!h.Short())
	if !h.Checked {
		met = notChecked
	}
	return map[string]any{
		"党支部":    names.branch(h.Member.BranchID),
		"姓名":     h.Member.Name,
		"公民身份号码": names.idNumber(h.Member.ID),
		"集中学习学时": h.Hours,
		"应达学时":   h.Required,
		"是否达标":   met,
		"备注":     trainingHoursNote(h, year),
	}
}

// trainingHoursNote says why a requirement is what it is, e.g.
// 「书记或班子成员；自2026年5月起计，按8个月折算」.
func trainingHoursNote(h rules.MemberHours, year int) string {
	var parts []string
	if h.Committee {
		parts = append(parts, "书记或班子成员")
	}
	if h.Months < 12 {
		parts = append(parts, fmt.Sprintf("自%d年%d月起计，按%d个月折算", year, 12-h.Months+1, h.Months))
	}
	if !h.Checked {
		parts = append(parts, "本年不考核学时")
	}
	return strings.Join(parts, "；")
}

// trainingSummaryNote explains the columns under the settings in force.
func trainingSummaryNote(set rules.Settings) string {
	self := "不含个人自学"
	if set.SelfStudyCounts {
		self = "含个人自学（按设置计入）"
	}
	return fmt.Sprintf("集中学习学时%s；应达学时为每年%d学时，书记和班子成员%d学时，年中起计的按月折算。",
		self, set.TrainingHours, set.LeaderTrainingHours)
}
