package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// termsCompareTitle is the screen's title in the sidebar.
const termsCompareTitle = "学期对比"

// termsCompareScreen compares two terms' results per organization: its
// members, findings and 考评 score in each, and the change (members ±,
// findings ±, by rule on selection, score ±), from snapshot.CompareTerms.
type termsCompareScreen struct {
	u        *UI
	terms    []snapshot.TermResult
	from, to *widget.Select
	deltas   []snapshot.OrgTermDelta
	table    *dataTable
	message  *widget.Label
	detail   *widget.Label
	loads    *loader
}

// termsCompareColumns are the table's columns.
var termsCompareColumns = []column{{"组织", 200}, {"党员数（前）", 80}, {"党员数（后）", 80}, {"党员增减", 70},
	{"问题数（前）", 80}, {"问题数（后）", 80}, {"问题增减", 70}, {"考评得分（前）", 90}, {"考评得分（后）", 90},
	{"得分增减", 70}}

func newTermsCompareScreen(u *UI) fyne.CanvasObject {
	s := &termsCompareScreen{u: u, loads: newLoader(u)}
	u.keep("termscompare", s)
	s.from = widget.NewSelect(nil, func(string) { s.compare() })
	s.to = widget.NewSelect(nil, func(string) { s.compare() })
	s.from.PlaceHolder, s.to.PlaceHolder = "选择学期", "选择学期"
	s.message = widget.NewLabel("正在读取学期…")
	s.message.Wrapping = fyne.TextWrapWord
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.table = newDataTable(u, "committee.termscompare", termsCompareColumns, func() int { return len(s.deltas) },
		func(row, col int) string { return s.cell(&s.deltas[row], col, false) }, rowActions{})
	s.table.sortable(func(col int, desc bool) {
		sortRowsBy(s.deltas, col, desc, func(i int) string { return s.cell(&s.deltas[i], col, true) })
	})
	s.table.keepSelection(func(row int) string { return s.deltas[row].Org }, s.showDetail)
	selected := s.table.table.OnSelected
	s.table.table.OnSelected = func(id widget.TableCellID) {
		selected(id)
		s.showDetail()
	}
	title := widget.NewLabelWithStyle(termsCompareTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewHBox(widget.NewLabel("从"), termChooserBox(s.from), widget.NewLabel("到"), termChooserBox(s.to),
		widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.compare))
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, container.NewHScroll(bar)), s.message)
	detail := container.NewBorder(widget.NewLabelWithStyle("问题按规则的变化", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewVSplit(s.table.object(), detail)
	split.Offset = 0.7
	s.loadTerms()
	return container.NewBorder(top, nil, nil, nil, split)
}

// loadTerms reads the terms consolidated and proposes the two newest,
// the earlier first.
func (s *termsCompareScreen) loadTerms() {
	c := s.u.committee
	load(s.loads, func(context.Context) ([]snapshot.TermResult, error) { return c.Terms() },
		func(terms []snapshot.TermResult, err error) {
			if err != nil {
				s.message.SetText("无法读取学期：" + err.Error())
				return
			}
			s.terms = terms
			if len(terms) < 2 {
				s.message.SetText("至少需要两个学期的汇总结果才能对比。")
				return
			}
			options := make([]string, len(terms))
			for i, t := range terms {
				options[i] = t.Label
			}
			s.from.SetOptions(options)
			s.to.SetOptions(options)
			s.from.SetSelected(terms[1].Label)
			s.to.SetSelected(terms[0].Label)
		})
}

// termNamed is the term whose label is label, "" for none.
func (s *termsCompareScreen) termNamed(label string) string {
	for _, t := range s.terms {
		if t.Label == label {
			return t.Term
		}
	}
	return ""
}

// compare computes the comparison of the two terms chosen off the UI
// goroutine.
func (s *termsCompareScreen) compare() {
	from, to := s.termNamed(s.from.Selected), s.termNamed(s.to.Selected)
	if from == "" || to == "" {
		return
	}
	if from == to {
		s.message.SetText("请选择两个不同的学期。")
		s.deltas = nil
		s.table.refresh()
		return
	}
	s.message.SetText("正在对比…")
	c := s.u.committee
	load(s.loads, func(ctx context.Context) ([]snapshot.OrgTermDelta, error) {
		return snapshot.CompareTerms(ctx, c, from, to)
	}, func(deltas []snapshot.OrgTermDelta, err error) {
		if err != nil {
			s.message.SetText("无法对比：" + err.Error())
			return
		}
		s.deltas = deltas
		if col, desc := s.table.sortCol, s.table.sortDesc; col >= 0 {
			sortRowsBy(s.deltas, col, desc, func(i int) string { return s.cell(&s.deltas[i], col, true) })
		}
		s.table.refresh()
		s.message.SetText(fmt.Sprintf("%s与%s对比，%d个组织；“—”表示该组织的快照不在该学期的汇总结果中。",
			s.from.Selected, s.to.Selected, len(deltas)))
		s.showDetail()
	})
}

// cell is the text of a column of d; for sorting (sort), a missing figure
// is empty, so that it comes last.
func (s *termsCompareScreen) cell(d *snapshot.OrgTermDelta, col int, sort bool) string {
	none := "—"
	if sort {
		none = ""
	}
	side := func(f *snapshot.TermFigures, v func(*snapshot.TermFigures) string) string {
		if f == nil {
			return none
		}
		return v(f)
	}
	members := func(f *snapshot.TermFigures) string { return strconv.Itoa(f.Members) }
	findings := func(f *snapshot.TermFigures) string { return strconv.Itoa(f.Findings) }
	score := func(f *snapshot.TermFigures) string { return strconv.FormatFloat(f.Score, 'f', 1, 64) }
	switch col {
	case 0:
		return d.Name
	case 1:
		return side(d.From, members)
	case 2:
		return side(d.To, members)
	case 3:
		return signed(float64(d.Members), 0)
	case 4:
		return side(d.From, findings)
	case 5:
		return side(d.To, findings)
	case 6:
		return signed(float64(d.Findings), 0)
	case 7:
		return side(d.From, score)
	case 8:
		return side(d.To, score)
	case 9:
		return signed(d.Score, 1)
	}
	return ""
}

// signed is a change with its sign: +3, -2, 0, +1.5.
func signed(v float64, decimals int) string {
	text := strconv.FormatFloat(v, 'f', decimals, 64)
	if v > 0 && text != strconv.FormatFloat(0, 'f', decimals, 64) {
		return "+" + text
	}
	if strings.Trim(text, "-0.") == "" {
		return strconv.FormatFloat(0, 'f', decimals, 64)
	}
	return text
}

// showDetail lists the selected organization's change of findings by rule.
func (s *termsCompareScreen) showDetail() {
	row := s.table.selectedRow()
	if row < 0 || row >= len(s.deltas) {
		s.detail.SetText("选择一个组织，这里列出其各规则问题数的变化。")
		return
	}
	d := &s.deltas[row]
	if len(d.ByRule) == 0 {
		s.detail.SetText(d.Name + "：各规则的问题数没有变化。")
		return
	}
	var ids []vocab.RuleID
	for id := range d.ByRule {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b vocab.RuleID) int {
		return slices.Index(vocab.RuleIDs, a) - slices.Index(vocab.RuleIDs, b)
	})
	lines := []string{d.Name + "："}
	for _, id := range ids {
		lines = append(lines, fmt.Sprintf("%s：%s项", ruleName(id), signed(float64(d.ByRule[id]), 0)))
	}
	s.detail.SetText(strings.Join(lines, "\n"))
}
