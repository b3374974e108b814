package app

import (
	"bytes"
	"sort"
	"strings"

	"dangjian/data/hanzi"
)

// nameOrder is how the 党员 table orders 姓名: by 拼音 (surnames read as
// surnames: 沈 shěn, 单 shàn) or by 姓氏笔画, as the printed roster does.
type nameOrder int

const (
	byPinyin nameOrder = iota
	byStroke
)

// nameOrderTexts are the choices of the 姓名排序 select, by nameOrder.
var nameOrderTexts = []string{"按拼音", "按姓氏笔画"}

// prefNameOrder is the preference that remembers the 姓名排序 chosen.
const prefNameOrder = "members.nameOrder"

// nameOrderOf is the order a choice of the select stands for.
func nameOrderOf(text string) nameOrder {
	if text == nameOrderTexts[byStroke] {
		return byStroke
	}
	return byPinyin
}

// rankStroke numbers the rows' names in 姓氏笔画 order (hanzi.CompareStroke,
// the printed roster's), so that sorting compares numbers; namesakes share
// a number.
func rankStroke(rows []memberRow) {
	type name struct {
		text string
		key  []byte
	}
	names := make([]name, 0, len(rows))
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		if text := r.cells[0]; !seen[text] {
			seen[text] = true
			names = append(names, name{text, hanzi.StrokeKey(text)})
		}
	}
	// By key, then by text: CompareStroke's order.
	sort.Slice(names, func(i, j int) bool {
		if c := bytes.Compare(names[i].key, names[j].key); c != 0 {
			return c < 0
		}
		return names[i].text < names[j].text
	})
	rank := make(map[string]int, len(names))
	for i, n := range names {
		rank[n.text] = i
	}
	for i := range rows {
		rows[i].stroke = rank[rows[i].cells[0]]
	}
}

// compareNames orders two rows by 姓名 in the order chosen.
func compareNames(a, b *memberRow, order nameOrder) int {
	if order == byStroke {
		return a.stroke - b.stroke
	}
	return strings.Compare(a.pinyin, b.pinyin)
}

// sortMembers orders rows by a column, 姓名 in the name order chosen,
// other columns as sortedRows does (Chinese text by 拼音, rows alike in
// the column by branch and 姓名); col -1 is the default order: by branch,
// then by 姓名. desc reverses the column's order. Keys are computed once
// per row, not per comparison.
func sortMembers(rows []memberRow, col int, desc bool, order nameOrder) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if col == 0 {
			c := compareNames(a, b, order)
			if desc {
				c = -c
			}
			return c < 0
		}
		if c := strings.Compare(a.branch, b.branch); c != 0 {
			return c < 0
		}
		return compareNames(a, b, order) < 0
	})
	if col <= 0 {
		return
	}
	sortRowsBy(rows, col, desc, func(i int) string { return rows[i].cells[col] })
}
