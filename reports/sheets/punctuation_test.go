package sheets

import (
	"strings"
	"testing"
	"time"

	"dangjian/data/hanzi/hanzitest"
	"dangjian/data/rules"
)

// TestChineseTextUsesFullWidthPunctuation reads every string of the
// package's source that holds Chinese text — import messages, the notes
// and guide of templates, the summary sheets — and fails on ASCII
// punctuation in it: 「文件不是有效的Excel（.xlsx）文件（可能不完整或已损坏）」,
// not 「文件不是有效的Excel(.xlsx)文件(可能不完整或已损坏)」.
func TestChineseTextUsesFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"*.go"}, nil)
}

// TestBuiltTextUsesFullWidthPunctuation: the texts put together from
// pieces without a Chinese character of their own — a reason after a name,
// the parts of a summary's 备注 — are full-width too.
func TestBuiltTextUsesFullWidthPunctuation(t *testing.T) {
	may, aug := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	line := &rules.DuesLine{From: may, Until: aug}
	line.Months[5].Arrears = 100
	gaps := rules.BranchMeetings{Branch: &rules.Branch{Name: "一支部"}, FirstRequired: may, ThemeDayPending: true,
		ThreeOneMissing: []string{"第二季度党课", "6月支委会"}}
	row := meetingGapsRow(gaps, 2026)
	for _, s := range []string{
		withReason("张三", "出差"),
		trainingHoursNote(rules.MemberHours{Committee: true, Months: 8}, 2026),
		duesLineNote(line, 2026),
		duesTotalRow("一支部", subtotalText, rules.DuesTotals{Members: 3, Owing: 1, Due: 300, Paid: 200})["备注"].(string),
		row["三会一课缺项"].(string),
		row["备注"].(string),
	} {
		if !strings.ContainsAny(s, "，；（：") {
			t.Errorf("%q: no punctuation to check", s)
		}
		if m := hanzitest.ASCIIPunctuation(s); m != "" {
			t.Errorf("ASCII punctuation %q in %q", m, s)
		}
	}
}
