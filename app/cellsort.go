package app

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"dangjian/data/hanzi"
)

// searchKey is what the search finds a name by besides the name itself:
// its 拼音首字母 (zs for 张三, sdy for 单东阳) and its whole 拼音
// (zhangsan), surnames read as surnames.
func searchKey(name string) string {
	if name == "" {
		return ""
	}
	return hanzi.Initials(name) + "\x00" + hanzi.Pinyin(name)
}

// searchTerms splits what was typed in a search box into its words, lower
// case: a row is shown when it holds every one (「王 第一」 finds 王 of 第一党支部).
func searchTerms(query string) []string {
	return strings.Fields(strings.ToLower(query))
}

// holdsAll reports whether text (lower case) holds every term.
func holdsAll(text string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// sortedRows is the order of rows by column col (their own order for col
// -1): numbers by value when the column holds only numbers, Chinese text
// by 拼音, other text as written; desc reverses it. Empty cells come last.
func sortedRows(cells [][]string, col int, desc bool) []int {
	order := make([]int, len(cells))
	for i := range order {
		order[i] = i
	}
	if col < 0 {
		return order
	}
	numeric, chinese := true, false
	nums := make([]float64, len(cells))
	for i, row := range cells {
		text := row[col]
		if text == "" {
			continue
		}
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			nums[i] = v
		} else {
			numeric = false
		}
		chinese = chinese || strings.IndexFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
	}
	keys := make([]string, len(cells))
	for i, row := range cells {
		keys[i] = row[col]
		if chinese && !numeric {
			keys[i] = hanzi.PinyinKey(row[col])
		}
	}
	less := func(a, b int) int {
		if numeric {
			switch {
			case nums[a] < nums[b]:
				return -1
			case nums[a] > nums[b]:
				return 1
			}
			return 0
		}
		return strings.Compare(keys[a], keys[b])
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if ea, eb := cells[a][col] == "", cells[b][col] == ""; ea != eb {
			return eb
		}
		c := less(a, b)
		if desc {
			return c > 0
		}
		return c < 0
	})
	return order
}

// sortRowsBy orders rows in place by what text(i) shows of row i in column
// col, as the shared tables sort (numbers by value, text by 拼音; stable).
func sortRowsBy[R any](rows []R, col int, desc bool, text func(i int) string) {
	cells := make([][]string, len(rows))
	for i := range rows {
		cells[i] = make([]string, col+1)
		cells[i][col] = text(i)
	}
	sorted := make([]R, len(rows))
	for i, j := range sortedRows(cells, col, desc) {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}
