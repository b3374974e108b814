package hanzi

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// generalTableLevels returns the three levels of 《通用规范汉字表》 (serial
// numbers 1–3500, 3501–6500, 6501–8105), each in the table's order: by
// stroke count, then stroke by stroke 横竖撇点折.
func generalTableLevels(t *testing.T) [3][]rune {
	f, err := os.Open("testdata/tongyong-8105.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bySerial := make([]rune, 8106)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hex, serial, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !strings.HasPrefix(hex, "U+") {
			continue
		}
		cp, err1 := strconv.ParseUint(hex[2:], 16, 32)
		n, err2 := strconv.Atoi(serial)
		if err1 != nil || err2 != nil || n < 1 || n > 8105 || bySerial[n] != 0 {
			t.Fatalf("bad line %q", sc.Text())
		}
		bySerial[n] = rune(cp)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return [3][]rune{bySerial[1:3501], bySerial[3501:6501], bySerial[6501:]}
}

// compareStrokes compares two characters as the general table orders them:
// by count, then stroke by stroke.
func compareStrokes(a, b rune) int {
	ca, oa := Strokes(a)
	cb, ob := Strokes(b)
	if ca != cb {
		return ca - cb
	}
	return strings.Compare(oa, ob)
}

// addedToTable reports whether r is one of the characters whose order comes
// from the rime-stroke table: those the 海峰五笔 table, which covers GB
// 13000.1 and Extensions A and B, cannot have.
func addedToTable(r rune) bool {
	return (r >= 0x9FA6 && r <= 0x9FFF) || r >= 0x2A700
}

// The general table lists each level by stroke count, then stroke by
// stroke: the stroke data puts every character after the one listed before
// it, but for six pairs where the table follows a principle of its own (彘
// among the characters beginning with 折) or the 海峰五笔 table's order
// differs from it without rime-stroke's deciding otherwise. Among them are
// none of the 163 characters whose orders come from rime-stroke.
func TestOrdersFollowTheGeneralTable(t *testing.T) {
	known := map[[2]rune]bool{
		{'彘', '缇'}: true, {'腧', '塍'}: true, {'龌', '豳'}: true,
		{'霰', '酆'}: true, {'铽', '𨱇'}: true, {'鄜', '麀'}: true,
	}
	added := 0
	for _, level := range generalTableLevels(t) {
		for i, r := range level {
			if addedToTable(r) {
				added++
			}
			if i == 0 || known[[2]rune{level[i-1], r}] {
				continue
			}
			if compareStrokes(level[i-1], r) > 0 {
				cp, op := Strokes(level[i-1])
				cr, or := Strokes(r)
				t.Errorf("%c (%d %s) listed before %c (%d %s), but its strokes sort after", level[i-1], cp, op, r, cr, or)
			}
		}
	}
	if added != 163 {
		t.Errorf("%d characters of the general table outside the 海峰五笔 table's blocks, want 163", added)
	}
}

// Orders from rime-stroke checked by hand against the characters'
// structure: the components' orders one after the other, a part given as
// digits being a component whose form there differs from the character
// alone. The counts are the general table's, which for 𫄧 and 𬙊 differ
// from Unihan's (10 and 17). The last ones are orders of the 海峰五笔 table
// corrected (字 was 425521, 坰 had 冋 of 6 strokes, 𦭜 艹 of 4).
func TestRimeOrdersFollowStructure(t *testing.T) {
	for _, c := range []struct {
		char  rune
		parts []string
	}{
		{'𬱖', []string{"由", "页"}},
		{'鿍', []string{"土", "夅"}},
		{'𫓧', []string{"钅", "夫"}},
		{'𫖮', []string{"岂", "页"}},
		{'𬭚', []string{"钅", "享"}},
		{'𬍛', []string{"王", "乐"}},
		{'𫄸', []string{"纟", "熏"}},
		{'𫄧', []string{"纟", "延"}},           // 9 strokes, not 10
		{'𬙊', []string{"纟", "墨"}},           // 18 strokes, not 17
		{'𫐄', []string{"1521", "兀"}},        // 车 on the left: 横 撇折 竖 提
		{'𬕂', []string{"314314", "贡"}},      // ⺮
		{'𫔶', []string{"门", "臬"}},           // the outside first
		{'𫷷', []string{"广", "钦"}},           // the outside first
		{'𬒈', []string{"443", "冖", "石"}},    // 𭕄 as atop 学
		{'𫞩', []string{"王", "𬜯"}},           // 𬜯 itself added
		{'𪤗', []string{"土", "羽", "人", "彡"}}, // 土 翏
		{'字', []string{"宀", "子"}},
		{'坰', []string{"土", "冋"}},
		{'涐', []string{"氵", "我"}},
		{'𦭜', []string{"艹", "只"}},
		{'𦰡', []string{"艹", "那"}},
		{'𡎚', []string{"土", "扁"}},
	} {
		var want strings.Builder
		for _, p := range c.parts {
			if strings.Trim(p, "12345") == "" {
				want.WriteString(p)
				continue
			}
			_, o := Strokes([]rune(p)[0])
			if o == "" {
				t.Fatalf("%s: no order", p)
			}
			want.WriteString(o)
		}
		count, order := Strokes(c.char)
		if order != want.String() || count != len(order) {
			t.Errorf("%c %U: %d strokes %q, want %q (%s)", c.char, c.char, count, order, want.String(), strings.Join(c.parts, " "))
		}
	}
}
