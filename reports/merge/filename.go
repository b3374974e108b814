package merge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameRunes bounds a file name's stem: Windows allows 255 UTF-16 units
// a name, and a character outside the BMP takes two.
const maxNameRunes = 80

// FileName is the name of a record's document in a folder:
// 「<姓名>-<工号或学号>.docx」 (「<姓名>.docx」 without a number), made safe
// for Windows, macOS and Linux: no / \ : * ? " < > | or control
// characters, no trailing dot or space, no reserved device name (CON,
// NUL, COM1 …).
func FileName(r *Record) string {
	stem := strings.TrimSpace(r.Name)
	if no := strings.TrimSpace(r.StaffNo); no != "" {
		stem += "-" + no
	}
	return safeStem(stem) + ".docx"
}

// safeStem makes s usable as a file name's stem.
func safeStem(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError || unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := []rune(b.String())
	if len(out) > maxNameRunes {
		out = out[:maxNameRunes]
	}
	stem := strings.TrimRight(strings.TrimLeft(string(out), " "), ". ")
	if stem == "" {
		return "记录"
	}
	base := strings.ToUpper(stem)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return "_" + stem
	}
	return stem
}
