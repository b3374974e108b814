package app

import (
	"strconv"
	"strings"
)

// What a dataTable remembers in the preferences, per table name: the
// widths the user gave columns and the sort order, each column known by
// its title (so that a column added or moved in a later version keeps its
// own width).

// prefTable is the preference key of what table name remembers.
func prefTable(name, what string) string { return "table." + name + "." + what }

// rememberedWidths is the width the user gave each column, by index.
func (t *dataTable) rememberedWidths() map[int]float32 {
	got := map[int]float32{}
	saved := t.u.app.Preferences().String(prefTable(t.name, "widths"))
	for _, part := range strings.Split(saved, "\n") {
		title, width, ok := strings.Cut(part, "\t")
		if !ok {
			continue
		}
		w, err := strconv.ParseFloat(width, 32)
		if err != nil || w < 20 || w > 2000 {
			continue
		}
		if col := t.column(title); col >= 0 {
			got[col] = float32(w)
		}
	}
	return got
}

// rememberWidths saves the widths the user gave columns.
func (t *dataTable) rememberWidths() {
	var parts []string
	for col, c := range t.cols {
		if t.sized[col] {
			parts = append(parts, c.title+"\t"+strconv.FormatFloat(float64(t.widths[col]), 'f', 0, 32))
		}
	}
	t.u.app.Preferences().SetString(prefTable(t.name, "widths"), strings.Join(parts, "\n"))
}

// rememberedSort is the sort order last chosen; ok false when none.
func (t *dataTable) rememberedSort() (col int, desc bool, ok bool) {
	saved := t.u.app.Preferences().String(prefTable(t.name, "sort"))
	title, order, found := strings.Cut(saved, "\t")
	if !found {
		return -1, false, false
	}
	col = t.column(title)
	return col, order == "desc", col >= 0
}

// rememberSort saves the sort order.
func (t *dataTable) rememberSort() {
	order := "asc"
	if t.sortDesc {
		order = "desc"
	}
	t.u.app.Preferences().SetString(prefTable(t.name, "sort"), t.cols[t.sortCol].title+"\t"+order)
}

// column is the index of the column titled title, -1 when none.
func (t *dataTable) column(title string) int {
	for i, c := range t.cols {
		if c.title == title {
			return i
		}
	}
	return -1
}
