//go:build ignore

// Genstroke writes strokes.txt, the package's embedded stroke data, from
// published tables:
//
//   - the stroke-order table of 海峰五笔 (Sun Haifeng's 五笔 input method,
//     http://okuc.net/sunwb/), mainland stroke orders of GBK, CJK Extension
//     A and Extension B, as distributed with github.com/leo-liu/zhmakeindex
//     (commit ca3567ef916df4ed8dde5863aaa4e3f867c5ab8a, file
//     CJK/sunwb_strokeorder.txt last changed in
//     603dfe68cdd09bac1a1374bd26f592d90c82eedb) under the LaTeX Project
//     Public License 1.3 (LICENSE-zhmakeindex.txt): for each character its
//     strokes as digits 1 横 2 竖 3 撇 4 点 5 折, classed as
//     《GB13000.1字符集汉字笔顺规范》 classes them (提 with 横, 竖钩 with 竖, 捺
//     with 点); the package's tests check it against that standard's orders
//     of some 120 surnames;
//   - for the 163 characters of 《通用规范汉字表》 that the first table lacks
//     (鿍鿎鿏 and characters of Extensions C to E), the stroke table of
//     the Rime input method's 五筆畫 scheme, github.com/rime/rime-stroke
//     (commit 3a4b0f4013e2b4c14b1e80c92b1d4723eb65f39c, stroke.dict.yaml,
//     LGPL 3, LICENSE-rime-stroke.txt): its letters h s p n z are 横 竖 撇
//     点 折. Where it gives a character several orders, the one taken is
//     the order derived from the character's structure in
//     github.com/cjkvi/cjkvi-ids ids.txt (commit
//     86b4d16159f0079437870408f0ca186e529015db, GPL 2): for ⿰ ⿱ ⿲ ⿳, and
//     ⿵ ⿸ (门 广: the outside first), the components' orders one after
//     the other, 车 on the left written 横 撇折 竖 提 and 竹 on top as ⺮;
//     only that structure is used, no IDS text is copied. The same table
//     corrects the orders of the first that sort outside the place the
//     general table lists their character at, by its order that the
//     structure gives and that fits that place (字 445521, not 425521,
//     and eight more);
//   - Unihan 15.0.0 kTotalStrokes (Unicode licence, LICENSE-unicode.txt),
//     the stroke count of the characters neither table gives an order
//     (its first value, the one preferred for the mainland form), whose
//     order is then unknown.
//
// Usage:
//
//	go run genstroke.go -sunwb ../zhmakeindex/CJK/sunwb_strokeorder.txt \
//		-unihan /usr/share/unicode/Unihan_IRGSources.txt.bz2 \
//		-rime ../rime-stroke/stroke.dict.yaml -ids ../cjkvi-ids/ids.txt \
//		-tongyong testdata/tongyong-8105.txt
package main

import (
	"bufio"
	"compress/bzip2"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	sunwb := flag.String("sunwb", "", "sunwb_strokeorder.txt of zhmakeindex")
	unihan := flag.String("unihan", "", "Unihan_IRGSources.txt (or .txt.bz2) with kTotalStrokes")
	rime := flag.String("rime", "", "stroke.dict.yaml of rime-stroke")
	ids := flag.String("ids", "", "ids.txt of cjkvi-ids")
	tongyong := flag.String("tongyong", "", "the characters of 《通用规范汉字表》, testdata/tongyong-8105.txt")
	flag.Parse()
	if *sunwb == "" || *unihan == "" || *rime == "" || *ids == "" || *tongyong == "" {
		flag.Usage()
		os.Exit(2)
	}
	orders, err := readOrders(*sunwb)
	if err != nil {
		log.Fatal(err)
	}
	counts, err := readCounts(*unihan)
	if err != nil {
		log.Fatal(err)
	}
	if err := addGeneralTable(orders, *tongyong, *rime, *ids); err != nil {
		log.Fatal(err)
	}
	if err := write("strokes.txt", orders, counts); err != nil {
		log.Fatal(err)
	}
}

