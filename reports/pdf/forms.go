package pdf

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"dangjian/data"
)

// Forms: one-page documents people fill in and sign (民主评议党员登记表,
// 党员目标管理责任书). A form is drawn at fixed positions: labelled boxes,
// text fitted into its box (smaller type, then cut with a mark) so that a
// form never spills onto a second page, and signature and date lines with
// room to write.

const (
	formPad       = 2.0      // mm between a box's border and its text
	formMinSize   = 6.5      // the smallest type a form's text is shrunk to, points
	formCut       = "……(下略)" // ends text cut to fit its box
	formSignRoom  = 22.0     // mm a box keeps at its bottom for a signature and date line
	formYearBlank = 14.0     // mm of the blank before 年 in a date line
	formDayBlank  = 9.0      // mm of the blanks before 月 and 日
)

// formLineHeight is the height of a line of type size points, in mm.
func formLineHeight(size float64) float64 { return size * lineGap * 25.4 / 72 }

// formFit wraps text to width at the largest size from maxSize down to
// formMinSize (in half points) whose lines fit in height, and leaves the
// font at that size. Text that does not fit even at formMinSize is cut,
// its last line ending with formCut.
func (d *Document) formFit(text string, width, height, maxSize float64) (float64, []string) {
	text = strings.TrimSpace(text)
	size := maxSize
	for {
		d.font(size)
		lines := wrap(text, width, d.runeWidth)
		n := int((height + 0.01) / formLineHeight(size))
		if len(lines) <= n {
			return size, lines
		}
		if size-0.5 < formMinSize {
			return size, d.formCutLines(lines, max(n, 1), width)
		}
		size -= 0.5
	}
}

// formCutLines keeps the first n lines, the last ending with formCut.
func (d *Document) formCutLines(lines []string, n int, width float64) []string {
	lines = append([]string(nil), lines[:n]...)
	last := []rune(strings.TrimRight(lines[n-1], " "))
	mark := d.formWidth(formCut)
	for len(last) > 0 && d.formWidth(string(last))+mark > width {
		last = last[:len(last)-1]
	}
	// Do not leave an opening bracket or a half sentence mark before the cut.
	for len(last) > 0 && strings.ContainsRune(noLineEnd+"，、；：", last[len(last)-1]) {
		last = last[:len(last)-1]
	}
	lines[n-1] = string(last) + formCut
	return lines
}

// formWidth measures text at the current size.
func (d *Document) formWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += d.runeWidth(r)
	}
	return w
}

// formText draws text fitted into the box x, y, w, h (no border), aligned
// "L", "C" or "R", centred vertically when middle is set, else from the top.
func (d *Document) formText(x, y, w, h float64, text, align string, maxSize float64, middle bool) {
	size, lines := d.formFit(text, w, h, maxSize)
	lh := formLineHeight(size)
	top := y
	if middle {
		top = y + (h-float64(len(lines))*lh)/2
	}
	for i, line := range lines {
		d.pdf.SetXY(x, top+float64(i)*lh)
		d.pdf.CellFormat(w, lh, line, "", 0, align, false, 0, "")
	}
	d.font(bodySize)
}

// formLabel draws a shaded label box; a label in a box much taller than
// wide is set vertically, one character a line, as on printed forms.
func (d *Document) formLabel(x, y, w, h float64, label string) {
	d.pdf.SetFillColor(238, 238, 238)
	d.pdf.Rect(x, y, w, h, "FD")
	n := utf8.RuneCountInString(label)
	lh := formLineHeight(bodySize) * 1.15
	if h > 3*formLineHeight(bodySize) && float64(n)*lh <= h-2*formPad {
		d.font(bodySize)
		top := y + (h-float64(n)*lh)/2
		i := 0
		for _, r := range label {
			d.pdf.SetXY(x, top+float64(i)*lh)
			d.pdf.CellFormat(w, lh, string(r), "", 0, "C", false, 0, "")
			i++
		}
		return
	}
	d.formText(x+1, y, w-2, h, label, "C", bodySize, true)
}

// formValue draws a bordered value box with its text fitted inside.
func (d *Document) formValue(x, y, w, h float64, value string) {
	d.pdf.Rect(x, y, w, h, "D")
	d.formText(x+formPad, y+0.5, w-2*formPad, h-1, value, "C", bodySize+0.5, true)
}

// formRow draws a row of boxes at y from the left margin: cells alternate
// label and value, widths gives each cell's width in mm.
func (d *Document) formRow(y, h float64, widths []float64, cells ...string) {
	x := marginLeft(d)
	for i, c := range cells {
		if i%2 == 0 {
			d.formLabel(x, y, widths[i], h, c)
		} else {
			d.formValue(x, y, widths[i], h, c)
		}
		x += widths[i]
	}
}

