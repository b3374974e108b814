package hanzi

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// knownUnordered are the characters of 《通用规范汉字表》 with a stroke count
// but no order: none since the rime-stroke table completed the 163 that
// the 海峰五笔 table lacks (鿍鿎鿏 and characters of Extensions C to E).
const knownUnordered = ""

// Every character of 《通用规范汉字表》 has a stroke count and, but for
// those of knownUnordered, its order, as long as the count.
func TestEveryCharacterOfTheGeneralTableHasStrokes(t *testing.T) {
	chars := tongyong(t)
	var missing, unordered []string
	for _, r := range chars {
		count, order := Strokes(r)
		switch {
		case count == 0:
			missing = append(missing, string(r)+" "+strconv.QuoteRuneToASCII(r))
		case order == "":
			unordered = append(unordered, string(r))
			if r < 0x9FA6 || (r > 0x9FFF && r < 0x2A700) { // the 20,902 of GB 13000.1, Ext. A and B
				t.Errorf("%c %U: no stroke order, though in a block the 海峰五笔 table covers", r, r)
			}
		case len(order) != count:
			t.Errorf("%c: %d strokes, order %q", r, count, order)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d characters without strokes: %s", len(missing), strings.Join(missing, ", "))
	}
	if got := strings.Join(unordered, ""); got != knownUnordered {
		t.Errorf("characters with a count but no order: %q, want %q", got, knownUnordered)
	}
	t.Logf("of %d characters: %d with stroke order (%.2f%%), %d with a count only", len(chars),
		len(chars)-len(unordered)-len(missing), 100*float64(len(chars)-len(unordered)-len(missing))/float64(len(chars)), len(unordered))
}

// The 6,763 characters of GB 2312 all have their stroke order.
func TestEveryCharacterOfGB2312HasAStrokeOrder(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	n := 0
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo >= 0xFA { // the end of level 1 is unassigned
				continue
			}
			s, err := dec.String(string([]byte{byte(hi), byte(lo)}))
			if err != nil {
				t.Fatal(err)
			}
			r := []rune(s)[0]
			n++
			if count, order := Strokes(r); count == 0 || order == "" {
				t.Errorf("%c (GB 2312 %X%X): %d strokes, order %q", r, hi, lo, count, order)
			}
		}
	}
	if n != 6763 {
		t.Errorf("%d characters decoded, want 6763", n)
	}
}

// Counts and orders that 《GB13000.1字符集汉字笔顺规范》 gives, checked by
// hand: 阝 has 2 strokes (横撇弯钩 折, 竖), 艹 3 (横 竖 竖), 提 is a 横,
// 竖钩 a 竖, 捺 a 点, every turning stroke a 折.
func TestStrokesOfKnownCharacters(t *testing.T) {
	for _, c := range []struct {
		char  rune
		count int
		order string
	}{
		{'陆', 7, "5211252"}, // 阝 + 击
		{'陈', 7, "5215234"}, // 阝 + 东
		{'邓', 4, "5452"},    // 又 + 阝
		{'黄', 11, "12212512134"},
		{'范', 8, "12244155"}, // 艹 + 氵 + 㔾
		{'王', 4, "1121"},     // the last stroke a 提, counted a 横
		{'马', 3, "551"},
		{'于', 3, "112"}, // 竖钩 a 竖
		{'万', 3, "153"},
		{'方', 4, "4153"},
		{'李', 7, "1234521"},
		{'张', 7, "5153154"},
		{'周', 8, "35121251"},
		{'堃', 11, "41534153121"}, // 方 方 土
		{'〇', 1, "5"},
		{'𬱖', 11, "25121132534"}, // U+2CC56, Extension E: 由 页
		{'𬻡', 11, ""},            // U+2CEE1, Extension F, not in the general table: Unihan's count, no order
	} {
		count, order := Strokes(c.char)
		if count != c.count || order != c.order {
			t.Errorf("%c: %d strokes %q, want %d %q", c.char, count, order, c.count, c.order)
		}
	}
}

func TestNoStrokesOutsideChineseCharacters(t *testing.T) {
	for _, r := range []rune{'a', '1', '·', ' ', 0xE000, 0xE815, 0x10FFFF, -1, 0x3000} {
		if count, order := Strokes(r); count != 0 || order != "" {
			t.Errorf("%U has %d strokes %q", r, count, order)
		}
	}
}

// Packed orders of one count compare as their digits.
func TestPackedOrdersCompareAsDigits(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"112", "153"}, {"1121", "4153"}, {"1234521", "5153154"}, {"15", "21"}, {"5554", "5555"}, {"1111", "1112"},
	} {
		pa, pb := packOrder(nil, c.a), packOrder(nil, c.b)
		if string(pa) >= string(pb) {
			t.Errorf("packed %s %v not before packed %s %v", c.a, pa, c.b, pb)
		}
	}
}

// Reading the stroke data, done once on first use.
func BenchmarkLoadStrokes(b *testing.B) {
	s := data().surnames
	b.ReportAllocs()
	for b.Loop() {
		loadStrokes(strokesText, s)
	}
}
