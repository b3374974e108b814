package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

func runCheck(e *env, args []string) int {
	fs := e.flags("check", "")
	db := dbFlag(fs)
	year := yearFlag(fs, "检查的年度（默认今年）")
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	asOf := asOfFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	today, err := e.today(*asOf)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *year == 0 {
		*year = today.Year()
	}
	if *year < firstYear || *year > today.Year() {
		return e.fail(ExitUsage, "年度%d无效：应在%d到%d之间", *year, firstYear, today.Year())
	}
	s, code := openReader(e, *db, func() time.Time { return today })
	if s == nil {
		return code
	}
	defer s.Close()
	fig, err := s.Figures(e.ctx, *year, appcore.CheckDay(*year, today))
	if err != nil {
		return e.fail(ExitUsage, "检查失败：%v", err)
	}
	findings := fig.Findings()
	// Over a consolidated database each finding says whose it is.
	title, orgOf, err := checkScope(e, s)
	if err != nil {
		return e.fail(ExitUsage, "检查失败：%v", err)
	}
	if *asJSON {
		out := make([]checkFindingJSON, 0, len(findings))
		for _, f := range findings {
			out = append(out, checkFindingJSON{Finding: f, Org: orgOf[f.BranchID]})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return e.fail(ExitUsage, "输出失败：%v", err)
		}
		return ExitOK
	}
	printFindings(e, *year, title, fig.Settings(), findings, orgOf)
	return ExitOK
}

// checkFindingJSON is one finding of `check --json`: org is the name of
// the organization it belongs to in a consolidated database.
type checkFindingJSON struct {
	rules.Finding
	Org string `json:"org,omitempty"`
}

// checkScope is whose records the check covers (the organization, or
// 全校 and how many organizations a consolidated database holds) and, in
// a consolidated database, each branch's organization by branch id.
func checkScope(e *env, s *data.Store) (string, map[string]string, error) {
	orgs, err := s.OrgsInOrder(e.ctx)
	if err != nil || len(orgs) < 2 {
		return s.Org().Name, nil, err
	}
	refs, err := s.BranchRefs(e.ctx)
	if err != nil {
		return "", nil, err
	}
	orgOf := make(map[string]string, len(refs))
	for _, r := range refs {
		orgOf[r.ID] = r.OrgName
	}
	return fmt.Sprintf("全校（%d个二级党组织）", len(orgs)), orgOf, nil
}

// printFindings prints findings grouped by rule under titles stating the
// thresholds of set, the settings the findings were computed with; a DEV-
// rule's title names the version of the rules of 发展党员 and where in it
// the rule is written. This month's to-dos (Finding.Due) are counted apart.
func printFindings(e *env, year int, org string, set rules.Settings, findings []rules.Finding, orgOf map[string]string) {
	due := 0
	for _, f := range findings {
		if f.Due {
			due++
		}
	}
	if due > 0 {
		e.printf("%s %d年制度落实检查：共%d项（其中本月待办%d项）\n", org, year, len(findings), due)
	} else {
		e.printf("%s %d年制度落实检查：共%d项\n", org, year, len(findings))
	}
	dev := set.Dev
	if dev.Version == "" {
		dev = rules.Rules2014()
	}
	var rule vocab.RuleID
	for _, f := range findings {
		if f.Rule != rule {
			rule = f.Rule
			if rule.IsDev() {
				e.printf("\n[%s] %s（%s版：%s）\n", rule, rules.RuleTitleIn(rule, set), dev.Version, dev.Source(rule))
			} else {
				e.printf("\n[%s] %s\n", rule, rules.RuleTitleIn(rule, set))
			}
		}
		who := f.Branch
		if o := orgOf[f.BranchID]; o != "" {
			who = o + data.BranchSeparator + who
		}
		if f.Member != "" {
			who += " " + f.Member
		}
		e.printf("  %s:%s\n", strings.TrimSpace(who), f.Detail)
	}
}

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }
