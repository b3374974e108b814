package documents

import (
	"regexp"
	"strings"
)

// letterYear is a year in brackets of any kind a letter number is typed
// with: (2026), （2026）, [2026], 【2026】, ［2026］, 〔2026〕.
var letterYear = regexp.MustCompile(`[(（\[【［〔]\s*((?:19|20)\d\d)\s*[)）\]】］〕]`)

// letterNo writes a transfer letter's number as official documents do:
// the year in full-width hexagonal brackets, 「转字〔2026〕第017号」, however
// it was typed; the rest as typed, without surrounding blanks.
func letterNo(s string) string {
	return letterYear.ReplaceAllString(strings.TrimSpace(s), "〔$1〕")
}
