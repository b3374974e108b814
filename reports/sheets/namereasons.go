package sheets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameEntry is one name of an attendance list, with the reason written
// after it in brackets: 张三(出差) or 张三（出差）.
type nameEntry struct {
	name   string
	reason string
	// bracketed: the name had brackets, so the reason is given (empty
	// brackets clear a reason recorded before).
	bracketed bool
}

// isOpen and isClose tell the brackets a reason is written in, half- or
// full-width.
func isOpen(c rune) bool  { return c == '(' || c == '（' }
func isClose(c rune) bool { return c == ')' || c == '）' }

// isNameSeparator tells the characters that separate names in a list.
func isNameSeparator(c rune) bool {
	return c == '、' || c == ',' || c == '，' || c == ';' || c == '；' || c == ' ' || c == '\n' || c == '\u3000'
}

// splitNames reads an attendance list: names separated by 、 , ; or blanks,
// each perhaps followed (blanks between allowed) by its reason in brackets. A separator inside
// brackets belongs to the reason (张三(出差、开会)). bad is the first entry
// written wrongly (a bracket not closed or not opened, text after the
// closing bracket, nothing before the opening one), or "".
func splitNames(v string) (entries []nameEntry, bad string) {
	var parts []string
	depth, start := 0, 0
	for i, c := range v {
		switch {
		case isOpen(c):
			depth++
		case isClose(c):
			depth--
			if depth < 0 {
				depth = 0
				if bad == "" {
					bad = strings.TrimSpace(v[start : i+len(string(c))])
				}
			}
		case depth == 0 && isNameSeparator(c) && !(unicode.IsSpace(c) && bracketNext(v[i:])):
			parts = append(parts, v[start:i])
			start = i + len(string(c))
		}
	}
	if depth > 0 {
		if bad == "" {
			bad = strings.TrimSpace(v[start:])
		}
		return nil, bad
	}
	parts = append(parts, v[start:])
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		e, ok := parseEntry(p)
		if !ok {
			if bad == "" {
				bad = p
			}
			continue
		}
		entries = append(entries, e)
	}
	return entries, bad
}

// bracketNext reports whether the first character after the blanks that
// begin s opens a bracket: 张三 (出差) is one entry.
func bracketNext(s string) bool {
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	c, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && isOpen(c)
}

// parseEntry reads one 姓名 or 姓名(原因); false when it is written
// otherwise.
func parseEntry(p string) (nameEntry, bool) {
	open := strings.IndexFunc(p, isOpen)
	if open < 0 {
		if strings.IndexFunc(p, isClose) >= 0 {
			return nameEntry{}, false
		}
		return nameEntry{name: p}, true
	}
	name := strings.TrimSpace(p[:open])
	_, ow := utf8.DecodeRuneInString(p[open:])
	// The reason runs to the bracket that closes the first one.
	depth := 1
	for i, c := range p[open+ow:] {
		if isOpen(c) {
			depth++
			continue
		}
		if !isClose(c) {
			continue
		}
		if depth--; depth > 0 {
			continue
		}
		end := open + ow + i
		_, cw := utf8.DecodeRuneInString(p[end:])
		if name == "" || strings.TrimSpace(p[end+cw:]) != "" {
			return nameEntry{}, false
		}
		return nameEntry{name: name, reason: strings.TrimSpace(p[open+ow : end]), bracketed: true}, true
	}
	return nameEntry{}, false
}

// withReason writes a name for an attendance list: 张三（出差）, or the name
// alone when there is no reason.
func withReason(name, reason string) string {
	if reason == "" {
		return name
	}
	return name + "（" + reason + "）"
}
