package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/rules"
)

// gapLinesShown is how many lines of the 主题党日 banner show at once; more
// scroll, so that many branches never push the table off the window.
const gapLinesShown = 3

// themeDayBanner is the 组织生活 screen's 缺主题党日 banner: a line with
// the count of branches concerned, then a line per branch, in a scroll of
// bounded height. Its months are the calculator's (rules.Figures.Meetings).
type themeDayBanner struct {
	summary *widget.Label
	gaps    *widget.Label // a line per branch
	scroll  *container.Scroll
}

func newThemeDayBanner() *themeDayBanner {
	b := &themeDayBanner{summary: widget.NewLabel(""), gaps: widget.NewLabel("")}
	b.summary.Importance = widget.WarningImportance
	b.scroll = container.NewVScroll(b.gaps)
	return b
}

// object lays the banner out.
func (b *themeDayBanner) object() fyne.CanvasObject { return container.NewVBox(b.summary, b.scroll) }

// set shows the gaps of the branches, each under its label (its name when
// it has none); one is true when a single branch is chosen, whose line
// then shows even without gaps.
func (b *themeDayBanner) set(bms []rules.BranchMeetings, labels map[string]string, asOf time.Time, one bool) {
	summary, lines := themeDayText(bms, labels, asOf, one)
	b.summary.SetText(summary)
	b.summary.Hidden = summary == ""
	b.summary.Refresh()
	b.gaps.SetText(strings.Join(lines, "\n"))
	shown := min(len(lines), gapLinesShown)
	height := float32(0)
	if shown > 0 {
		height = widget.NewLabel(strings.Repeat("国\n", shown-1) + "国").MinSize().Height
	}
	b.scroll.SetMinSize(fyne.NewSize(0, height))
	if shown == 0 {
		b.scroll.Hide()
	} else {
		b.scroll.Show()
	}
	b.scroll.Refresh()
}

// themeDayText words the calculator's 主题党日 figures of branches: a
// summary with the number of branches concerned (empty for one branch),
// and a line for each branch with ended months without one, or none yet
// in the month under way (for one branch, a line even without gaps).
func themeDayText(bms []rules.BranchMeetings, labels map[string]string, asOf time.Time, one bool) (string, []string) {
	var lines []string
	missing, months, pending := 0, 0, 0
	for _, bm := range bms {
		name := labels[bm.Branch.ID]
		if name == "" {
			name = bm.Branch.Name
		}
		var parts []string
		if len(bm.ThemeDayMissing) > 0 {
			parts = append(parts, "缺主题党日: "+monthsText(bm.ThemeDayMissing))
			missing++
			months += len(bm.ThemeDayMissing)
		}
		if bm.ThemeDayPending {
			parts = append(parts, fmt.Sprintf("本月(%d月)尚未开展", int(asOf.Month())))
			pending++
		}
		switch {
		case len(parts) > 0:
			lines = append(lines, name+"  "+strings.Join(parts, ";"))
		case one && bm.ThemeDayRequired == 0:
			lines = append(lines, name+"  本年度没有应开展主题党日的月份")
		case one:
			lines = append(lines, name+"  各月均已开展主题党日")
		}
	}
	if one {
		return "", lines
	}
	if len(lines) == 0 {
		return "各支部均已按月开展主题党日", nil
	}
	var parts []string
	if missing > 0 {
		parts = append(parts, fmt.Sprintf("%d个支部缺主题党日,共%d个月次", missing, months))
	}
	if pending > 0 {
		parts = append(parts, fmt.Sprintf("%d个支部本月尚未开展", pending))
	}
	return strings.Join(parts, ";"), lines
}

// monthsText writes months (1–12) as 3月、7月.
func monthsText(ms []int) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strconv.Itoa(m) + "月"
	}
	return strings.Join(parts, "、")
}
