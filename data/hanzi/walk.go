package hanzi

import "unicode/utf8"

// walker steps through a name character by character, giving each the
// syllable of its reading, the surname the name starts with read as a
// surname.
type walker struct {
	t       *tables
	name    string
	at      int      // byte offset of the next character
	surname []uint16 // readings of the surname's characters not yet passed
	surEnd  int      // byte offset where the surname ends
}

func (t *tables) walk(name string) walker {
	syls, end := t.surname(name)
	return walker{t: t, name: name, surname: syls, surEnd: end}
}

// next returns the next character r and the syllable number of its reading
// (0 if none); a byte that is not UTF-8 comes as r = -1 with the byte in b.
// ok is false at the end of the name.
func (w *walker) next() (r rune, b byte, syl uint16, ok bool) {
	if w.at >= len(w.name) {
		return 0, 0, 0, false
	}
	r, size := utf8.DecodeRuneInString(w.name[w.at:])
	if r == utf8.RuneError && size == 1 {
		b = w.name[w.at]
		w.at++
		return -1, b, 0, true
	}
	if w.at < w.surEnd && len(w.surname) > 0 {
		syl, w.surname = w.surname[0], w.surname[1:]
	} else {
		syl = w.t.reading(r)
	}
	w.at += size
	return r, 0, syl, true
}
