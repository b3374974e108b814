package hanzi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed readings.txt
var readingsText string

//go:embed surnames.txt
var surnamesText string

// syllable is one reading: its letters with u for ü (the order of
// dictionaries puts lü right after lu), whether that u is ü, its tone (1–4,
// 5 for the neutral tone) and how it is typed (v for ü).
type syllable struct {
	letters string
	umlaut  bool
	tone    uint8
	typed   string
}

// The dense table covers the CJK Unified Ideographs and Extension A; the
// other characters (Extensions B and later, compatibility ideographs, 〇)
// are in a map.
const denseLo, denseHi = 0x3400, 0x9FFF

// tables are the loaded readings: syllable numbers are 1-based indexes
// into syllables, 0 meaning no reading.
type tables struct {
	syllables []syllable
	dense     [denseHi - denseLo + 1]uint16
	sparse    map[rune]uint16
	surnames  map[string][]uint16 // surname → its syllables, one per character
	maxRunes  int                 // longest surname, in characters
}

var (
	loadOnce sync.Once
	loaded   *tables
)

// data returns the tables, reading the embedded text on first use.
func data() *tables {
	loadOnce.Do(func() { loaded = load(readingsText, surnamesText) })
	return loaded
}

// load parses readings.txt and surnames.txt (see gen.go for their form).
func load(readings, surnames string) *tables {
	t := &tables{sparse: make(map[rune]uint16, 16000), surnames: make(map[string][]uint16, 512)}
	index := make(map[string]uint16, 1600)
	number := func(s string) uint16 {
		if n, ok := index[s]; ok {
			return n
		}
		t.syllables = append(t.syllables, parseSyllable(s))
		n := uint16(len(t.syllables))
		index[s] = n
		return n
	}
	for line := range strings.Lines(readings) {
		reading, chars, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		n := number(reading)
		for _, r := range chars {
			if r >= denseLo && r <= denseHi {
				t.dense[r-denseLo] = n
			} else {
				t.sparse[r] = n
			}
		}
	}
	for line := range strings.Lines(surnames) {
		name, readings, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(readings)
		if len(fields) != utf8.RuneCountInString(name) {
			continue
		}
		syls := make([]uint16, len(fields))
		for i, f := range fields {
			syls[i] = number(f)
		}
		t.surnames[name] = syls
		t.maxRunes = max(t.maxRunes, len(fields))
	}
	return t
}

// parseSyllable reads a numbered reading such as "lv3".
func parseSyllable(s string) syllable {
	tone := uint8(5)
	if n := len(s); n > 0 && s[n-1] >= '1' && s[n-1] <= '5' {
		tone = s[n-1] - '0'
		s = s[:n-1]
	}
	return syllable{
		letters: strings.ReplaceAll(s, "v", "u"),
		umlaut:  strings.Contains(s, "v"),
		tone:    tone,
		typed:   s,
	}
}

// reading is the syllable number of r's most common reading, 0 if none.
func (t *tables) reading(r rune) uint16 {
	if r >= denseLo && r <= denseHi {
		return t.dense[r-denseLo]
	}
	if r < 0x3000 {
		return 0
	}
	return t.sparse[r]
}

// surname returns the readings of the surname name starts with, longest
// first (欧阳 before 欧), and its length in bytes; nil if none.
func (t *tables) surname(name string) ([]uint16, int) {
	ends := make([]int, 0, 4)
	for i := range name {
		if i > 0 {
			ends = append(ends, i)
		}
		if len(ends) == t.maxRunes {
			break
		}
	}
	if len(ends) < t.maxRunes {
		ends = append(ends, len(name))
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if syls, ok := t.surnames[name[:ends[k]]]; ok {
			return syls, ends[k]
		}
	}
	return nil, 0
}
