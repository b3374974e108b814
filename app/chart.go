package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barSeries is one kind of bar of a barChart, with its legend and color.
type barSeries struct {
	name  string
	color fyne.ThemeColorName
}

// barRow is one category of a barChart (a branch): a bar per series, each a
// share from 0 to 1, and the text shown after it.
type barRow struct {
	label  string
	values []float64
	texts  []string
}

// barChart is a small horizontal bar chart drawn with canvas objects: a
// legend when there are several series, then per row its label, a bar per
// series over a track of full length, and the bar's text.
type barChart struct {
	widget.BaseWidget
	series []barSeries
	rows   []barRow
	empty  string // shown when there are no rows
}

// Sizes of the chart, in device-independent pixels.
const (
	chartBarHeight = 12
	chartMaxLabel  = 190 // longer labels are cut with …
	chartMinBar    = 80
)

func newBarChart(empty string, series ...barSeries) *barChart {
	c := &barChart{series: series, empty: empty}
	c.ExtendBaseWidget(c)
	return c
}

// SetRows replaces the chart's rows and redraws it.
func (c *barChart) SetRows(rows []barRow) {
	c.rows = rows
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c}
	r.build()
	return r
}

// chartRowObjects are the canvas objects of one row.
type chartRowObjects struct {
	label         *canvas.Text
	tracks, bars  []*canvas.Rectangle
	texts         []*canvas.Text
	labelW, textW float32
}

type barChartRenderer struct {
	c       *barChart
	objects []fyne.CanvasObject
	legend  []fyne.CanvasObject // swatch and name per series
	rows    []chartRowObjects
	empty   *canvas.Text
}

func chartTextSize() float32 { return theme.CaptionTextSize() + 1 }

// lineHeight is the height of one bar's line: the text's or the bar's.
func chartLineHeight() float32 {
	h := fyne.MeasureText("国", chartTextSize(), fyne.TextStyle{}).Height
	return max(h, chartBarHeight+4)
}

// cut shortens a label to chartMaxLabel, ending it with … when cut.
func cut(s string, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= chartMaxLabel {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if fyne.MeasureText(string(r)+"…", size, fyne.TextStyle{}).Width <= chartMaxLabel {
			break
		}
	}
	return string(r) + "…"
}

// build makes the canvas objects for the chart's current rows.
func (r *barChartRenderer) build() {
	c := r.c
	size := chartTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	track := theme.Color(theme.ColorNameInputBackground)
	r.objects = nil
	r.legend = nil
	if len(c.series) > 1 {
		for _, s := range c.series {
			sw := canvas.NewRectangle(theme.Color(s.color))
			t := canvas.NewText(s.name, fg)
			t.TextSize = size
			r.legend = append(r.legend, sw, t)
		}
		r.objects = append(r.objects, r.legend...)
	}
	r.rows = make([]chartRowObjects, len(c.rows))
	for i, row := range c.rows {
		ro := &r.rows[i]
		ro.label = canvas.NewText(cut(row.label, size), fg)
		ro.label.TextSize = size
		ro.labelW = ro.label.MinSize().Width
		r.objects = append(r.objects, ro.label)
		for k, s := range c.series {
			t := canvas.NewRectangle(track)
			b := canvas.NewRectangle(theme.Color(s.color))
			text := ""
			if k < len(row.texts) {
				text = row.texts[k]
			}
			v := canvas.NewText(text, fg)
			v.TextSize = size
			ro.tracks = append(ro.tracks, t)
			ro.bars = append(ro.bars, b)
			ro.texts = append(ro.texts, v)
			ro.textW = max(ro.textW, v.MinSize().Width)
			r.objects = append(r.objects, t, b, v)
		}
	}
	r.empty = nil
	if len(c.rows) == 0 && c.empty != "" {
		r.empty = canvas.NewText(c.empty, theme.Color(theme.ColorNamePlaceHolder))
		r.empty.TextSize = size
		r.objects = append(r.objects, r.empty)
	}
}

// columns returns the widths of the label and text columns.
func (r *barChartRenderer) columns() (labelW, textW float32) {
	for _, ro := range r.rows {
		labelW = max(labelW, ro.labelW)
		textW = max(textW, ro.textW)
	}
	return labelW, textW
}

func (r *barChartRenderer) legendHeight() float32 {
	if len(r.legend) == 0 {
		return 0
	}
	return chartLineHeight() + theme.Padding()
}

func (r *barChartRenderer) rowHeight() float32 {
	return float32(len(r.c.series))*chartLineHeight() + theme.Padding()
}

func (r *barChartRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	if len(r.rows) == 0 {
		if r.empty != nil {
			return r.empty.MinSize().AddWidthHeight(2*pad, 2*pad)
		}
		return fyne.NewSize(chartMinBar, chartLineHeight())
	}
	labelW, textW := r.columns()
	h := r.legendHeight() + float32(len(r.rows))*r.rowHeight()
	return fyne.NewSize(labelW+chartMinBar+textW+3*pad, h)
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	line := chartLineHeight()
	y := float32(0)
	if len(r.legend) > 0 {
		x := float32(0)
		for i := 0; i+1 < len(r.legend); i += 2 {
			sw, t := r.legend[i], r.legend[i+1].(*canvas.Text)
			sw.Resize(fyne.NewSize(chartBarHeight, chartBarHeight))
			sw.Move(fyne.NewPos(x, (line-chartBarHeight)/2))
			x += chartBarHeight + pad
			ts := t.MinSize()
			t.Resize(ts)
			t.Move(fyne.NewPos(x, (line-ts.Height)/2))
			x += ts.Width + 3*pad
		}
		y = r.legendHeight()
	}
	if r.empty != nil {
		r.empty.Resize(r.empty.MinSize())
		r.empty.Move(fyne.NewPos(pad, pad))
	}
	labelW, textW := r.columns()
	barX := labelW + pad
	barW := max(size.Width-barX-textW-2*pad, 1)
	rowH := r.rowHeight()
	for i, ro := range r.rows {
		top := y + float32(i)*rowH
		ls := ro.label.MinSize()
		ro.label.Resize(ls)
		ro.label.Move(fyne.NewPos(0, top+(rowH-pad-ls.Height)/2))
		for k := range ro.bars {
			ly := top + float32(k)*line
			by := ly + (line-chartBarHeight)/2
			ro.tracks[k].Resize(fyne.NewSize(barW, chartBarHeight))
			ro.tracks[k].Move(fyne.NewPos(barX, by))
			v := 0.0
			if k < len(r.c.rows[i].values) {
				v = min(max(r.c.rows[i].values[k], 0), 1)
			}
			ro.bars[k].Resize(fyne.NewSize(barW*float32(v), chartBarHeight))
			ro.bars[k].Move(fyne.NewPos(barX, by))
			ts := ro.texts[k].MinSize()
			ro.texts[k].Resize(ts)
			ro.texts[k].Move(fyne.NewPos(barX+barW+pad, ly+(line-ts.Height)/2))
		}
	}
}

// Refresh rebuilds the objects, so that new rows and a changed theme show.
func (r *barChartRenderer) Refresh() {
	r.build()
	r.Layout(r.c.Size())
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barChartRenderer) Destroy() {}