// formBlock draws a box the body's width at y, h tall: a label column lw
// wide and text fitted into the rest; foot, when not nil, draws in the
// bottom formSignRoom mm of the box (signature lines) and is given the
// content area's left x, right x and the box's bottom y.
func (d *Document) formBlock(y, h, lw float64, label, text string, foot func(x0, x1, bottom float64)) {
	x := marginLeft(d)
	w := d.bodyWidth()
	d.formLabel(x, y, lw, h, label)
	d.pdf.Rect(x+lw, y, w-lw, h, "D")
	room := h - 2*formPad
	if foot != nil {
		room -= formSignRoom
	}
	if strings.TrimSpace(text) != "" && room > 0 {
		d.formText(x+lw+formPad+1, y+formPad, w-lw-2*formPad-2, room, text, "L", bodySize+0.5, false)
	}
	if foot != nil {
		foot(x+lw+formPad+1, x+w-formPad-1, y+h)
	}
}

// formSign draws a signature line whose baseline is at y, starting at x:
// the label, then a rule lineW long with the whole line's height above it
// free for a handwritten name. It returns the x after the rule.
func (d *Document) formSign(x, y float64, label string, lineW float64) float64 {
	d.font(bodySize + 0.5)
	lh := formLineHeight(d.size)
	w := d.formWidth(label)
	d.pdf.SetXY(x, y-lh)
	d.pdf.CellFormat(w, lh, label, "", 0, "L", false, 0, "")
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x+w+1, y-0.8, x+w+1+lineW, y-0.8)
	d.font(bodySize)
	return x + w + 1 + lineW
}

// formDate draws "label ____年__月__日" with its baseline at y from x, the
// blanks filled with the date when it is set; it returns the x after it.
func (d *Document) formDate(x, y float64, label string, date data.Date) float64 {
	d.font(bodySize + 0.5)
	lh := formLineHeight(d.size)
	put := func(s string, w float64, rule bool) {
		d.pdf.SetXY(x, y-lh)
		d.pdf.CellFormat(w, lh, s, "", 0, "C", false, 0, "")
		if rule {
			d.pdf.SetLineWidth(0.2)
			d.pdf.Line(x, y-0.8, x+w, y-0.8)
		}
		x += w
	}
	if label != "" {
		put(label, d.formWidth(label), false)
	}
	parts := [3]string{}
	if !date.IsZero() {
		parts = [3]string{fmt.Sprint(date.Year()), fmt.Sprint(int(date.Month())), fmt.Sprint(date.Day())}
	}
	unit := d.formWidth("年")
	put(parts[0], formYearBlank, true)
	put("年", unit, false)
	put(parts[1], formDayBlank, true)
	put("月", unit, false)
	put(parts[2], formDayBlank, true)
	put("日", unit, false)
	d.font(bodySize)
	return x
}

// formDateWidth is the width formDate takes for label.
func (d *Document) formDateWidth(label string) float64 {
	d.font(bodySize + 0.5)
	w := d.formWidth(label) + formYearBlank + 2*formDayBlank + 3*d.formWidth("年")
	d.font(bodySize)
	return w
}

// formSignAndDate draws, right-aligned in [x0, x1] with baseline y, a
// signature line for who and a date line after it.
func (d *Document) formSignAndDate(x0, x1, y float64, who string) {
	const rule = 42.0
	d.font(bodySize + 0.5)
	signW := d.formWidth(who) + 1 + rule
	d.font(bodySize)
	dateW := d.formDateWidth("日期:")
	x := max(x0, x1-signW-8-dateW)
	x = d.formSign(x, y, who, rule) + 8
	d.formDate(x, y, "日期:", data.Date{})
}

// formMembers returns, by id, the members of the covered branches whatever
// their status (a member transferred out keeps their records), and the
// covered branches' names by id.
func (r *request) formMembers() (map[data.Ref]*data.Member, map[string]string, error) {
	branchNames := map[string]string{}
	for _, b := range r.branches {
		branchNames[b.ID] = b.Name
	}
	members := map[data.Ref]*data.Member{}
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if r.inBranch(m.BranchID) {
			c := *m
			members[data.Ref(m.ID)] = &c
		}
		return nil
	})
	return members, branchNames, err
}

// formOrder sorts ms by branch (in r.branches' order, by name) and then by
// name in stroke order; the same name sorts by id, so the order is stable.
func (r *request) formOrder(ms []data.Member) {
	formOrderBy(r, ms, func(m data.Member) (string, string, string) { return string(m.BranchID), m.Name, m.ID })
}

// formOrderBy sorts xs as formOrder does, by the branch id, name and id key
// gives.
func formOrderBy[T any](r *request, xs []T, key func(T) (branch, name, id string)) {
	rank := map[string]int{}
	for i, b := range r.branches {
		rank[b.ID] = i
	}
	branch := func(x T) string { b, _, _ := key(x); return b }
	name := func(x T) string { _, n, _ := key(x); return n }
	id := func(x T) string { _, _, i := key(x); return i }
	sort.Slice(xs, func(i, j int) bool { return id(xs[i]) < id(xs[j]) })
	sortStroke(xs, name)
	sort.SliceStable(xs, func(i, j int) bool { return rank[branch(xs[i])] < rank[branch(xs[j])] })
}

// formYM formats a date as 1990.05, or "" when not given.
func formYM(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006.01")
}

// formDay formats a date as 2026年3月1日, or "" when not given.
func formDay(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}
