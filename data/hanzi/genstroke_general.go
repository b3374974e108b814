//go:build ignore

// This file, part of genstroke, completes the stroke orders of the
// characters of 《通用规范汉字表》 that the 海峰五笔 table lacks, from the
// rime-stroke table, choosing among its orders of a character by the
// character's structure (cjkvi-ids).

package main

import (
	"bufio"
	"fmt"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// addGeneralTable gives each character of the general table listed in
// tongyongPath that orders lacks the order of the rime table at rimePath:
// its only order, or of several the one derived from the structure in
// idsPath. A character for which neither decides keeps its count only.
func addGeneralTable(orders map[rune]string, tongyongPath, rimePath, idsPath string) error {
	chars, err := readTongyong(tongyongPath)
	if err != nil {
		return err
	}
	rime, err := readRime(rimePath)
	if err != nil {
		return err
	}
	ids, err := readIDS(idsPath)
	if err != nil {
		return err
	}
	var lacking, agree, only, undecided, none int
	for _, r := range chars {
		if _, ok := orders[r]; ok {
			continue
		}
		lacking++
		cands := rime[r]
		derived := deriveOrders(ids[r], orders)
		chosen := ""
		for _, c := range cands {
			if _, ok := derived[c]; ok {
				chosen = c
				agree++
				break
			}
		}
		switch {
		case chosen != "":
		case len(cands) == 1:
			chosen = cands[0]
			only++
			log.Printf("%U %c: the rime order %s, its structure %q giving %v", r, r, chosen, ids[r], keys(derived))
		case len(cands) == 0:
			none++
			log.Printf("%U %c: no rime order", r, r)
		default:
			undecided++
			log.Printf("%U %c: rime orders %v, none of them the structure's %v; left out", r, r, cands, keys(derived))
		}
		if chosen != "" {
			orders[r] = chosen
		}
	}
	log.Printf("general table: %d characters without an order in the first table; %d from rime agreeing with their structure, %d rime's only order, %d undecided, %d not in rime",
		lacking, agree, only, undecided, none)
	correctByGeneralTable(orders, chars, rime, ids)
	return nil
}

// correctByGeneralTable replaces the order of each character of the
// general table that sorts outside the place the table lists it at by the
// rime order that both its structure gives and fits that place, if there
// is one (字: 425521 for 445521, 宀 being 点 点 横钩).
func correctByGeneralTable(orders map[rune]string, chars []rune, rime map[rune][]string, ids map[rune][]string) {
	fixed := map[rune]string{}
	for i, r := range chars {
		if fitsGeneralTable(chars, i, orders[r], orders) {
			continue
		}
		derived := deriveOrders(ids[r], orders)
		for _, c := range rime[r] {
			if _, ok := derived[c]; ok && fitsGeneralTable(chars, i, c, orders) {
				log.Printf("%U %c: order %s corrected to %s", r, r, orders[r], c)
				fixed[r] = c
				break
			}
		}
	}
	maps.Copy(orders, fixed)
	log.Printf("general table: %d orders corrected", len(fixed))
}

// keys lists a set's members.
func keys(set map[string]struct{}) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	return out
}

// readTongyong reads the characters of the general table, lines
// "U+XXXX<tab>serial number", and returns them in the table's order, the
// character of serial number n at n-1.
func readTongyong(path string) ([]rune, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := make([]rune, 8105)
	for line := range strings.Lines(string(b)) {
		hex, serial, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || !strings.HasPrefix(hex, "U+") {
			continue
		}
		cp, err1 := strconv.ParseUint(hex[2:], 16, 32)
		n, err2 := strconv.Atoi(serial)
		if err1 != nil || err2 != nil || n < 1 || n > len(out) || out[n-1] != 0 {
			return nil, fmt.Errorf("%s: unexpected line %q", path, line)
		}
		out[n-1] = rune(cp)
	}
	if i := slices.Index(out, 0); i >= 0 {
		return nil, fmt.Errorf("%s: no character numbered %d", path, i+1)
	}
	return out, nil
}

// generalTableLevels are the serial numbers that begin the general
// table's three levels, and the end; each level lists its characters by
// stroke count, then stroke by stroke.
var generalTableLevels = []int{1, 3501, 6501, 8106}

