package hanzi_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"dangjian/data/hanzi"
)

var fuzzSeeds = []string{"", "张三", "单东阳", "欧阳", "欧", "万俟卨", "𬱖𬌗𫍯", "Anna李", "\xff\xfe", "王\xe5\xbc", "１２３", "阿依古丽·买买提", "\uFFFD"}

func FuzzInitials(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		ini, py := hanzi.Initials(name), hanzi.Pinyin(name)
		if n, m := utf8.RuneCountInString(ini), utf8.RuneCountInString(name); n > m {
			t.Errorf("Initials(%q) = %q: longer than the name", name, ini)
		}
		if len(py) < len(ini) {
			t.Errorf("Pinyin(%q) = %q shorter than Initials %q", name, py, ini)
		}
		if strings.ContainsAny(ini+py, " \t·") {
			t.Errorf("Initials %q or Pinyin %q keep separators", ini, py)
		}
		if !hanzi.Matches("", name, ini, py) {
			t.Errorf("the empty query does not find %q", name)
		}
		// What a person's initials or pinyin are, typed, finds the person.
		if ini != "" && (!hanzi.Matches(ini, name, ini, py) || !hanzi.Matches(py, name, ini, py)) {
			t.Errorf("%q and %q do not find %q", ini, py, name)
		}
	})
}

func FuzzCompare(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := hanzi.ComparePinyin(a, b), hanzi.ComparePinyin(b, a)
		if ab != -ba {
			t.Errorf("ComparePinyin(%q, %q) = %d but reversed %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Errorf("ComparePinyin(%q, %q) = %d", a, b, ab)
		}
		if k := strings.Compare(hanzi.PinyinKey(a), hanzi.PinyinKey(b)); k != ab {
			t.Errorf("keys of %q, %q compare %d, ComparePinyin %d", a, b, k, ab)
		}
		sab, sba := hanzi.CompareStroke(a, b), hanzi.CompareStroke(b, a)
		if sab != -sba || (sab == 0) != (a == b) {
			t.Errorf("CompareStroke(%q, %q) = %d, reversed %d", a, b, sab, sba)
		}
		if k := bytes.Compare(hanzi.StrokeKey(a), hanzi.StrokeKey(b)); k != sab {
			t.Errorf("stroke keys of %q, %q compare %d, CompareStroke %d", a, b, k, sab)
		}
	})
}
