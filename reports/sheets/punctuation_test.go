package sheets

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
	"time"

	"dangjian/data/rules"
)

// hanChar finds a Chinese character.
var hanChar = regexp.MustCompile(`\p{Han}`)

// asciiInChinese finds ASCII punctuation in Chinese text, which GB/T 15834
// writes full-width: beside a Chinese character or a closing 」”）, or
// after a value (%s, %d, %v) followed by a space, or before Chinese text
// after a space.
var asciiInChinese = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]|%[sdvq][,:;]\s|[^ -~\s]\(|\)[^ -~\s]`)

// TestChineseTextUsesFullWidthPunctuation reads every string of the
// package's source that holds Chinese text — import messages, the notes
// and guide of templates, the summary sheets — and fails on ASCII
// punctuation in it: 「文件不是有效的Excel（.xlsx）文件（可能不完整或已损坏）」,
// not 「文件不是有效的Excel(.xlsx)文件(可能不完整或已损坏)」.
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
			if err != nil || !hanChar.MatchString(s) {
				return true
			}
			if m := asciiInChinese.FindString(s); m != "" {
				t.Errorf("%s: ASCII punctuation %q in Chinese text %q", fset.Position(lit.Pos()), m, s)
			}
			return true
		})
	}
}

// TestBuiltTextUsesFullWidthPunctuation: the texts put together from
// pieces without a Chinese character of their own — a reason after a name,
// the parts of a summary's 备注 — are full-width too.
func TestBuiltTextUsesFullWidthPunctuation(t *testing.T) {
	may, aug := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	line := &rules.DuesLine{From: may, Until: aug}
	line.Months[5].Arrears = 100
	gaps := rules.BranchMeetings{Branch: &rules.Branch{Name: "一支部"}, FirstRequired: may, ThemeDayPending: true,
		ThreeOneMissing: []string{"第二季度党课", "6月支委会"}}
	row := meetingGapsRow(gaps, 2026)
	for _, s := range []string{
		withReason("张三", "出差"),
		trainingHoursNote(rules.MemberHours{Committee: true, Months: 8}, 2026),
		duesLineNote(line, 2026),
		duesTotalRow("一支部", subtotalText, rules.DuesTotals{Members: 3, Owing: 1, Due: 300, Paid: 200})["备注"].(string),
		row["三会一课缺项"].(string),
		row["备注"].(string),
	} {
		if !strings.ContainsAny(s, "，；（：") {
			t.Errorf("%q: no punctuation to check", s)
		}
		if m := asciiInChinese.FindString(s); m != "" {
			t.Errorf("ASCII punctuation %q in %q", m, s)
		}
	}
}
