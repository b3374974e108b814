package rules

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

// hanChar finds a Chinese character.
var hanChar = regexp.MustCompile(`\p{Han}`)

// asciiInChinese finds ASCII punctuation in Chinese text, which GB/T 15834
// writes full-width: beside a Chinese character or a closing 」”）, or
// after a value (%s, %d, %v) followed by a space, or before Chinese text
// after a space.
var asciiInChinese = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]|%[sdvq][,:;]\s|[^ -~\s]\(|\)[^ -~\s]`)

// halfWidthKept are the texts whose ASCII brackets are read by another
// part of the program: the settings form cuts a long label's note at its
// ASCII bracket and shows it under the setting.
var halfWidthKept = map[string]bool{
	"记录起始月份(此前的记录不在本系统，不计为缺失；留空则自动)": true,
}

// TestChineseTextUsesFullWidthPunctuation reads every string of the
// package's source that holds Chinese text — findings, settings' labels
// and messages — and fails on ASCII punctuation in it:
// 「2026年集中学习12学时，不足27学时（3月起按10个月折算）」, not
// 「2026年集中学习12学时,不足27学时(3月起按10个月折算)」.
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
			if err != nil || !hanChar.MatchString(s) || halfWidthKept[s] {
				return true
			}
			if m := asciiInChinese.FindString(s); m != "" {
				t.Errorf("%s: ASCII punctuation %q in Chinese text %q", fset.Position(lit.Pos()), m, s)
			}
			return true
		})
	}
}

// TestSettingLabelsUseFullWidthPunctuation: a label is full-width but for
// the brackets of the note the settings form cuts off (halfWidthKept).
func TestSettingLabelsUseFullWidthPunctuation(t *testing.T) {
	for _, d := range SettingDefs {
		label := d.Label
		if halfWidthKept[label] {
			head, note, _ := strings.Cut(label, "(")
			label = head + "（" + strings.TrimSuffix(note, ")") + "）"
		}
		if m := asciiInChinese.FindString(label); m != "" {
			t.Errorf("%s: ASCII punctuation %q in %q", d.Key, m, d.Label)
		}
	}
}
