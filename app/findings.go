package app

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/cli"
	"dangjian/data/rules"
)

// findingsScreen is the 工作台: what the policy requires and the records do
// not show, grouped by rule.
type findingsScreen struct {
	u       *UI
	items   []findingItem
	year    *widget.Select
	summary *widget.Label
	list    *widget.List
	loads   int // load requests made; only the latest one's result is shown
}

// findingItem is a line of the list: a rule heading or one finding.
type findingItem struct {
	heading bool
	text    string
}

func newFindingsScreen(u *UI) fyne.CanvasObject {
	s := &findingsScreen{u: u}
	u.findings = s
	this := time.Now().Year()
	var years []string
	for y := this; y > this-5; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s.summary = widget.NewLabel("正在检查…")
	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			it := s.items[id]
			l.TextStyle = fyne.TextStyle{Bold: it.heading}
			l.Importance = widget.MediumImportance
			if it.heading {
				l.Importance = widget.HighImportance
			}
			l.SetText(it.text)
		},
	)
	s.year = widget.NewSelect(years, func(string) { s.load() })
	title := widget.NewLabelWithStyle("制度落实情况", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, container.NewHBox(widget.NewLabel("年度"), s.year), s.summary)
	s.year.SetSelected(years[0])
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *findingsScreen) load() {
	if s.list == nil {
		return
	}
	year, _ := strconv.Atoi(s.year.Selected)
	store := s.u.store
	s.summary.SetText("正在检查…")
	s.loads++
	request := s.loads
	async(s.u, func() ([]rules.Finding, error) {
		return store.Check(context.Background(), year, cli.CheckDay(year, time.Now()))
	}, func(fs []rules.Finding, err error) {
		if request != s.loads {
			return // a newer request supersedes this one
		}
		if err != nil {
			s.summary.SetText("检查失败")
			s.u.showError(err)
			return
		}
		s.items = groupFindings(fs)
		s.summary.SetText(fmt.Sprintf("共%d项待落实", len(fs)))
		s.list.Refresh()
	})
}

// groupFindings lays findings out under a heading per rule, with counts.
func groupFindings(fs []rules.Finding) []findingItem {
	var items []findingItem
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].Rule == fs[i].Rule {
			j++
		}
		items = append(items, findingItem{heading: true,
			text: fmt.Sprintf("%s %s(%d项)", fs[i].Rule, rules.RuleTitle(fs[i].Rule), j-i)})
		for _, f := range fs[i:j] {
			who := f.Branch
			if f.Member != "" {
				who += " · " + f.Member
			}
			items = append(items, findingItem{text: "    " + who + ":" + f.Detail})
		}
		i = j
	}
	return items
}
