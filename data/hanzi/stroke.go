package hanzi

import (
	"bytes"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// 姓氏笔画 order follows the Unicode collation of Chinese by stroke count
// (zh-u-co-stroke, as golang.org/x/text implements it), the order of
// printed rosters; names it cannot tell apart are ordered by code point.
// This is the one place of that order.

// strokeCollator is a collator with its buffer; a collate.Collator may not
// be used by two goroutines at once, so they are pooled.
type strokeCollator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var strokeCollators = sync.Pool{New: func() any {
	return &strokeCollator{c: collate.New(language.MustParse("zh-u-co-stroke"))}
}}

// StrokeKey returns the 姓氏笔画 collation key of name: names whose keys
// differ compare as their keys; names with equal keys compare by
// strings.Compare (see CompareStroke).
func StrokeKey(name string) []byte {
	s := strokeCollators.Get().(*strokeCollator)
	k := bytes.Clone(s.c.KeyFromString(&s.buf, name))
	s.buf.Reset()
	strokeCollators.Put(s)
	return k
}

// CompareStroke orders names by 姓氏笔画: -1 if a sorts before b, 0 if they
// are equal, +1 otherwise.
func CompareStroke(a, b string) int {
	s := strokeCollators.Get().(*strokeCollator)
	ka := s.c.KeyFromString(&s.buf, a)
	kb := s.c.KeyFromString(&s.buf, b)
	c := bytes.Compare(ka, kb)
	s.buf.Reset()
	strokeCollators.Put(s)
	if c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
