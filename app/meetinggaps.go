package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/rules"
)

// gapLinesShown is how many lines of the 主题党日 banner show folded; 展开
// shows the rest, in a scroll of at most gapLinesOpen lines, so that many
// branches never push the table off the window.
const (
	gapLinesShown = 3
	gapLinesOpen  = 12
)

// themeDayBanner is the 组织生活 screen's 缺主题党日 banner: a line with
// the count of branches concerned, then a line per branch, folded to a
// few lines with 展开. Its months are the calculator's
// (rules.Figures.Meetings).
type themeDayBanner struct {
	summary *widget.Label
	gaps    *foldingText    // a line per branch
	capped  *fyne.Container // gaps, at most gapLinesOpen lines high
	box     *fyne.Container
}

func newThemeDayBanner() *themeDayBanner {
	b := &themeDayBanner{summary: widget.NewLabel(""), gaps: newFoldingText(gapLinesShown)}
	b.summary.Importance = widget.WarningImportance
	line := widget.NewLabel("国").MinSize().Height - 2*theme.InnerPadding()
	b.capped = container.New(&cappedHeight{max: gapLinesOpen*line + 2*theme.InnerPadding() + theme.Padding()},
		container.NewVScroll(b.gaps.object()))
	b.box = container.NewVBox(b.summary, b.capped)
	return b
}

// object lays the banner out.
func (b *themeDayBanner) object() fyne.CanvasObject { return b.box }

// text is the banner's lines, one per branch, folded or not.
func (b *themeDayBanner) text() string { return b.gaps.Text() }

// set shows the gaps of the branches, each under its label (its name when
// it has none); one is true when a single branch is chosen, whose line
// then shows even without gaps.
func (b *themeDayBanner) set(bms []rules.BranchMeetings, labels map[string]string, asOf time.Time, one bool) {
	summary, lines := themeDayText(bms, labels, asOf, one)
	b.summary.SetText(summary)
	b.summary.Hidden = summary == ""
	b.gaps.SetText(strings.Join(lines, "\n"))
	b.capped.Hidden = len(lines) == 0
	b.box.Refresh()
}

// cappedHeight lays out one object (a scroll) at its own height up to
// max: a text that grows scrolls instead of pushing what follows away.
type cappedHeight struct{ max float32 }

func (c *cappedHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		want := o.MinSize()
		if sc, ok := o.(*container.Scroll); ok && sc.Content != nil && sc.Content.Visible() {
			want = sc.Content.MinSize()
		} else if ok {
			want = fyne.Size{}
		}
		s = s.Max(fyne.NewSize(want.Width, min(want.Height, c.max)))
	}
	return s
}

func (c *cappedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
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
			parts = append(parts, "缺主题党日："+monthsText(bm.ThemeDayMissing))
			missing++
			months += len(bm.ThemeDayMissing)
		}
		if bm.ThemeDayPending {
			parts = append(parts, fmt.Sprintf("本月（%d月）尚未开展", int(asOf.Month())))
			pending++
		}
		switch {
		case len(parts) > 0:
			lines = append(lines, name+"  "+strings.Join(parts, "；"))
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
		parts = append(parts, fmt.Sprintf("%d个支部缺主题党日，共%d个月次", missing, months))
	}
	if pending > 0 {
		parts = append(parts, fmt.Sprintf("%d个支部本月尚未开展", pending))
	}
	return strings.Join(parts, "；"), lines
}

// monthsText writes months (1–12) as 3月、7月.
func monthsText(ms []int) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strconv.Itoa(m) + "月"
	}
	return strings.Join(parts, "、")
}
