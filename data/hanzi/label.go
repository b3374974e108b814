package hanzi

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Bytes of a label key: a number token starts below every character's
// key, and the end of the tokens below a number.
const (
	labelEnd    = 0
	labelNumber = 1
)

// chineseDigits are the values of the Chinese numerals that are digits;
// chineseUnits those that are units.
var (
	chineseDigits = map[rune]byte{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	chineseUnits  = map[rune]uint64{'十': 10, '百': 100, '千': 1000}
)

// CompareLabel orders labels such as branch names naturally: -1 if a
// sorts before b, 0 if they are equal, +1 otherwise.
//
// A run of Arabic digits (2023) or of Chinese numerals (第二十一 is 21, 十
// is 10, 一百零五 is 105, 二〇二三 is 2023) compares by its value and
// before any character, so that 第二 < 第十 < 第十一 < 第二十 and 2023级 <
// 2024级; other characters compare as ComparePinyin orders a character
// (read as a word, not as a surname). Labels equal so far (第1 and 第一)
// compare by code point, so that the order is total.
func CompareLabel(a, b string) int {
	var ba, bb [128]byte
	return bytes.Compare(appendLabelKey(ba[:0], a), appendLabelKey(bb[:0], b))
}

// LabelKey returns a key whose byte order is CompareLabel's order.
func LabelKey(label string) string {
	var buf [128]byte
	return string(appendLabelKey(buf[:0], label))
}

// appendLabelKey appends label's key to dst: per token either a number
// (labelNumber, its count of decimal digits in four bytes, the digits
// without leading zeros) or a character's pinyin key as appendKey makes
// it; then labelEnd and the label itself.
//
// Each token is self-delimiting and starts with a byte no other kind of
// token starts with (a character's key starts with a letter or a class
// byte above 'z'), so comparing keys compares tokens in turn.
func appendLabelKey(dst []byte, label string) []byte {
	t := data()
	for i := 0; i < len(label); {
		r, size := utf8.DecodeRuneInString(label[i:])
		switch {
		case arabicDigit(r) >= 0:
			j, digits := i, []byte(nil)
			for j < len(label) {
				r, n := utf8.DecodeRuneInString(label[j:])
				d := arabicDigit(r)
				if d < 0 {
					break
				}
				digits = append(digits, byte('0'+d))
				j += n
			}
			dst, i = appendNumber(dst, digits), j
		case isChineseNumeral(r):
			j := i
			for j < len(label) {
				r, n := utf8.DecodeRuneInString(label[j:])
				if !isChineseNumeral(r) {
					break
				}
				j += n
			}
			dst, i = appendNumber(dst, chineseValue(label[i:j])), j
		default:
			var raw byte
			if r == utf8.RuneError && size == 1 {
				r, raw = -1, label[i]
			}
			var syl uint16
			if r >= 0 {
				syl = t.reading(r)
			}
			dst = appendCharKey(dst, t, r, raw, syl)
			i += size
		}
	}
	dst = append(dst, labelEnd)
	return append(dst, label...)
}

// arabicDigit is r's value if r is a digit 0–9 (also full width), or -1.
func arabicDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

func isChineseNumeral(r rune) bool {
	if _, ok := chineseDigits[r]; ok {
		return true
	}
	_, ok := chineseUnits[r]
	return ok
}

// chineseValue is the value of a run of Chinese numerals as decimal
// digits: read digit by digit (二〇二三) when it has no unit, else as
// units are read (二十一, 一百零五, 十); a value too big for 64 bits counts
// as the largest.
func chineseValue(run string) []byte {
	hasUnit := false
	for _, r := range run {
		if _, ok := chineseUnits[r]; ok {
			hasUnit = true
		}
	}
	if !hasUnit {
		digits := make([]byte, 0, len(run)/3)
		for _, r := range run {
			digits = append(digits, '0'+chineseDigits[r])
		}
		return digits
	}
	const most = ^uint64(0)
	var total, cur uint64
	for _, r := range run {
		if u, ok := chineseUnits[r]; ok {
			if cur == 0 {
				cur = 1
			}
			total = satAdd(total, satMul(cur, u))
			cur = 0
			continue
		}
		cur = satAdd(satMul(cur, 10), uint64(chineseDigits[r]))
	}
	total = satAdd(total, cur)
	if total == most {
		return []byte(strconv.FormatUint(most, 10))
	}
	return []byte(strconv.FormatUint(total, 10))
}

func satAdd(a, b uint64) uint64 {
	if a+b < a {
		return ^uint64(0)
	}
	return a + b
}

func satMul(a, b uint64) uint64 {
	if a != 0 && b > ^uint64(0)/a {
		return ^uint64(0)
	}
	return a * b
}

// appendNumber appends a number token of the decimal digits.
func appendNumber(dst, digits []byte) []byte {
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	n := len(digits)
	dst = append(dst, labelNumber, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	return append(dst, digits...)
}