// fitsGeneralTable reports whether order, the order of chars[i], sorts
// between the orders of the characters listed before and after it in its
// level of the general table.
func fitsGeneralTable(chars []rune, i int, order string, orders map[rune]string) bool {
	lo, hi := 0, len(chars)
	for _, start := range generalTableLevels {
		if start-1 <= i {
			lo = start - 1
		} else {
			hi = start - 1
			break
		}
	}
	before := func(a, b string) bool { return len(a) < len(b) || len(a) == len(b) && a <= b }
	if o, ok := orders[chars[max(i-1, 0)]]; i > lo && ok && !before(o, order) {
		return false
	}
	if o, ok := orders[chars[min(i+1, len(chars)-1)]]; i+1 < hi && ok && !before(order, o) {
		return false
	}
	return true
}

// rimeStrokes are rime-stroke's letters for 横 竖 撇 点 折.
var rimeStrokes = strings.NewReplacer("h", "1", "s", "2", "p", "3", "n", "4", "z", "5")

// readRime reads the rime-stroke dictionary: after the "..." line,
// "字<tab>letters[<tab>weight]" a line. Entries of other letters (none
// for single characters) are left out.
func readRime(path string) (map[rune][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[rune][]string{}
	body := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "..." {
			body = true
			continue
		}
		if !body || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		r, size := utf8.DecodeRuneInString(fields[0])
		if len(fields) < 2 || size != len(fields[0]) || fields[1] == "" || strings.Trim(fields[1], "hspnz") != "" {
			continue
		}
		out[r] = append(out[r], rimeStrokes.Replace(fields[1]))
	}
	if len(out) < 80000 {
		return nil, fmt.Errorf("%s: only %d characters", path, len(out))
	}
	return out, sc.Err()
}

// idsSource matches the source tags of an IDS, "[GTJ]".
var idsSource = regexp.MustCompile(`\[[^]]*\]`)

// readIDS reads cjkvi-ids's ids.txt: "U+XXXX<tab>字<tab>IDS[<tab>IDS…]".
func readIDS(path string) (map[rune][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[rune][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 3 || !strings.HasPrefix(fields[0], "U+") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(fields[1])
		for _, s := range fields[2:] {
			out[r] = append(out[r], idsSource.ReplaceAllString(s, ""))
		}
	}
	return out, sc.Err()
}

// Positional forms whose order differs from the character alone: 车 on
// the left ends 竖 提, 竹 on top is ⺮.
var (
	leftForms = map[rune]string{'车': "1521"}
	topForms  = map[rune]string{'竹': "314314"}
	// outsideFirst are the enclosures written outside first.
	outsideFirst = map[rune]bool{'门': true, '广': true}
)

// deriveOrders returns the orders the descriptions give: the components'
// orders in turn for ⿰ ⿱ ⿲ ⿳, and for ⿵ ⿸ with an outside written
// first; a description with another structure or a component without an
// order gives none.
func deriveOrders(descs []string, orders map[rune]string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, d := range descs {
		rs := []rune(d)
		if o, n, ok := deriveOrder(rs, orders); ok && n == len(rs) {
			out[o] = struct{}{}
		}
	}
	return out
}

// deriveOrder derives the order of the description starting rs, returning
// it and the number of runes it takes.
func deriveOrder(rs []rune, orders map[rune]string) (string, int, bool) {
	if len(rs) == 0 {
		return "", 0, false
	}
	switch op := rs[0]; op {
	case '⿰', '⿱', '⿲', '⿳', '⿵', '⿸':
		parts := 2
		if op == '⿲' || op == '⿳' {
			parts = 3
		}
		var b strings.Builder
		n := 1
		for i := range parts {
			if i == 0 && n < len(rs) && (op == '⿵' || op == '⿸') && !outsideFirst[rs[n]] {
				return "", 0, false
			}
			o, m, ok := "", 1, false
			switch {
			case i == 0 && n < len(rs) && op == '⿰' && leftForms[rs[n]] != "":
				o, ok = leftForms[rs[n]], true
			case i == 0 && n < len(rs) && op == '⿱' && topForms[rs[n]] != "":
				o, ok = topForms[rs[n]], true
			default:
				o, m, ok = deriveOrder(rs[n:], orders)
			}
			if !ok {
				return "", 0, false
			}
			b.WriteString(o)
			n += m
		}
		return b.String(), n, true
	default:
		o, ok := orders[op]
		return o, 1, ok
	}
}
