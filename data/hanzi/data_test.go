package hanzi

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// tongyong reads the code points of the 8,105 characters of 《通用规范汉字表》.
func tongyong(t testing.TB) []rune {
	f, err := os.Open("testdata/tongyong-8105.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cp, err := strconv.ParseUint(strings.TrimPrefix(strings.Fields(line)[0], "U+"), 16, 32)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		out = append(out, rune(cp))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEveryCharacterOfTheGeneralTableHasAReading(t *testing.T) {
	chars := tongyong(t)
	if len(chars) != 8105 {
		t.Fatalf("the list has %d characters, want 8105", len(chars))
	}
	var missing []string
	beyondBMP := 0
	for _, r := range chars {
		if r > 0xFFFF {
			beyondBMP++
		}
		if data().reading(r) == 0 {
			missing = append(missing, string(r)+" "+strconv.QuoteRuneToASCII(r))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d characters without a reading: %s", len(missing), strings.Join(missing, ", "))
	}
	if beyondBMP < 190 {
		t.Errorf("only %d characters beyond the BMP in the list", beyondBMP)
	}
}

func TestReadingsOfSomeCharacters(t *testing.T) {
	for _, c := range []struct {
		char    rune
		letters string
		umlaut  bool
		tone    uint8
	}{
		{'一', "yi", false, 1},
		{'吕', "lu", true, 3},
		{'们', "men", false, 5},
		{'沈', "shen", false, 3},
		{'〇', "ling", false, 2},
		{'𬱖', "di", false, 2}, // U+2CC56, Extension E
		{'𬌗', "he", false, 2},
		{'𫍯', "xian", false, 2},
		{'鿏', "mai", false, 4},
	} {
		n := data().reading(c.char)
		if n == 0 {
			t.Errorf("%c: no reading", c.char)
			continue
		}
		s := data().syllables[n-1]
		if s.letters != c.letters || s.umlaut != c.umlaut || s.tone != c.tone {
			t.Errorf("%c: %+v, want %s umlaut %v tone %d", c.char, s, c.letters, c.umlaut, c.tone)
		}
	}
}

func TestNoReadingOutsideChineseCharacters(t *testing.T) {
	for _, r := range []rune{'a', '1', '·', 0xE000, 0x10FFFF, -1, 0x3000} {
		if n := data().reading(r); n != 0 {
			t.Errorf("%U has reading %+v", r, data().syllables[n-1])
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		load(readingsText, surnamesText)
	}
}
