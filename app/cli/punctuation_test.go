package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// han finds a Chinese character.
var han = regexp.MustCompile(`\p{Han}`)

// asciiInChinese finds ASCII punctuation in Chinese text, which GB/T 15834
// writes full-width: beside a Chinese character or a closing 」”, or after
// a value (%s, %d, %v) followed by a space, or before Chinese text after a
// space (「--member: 没有…」).
var asciiInChinese = regexp.MustCompile(`[\p{Han}」”][,:;()!?]|[,:;()!?] ?[\p{Han}「“]|%[sdvq][,:;]\s|[^ -~\s]\(|\)[^ -~\s]`)

// TestChineseTextUsesFullWidthPunctuation reads every string of the command
// line's source that holds Chinese text — usage, options, messages — and
// fails on ASCII punctuation in it: 「数据库文件路径（默认：…）」, not
// 「数据库文件路径(默认:…)」.
func TestChineseTextUsesFullWidthPunctuation(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !han.MatchString(s) {
				return true
			}
			if m := asciiInChinese.FindString(s); m != "" {
				t.Errorf("%s: ASCII punctuation %q in Chinese text %q", fset.Position(lit.Pos()), m, s)
			}
			return true
		})
	}
}