// readOrders reads the stroke-order table: "字<tab>digits" a line, "#"
// lines being comments. An order with a digit outside 1–5 (two characters
// have a 6, a stroke the table does not classify) is left out.
func readOrders(path string) (map[rune]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[rune]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		char, order, ok := strings.Cut(line, "\t")
		r, size := utf8.DecodeRuneInString(char)
		if !ok || size != len(char) || order == "" {
			return nil, fmt.Errorf("%s: unexpected line %q", path, line)
		}
		if strings.Trim(order, "12345") != "" {
			log.Printf("%U %c: order %s left out", r, r, order)
			continue
		}
		if r >= 0xE000 && r <= 0xF8FF {
			continue // private use: GBK's additions, not characters of Unicode
		}
		if _, dup := out[r]; !dup {
			out[r] = order
		}
	}
	return out, sc.Err()
}

// readCounts reads kTotalStrokes from Unihan: the first count of each
// character.
func readCounts(path string) (map[rune]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var in io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		in = bzip2.NewReader(f)
	}
	out := map[rune]int{}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 || fields[1] != "kTotalStrokes" {
			continue
		}
		cp, err := strconv.ParseUint(strings.TrimPrefix(fields[0], "U+"), 16, 32)
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(strings.Fields(fields[2])[0])
		if err != nil {
			return nil, err
		}
		out[rune(cp)] = n
	}
	if len(out) < 90000 {
		return nil, fmt.Errorf("%s: only %d stroke counts", path, len(out))
	}
	return out, sc.Err()
}

const strokesHeader = `# Generated by genstroke.go; do not edit.
# Stroke orders: the 海峰五笔 stroke-order table (mainland orders of GBK, CJK Ext. A and B,
# strokes classed as 《GB13000.1字符集汉字笔顺规范》 does) as distributed in
# github.com/leo-liu/zhmakeindex CJK/sunwb_strokeorder.txt (commit
# 603dfe68cdd09bac1a1374bd26f592d90c82eedb), LPPL 1.3 (LICENSE-zhmakeindex.txt). Changed
# from that file: regrouped by code point; private-use code points and two orders with an
# unclassified stroke left out.
# Orders of the 163 characters of 《通用规范汉字表》 that table lacks: the stroke table of
# github.com/rime/rime-stroke stroke.dict.yaml (commit 3a4b0f4013e2b4c14b1e80c92b1d4723eb65f39c),
# LGPL 3 (LICENSE-rime-stroke.txt), h s p n z written 1 2 3 4 5; of several orders of a
# character, the one its structure gives (see genstroke.go). From the same table, nine
# orders of the first table that put their character out of the general table's sequence
# corrected: 字 坰 涐 纛 㛃 𡎚 𦙶 𦭜 𦰡.
# Stroke counts of the characters without an order: extracted from Unihan 15.0.0
# kTotalStrokes, first value (LICENSE-unicode.txt).
# A line: the hexadecimal code point of its first character, a tab, then for it and each
# following code point up to the next multiple of 32, separated by spaces: the strokes as
# digits 1 横 2 竖 3 撇 4 点 5 折, or "=n" for n strokes in an unknown order, or "-" for none.
`

// write writes the characters with an order or a count, consecutive code
// points of one block of 32 on one line.
func write(path string, orders map[rune]string, counts map[rune]int) error {
	cps := make([]rune, 0, len(counts))
	for r := range orders {
		cps = append(cps, r)
	}
	for r := range counts {
		if _, ok := orders[r]; !ok {
			cps = append(cps, r)
		}
	}
	slices.Sort(cps)
	var b strings.Builder
	b.WriteString(strokesHeader)
	differ := 0
	for i, r := range cps {
		switch {
		case i > 0 && r-cps[i-1] <= 3 && r/32 == cps[i-1]/32:
			// Short gaps are cheaper as "-" than as a new line.
			for range r - cps[i-1] - 1 {
				b.WriteString(" -")
			}
			b.WriteByte(' ')
		default:
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%X\t", r)
		}
		if o, ok := orders[r]; ok {
			b.WriteString(o)
			if n, ok := counts[r]; ok && n != len(o) {
				differ++
			}
		} else {
			fmt.Fprintf(&b, "=%d", counts[r])
		}
	}
	b.WriteByte('\n')
	log.Printf("%d orders, %d counts only; %d orders whose length is not Unihan's count", len(orders), len(cps)-len(orders), differ)
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
