package field

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ErrEmpty is returned by every Parse function when the value is empty after
// normalization. Callers reading optional cells can test for it with
// errors.Is and treat the cell as absent.
var ErrEmpty = errors.New("未填写")

// Normalize trims surrounding white space (including the ideographic space
// U+3000, no-break space, tabs, newlines, zero-width space and byte-order
// mark) and maps full-width ASCII forms (digits, Latin letters, punctuation
// such as ．／－) to their half-width forms. Chinese characters are left
// alone. Inner spaces are kept, though a full-width one becomes ' '.
func Normalize(s string) string {
	s = width.Fold.String(s)
	return strings.TrimFunc(s, isBlank)
}

// Text is a cell of free text as it is kept: trimmed like Normalize, and
// folded to half-width only when it holds no Chinese at all (a 联系电话 or
// 工号 typed in full-width digits). A text with Chinese keeps its
// punctuation as written (亮身份，亮职责；出国（境）), which is what official
// documents use; numbers, dates and choices are read by their parsers,
// which fold them.
func Text(s string) string {
	s = strings.TrimFunc(s, isBlank)
	if strings.ContainsFunc(s, isCJK) {
		return s
	}
	return width.Fold.String(s)
}

// isCJK reports whether r is a Chinese character or a CJK symbol (、。…),
// not a full-width form of ASCII (１, Ａ, ，).
func isCJK(r rune) bool { return r >= 0x2E80 && (r < 0xFF01 || r > 0xFF5E) }

// isBlank reports whether r is white space or an invisible character that
// commonly sneaks into pasted cells.
func isBlank(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// removeBlanks drops every white space or invisible character from s.
func removeBlanks(s string) string {
	if strings.IndexFunc(s, isBlank) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, s)
}

// quote renders a (non-personal) input for an error message, in Chinese
// quotation marks, shortened when long.
func quote(s string) string {
	const max = 20
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return "“" + s + "”"
}

var (
	errBool  = errors.New("应填写“是”或“否”")
	trueSet  = []string{"是", "y", "yes", "true", "1", "√", "✓", "✔", "有"}
	falseSet = []string{"否", "n", "no", "false", "0", "×", "✗", "✘", "无"}
)

// ParseBool reads a yes/no cell: 是/否, Y/N, yes/no, true/false, 1/0, √/×
// (also ✓/✗) and 有/无, Latin words in any case. Anything else gives the error
// "应填写“是”或“否”"; an empty value gives ErrEmpty.
func ParseBool(s string) (bool, error) {
	s = strings.ToLower(removeBlanks(Normalize(s)))
	if s == "" {
		return false, ErrEmpty
	}
	for _, t := range trueSet {
		if s == t {
			return true, nil
		}
	}
	for _, f := range falseSet {
		if s == f {
			return false, nil
		}
	}
	return false, errBool
}

// ParseEnum reads a drop-down value. The normalized value is first looked up
// in aliases (for example 正式 → 正式党员; aliases may be nil) and must then
// be one of allowed. Inner spaces are ignored when that makes the value
// match. The error lists the choices: "应为以下之一：A/B/C"; an empty value
// gives ErrEmpty.
func ParseEnum(s string, allowed []string, aliases map[string]string) (string, error) {
	raw := strings.TrimFunc(s, isBlank)
	if raw == "" {
		return "", ErrEmpty
	}
	// The value as typed, with full-width forms folded, and without
	// blanks; a choice written with full-width punctuation (出国（境）…)
	// matches its folded spelling too.
	candidates := []string{raw}
	for _, c := range []string{Normalize(raw), removeBlanks(raw), removeBlanks(Normalize(raw))} {
		if !slices.Contains(candidates, c) {
			candidates = append(candidates, c)
		}
	}
	for _, c := range candidates {
		if a, ok := aliases[c]; ok {
			c = a
		}
		for _, v := range allowed {
			if c == v || c == width.Fold.String(v) {
				return v, nil
			}
		}
	}
	return "", errors.New("应为以下之一：" + strings.Join(allowed, "/"))
}
