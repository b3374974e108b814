package hanzi

import (
	"strings"
	"unicode"
)

// Initials returns the lowercase initial letters of the 拼音 of name, its
// surname read as a surname: 张三 "zs", 单东阳 "sdy", 曾巩 "zg", 欧阳修
// "oyx". Letters and digits that are not Chinese characters are kept,
// lowercased (full-width ones as ASCII); characters of unknown reading and
// other signs give nothing.
func Initials(name string) string {
	t := data()
	var b strings.Builder
	b.Grow(len(name) / 3)
	w := t.walk(name)
	for {
		r, _, syl, ok := w.next()
		if !ok {
			break
		}
		if syl != 0 {
			b.WriteByte(t.syllables[syl-1].typed[0])
		} else if f := fold(r); f != 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// Pinyin returns the toneless 拼音 of name without spaces, its surname read
// as a surname (沈阳 "shenyang", 单东阳 "shandongyang"), v standing for ü
// (吕 "lv"), as typed on a keyboard. Other letters and digits are kept as in
// Initials.
func Pinyin(name string) string {
	t := data()
	var b strings.Builder
	b.Grow(len(name) * 2)
	w := t.walk(name)
	for {
		r, _, syl, ok := w.next()
		if !ok {
			break
		}
		if syl != 0 {
			b.WriteString(t.syllables[syl-1].typed)
		} else if f := fold(r); f != 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// fold is the lowercase form of a letter or digit that is not a Chinese
// character (full-width forms as ASCII), 0 for anything else.
func fold(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'a'
	case r >= 'ａ' && r <= 'ｚ':
		return r - 'ａ' + 'a'
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r < 0x80 || unicode.Is(unicode.Han, r):
		return 0
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return unicode.ToLower(r)
	}
	return 0
}

// Matches reports whether a search box's query finds a person: the query,
// trimmed and lowercased, is empty, or is part of name, or begins initials
// or pinyin (as given by Initials and Pinyin, computed once per person),
// spaces and apostrophes in the query ignored for those two and ü typed as
// v. So 张三 is found by 张, 三, zs, z, zhangsan or zhang san.
func Matches(query, name, initials, pinyin string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" || strings.Contains(strings.ToLower(name), q) {
		return true
	}
	q = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\'' || r == '\u3000' {
			return -1
		}
		return r
	}, q)
	if q == "" {
		return false
	}
	if strings.HasPrefix(initials, q) || strings.HasPrefix(pinyin, q) {
		return true
	}
	v := strings.ReplaceAll(q, "ü", "v")
	return v != q && (strings.HasPrefix(initials, v) || strings.HasPrefix(pinyin, v))
}
