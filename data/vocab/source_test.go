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
	}
	out := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			out[v] = true
		}
	}
	return out
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
				if values[s] {
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
