package vocab

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// domainValues are every value of the vocabulary as text.
func domainValues() map[string]bool {
	lists := [][]string{
		Texts(Genders), Texts(BranchTypes), Texts(PersonTypes), Texts(Categories), Texts(Statuses),
		Texts(Educations), Texts(TrainingForms), Texts(MeetingKinds), Texts(Attendances), Texts(Grades),
		Texts(Completions), Texts(Directions), Texts(CareKinds), Texts(LiaisonKinds), Texts(SupervisionKinds),
		Texts(FeedbackChannels), Texts(FeedbackStatuses), Texts(FundDirections), Texts(RuleIDs),
		Texts(Stages), Texts(DevSteps), Texts(DevOutcomes),
		Texts([]DevRole{RoleTalker, RoleContact, RoleIntroducer, RoleReviewer, RoleOathLeader, RolePartyTalker}),
		Texts([]DevOrgan{OrganBranchBoard, OrganBranchAssembly, OrganParty}),
	}
	out := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			out[v] = true
		}
	}
	return out
}

// labelLiterals are the words of the vocabulary that a file spells
// as a column heading, a field label or an alias of one (a sheet's header
// 「谈话人」, the 台账's column 「确定发展对象」): text shown or read, not a
// stored value. A value spelled anywhere else is still a failure.
var labelLiterals = map[string][]string{
	"app/pipeline.go":                  {"入党积极分子", "报上级组织部门备案", "支部"},
	"data/care.go":                     {"谈话人"},
	"data/demo/texts.go":               {"入党积极分子"},
	"data/development.go":              {"入党申请人"},
	"data/timeline.go":                 {"谈话人"},
	"reports/documents/dev_confirm.go": {"党委审批", "支部大会"},
	"reports/documents/dev_ledger.go":  {"党委审批", "党委审批转正", "党委预审", "入党宣誓", "公示", "政治审查", "确定发展对象"},
	"reports/documents/dev_rosters.go": {"入党介绍人", "入党积极分子", "发展对象", "培养联系人"},
	"reports/sheets/pipeline.go":       {"党委审批", "党委审批转正", "党委派人谈话", "党委谈话人", "党委预审", "入党介绍人", "入党宣誓", "入党申请人谈话", "发展对象报党委备案", "培养联系人", "填写入党志愿书", "延长预备期", "指定培养联系人", "提出转正申请", "支部大会讨论接收", "支部大会讨论转正", "支部委员会审查", "政治审查", "确定入党介绍人", "确定入党积极分子", "确定发展对象", "积极分子报党委备案", "考察人", "谈话人", "递交入党申请书", "领誓人"},
	"reports/sheets/records.go":        {"支部委员会"},
}

// queryFuncs are the data package's condition builders, whose column
// arguments are data.Column constants, never free strings.
var queryFuncs = []string{"Where", "WhereIn", "Between", "OrderBy", "InYear", "Search"}

// moduleRoot is the folder holding go.mod, above this package.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// TestNoDomainLiteralsOutsideTheVocabulary walks the program's source
// (tests excluded) and fails on a string literal that spells a domain
// value — alone, or quoted inside SQL — and on a column name passed as
// free text to a query builder.
func TestNoDomainLiteralsOutsideTheVocabulary(t *testing.T) {
	root := moduleRoot(t)
	values := domainValues()
	self, _ := filepath.Abs(".")
	var problems []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "dist" || name == "testdata") ||
				path == self {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		report := func(n ast.Node, what string) {
			problems = append(problems, rel+":"+strconv.Itoa(fset.Position(n.Pos()).Line)+": "+what)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil {
					return true
				}
				if values[s] && !slices.Contains(labelLiterals[filepath.ToSlash(rel)], s) {
					report(n, "domain value "+strconv.Quote(s)+" spelled as a literal; use data/vocab")
					return true
				}
				for v := range values {
					if strings.Contains(s, "'"+v+"'") {
						report(n, "domain value '"+v+"' spelled inside SQL; bind a data/vocab value")
					}
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok && x.Name == "data" {
						name = fn.Sel.Name
					}
				case *ast.IndexExpr:
					if id, ok := fn.X.(*ast.Ident); ok {
						name = id.Name
					}
				}
				if !slices.Contains(queryFuncs, name) {
					return true
				}
				for _, a := range n.Args {
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						report(lit, "column "+lit.Value+" given to "+name+" as free text; use a data.Column constant")
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("%d domain literals outside data/vocab:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}
