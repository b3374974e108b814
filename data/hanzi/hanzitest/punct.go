// Package hanzitest holds what the tests of several packages check of the
// Chinese text they write: punctuation that GB/T 15834 writes full-width
// (，：；（）？！) beside Chinese characters.
package hanzitest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hanChar finds a Chinese character.
var hanChar = regexp.MustCompile(`\p{Han}`)

// asciiInChinese finds ASCII punctuation in Chinese text: beside a Chinese
// character or a closing 」”）, or after a value (%s, %d, %v) followed by a
// space, or before Chinese text after a space (「--member: 没有…」).
var asciiInChinese = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]|%[sdvq][,:;]\s|[^ -~\s]\(|\)[^ -~\s]`)

// ASCIIPunctuation is the first ASCII punctuation mark of Chinese text s
// (with what surrounds it), "" when s has none or holds no Chinese.
func ASCIIPunctuation(s string) string {
	if !hanChar.MatchString(s) {
		return ""
	}
	return asciiInChinese.FindString(s)
}

// CheckSource fails t for every string literal holding Chinese text with
// ASCII punctuation in the Go files named (patterns for filepath.Glob,
// relative to the test's package; tests left out), but those kept, whose
// ASCII marks another part of the program reads.
func CheckSource(t *testing.T, patterns []string, kept map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go file matches %s (%v)", pattern, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || kept[s] {
					return true
				}
				if m := ASCIIPunctuation(s); m != "" {
					t.Errorf("%s: ASCII punctuation %q in Chinese text %q", fset.Position(lit.Pos()), m, s)
				}
				return true
			})
		}
	}
}
