package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dangjian/app/appcore"
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
	if *asJSON {
		if findings == nil {
			findings = []rules.Finding{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(findings); err != nil {
			return e.fail(ExitUsage, "输出失败：%v", err)
		}
		return ExitOK
	}
	printFindings(e, *year, s.Org().Name, fig.Settings(), findings)
	return ExitOK
}

// printFindings prints findings grouped by rule under titles stating the
// thresholds of set, the settings the findings were computed with.
func printFindings(e *env, year int, org string, set rules.Settings, findings []rules.Finding) {
	e.printf("%s %d年制度落实检查：共%d项\n", org, year, len(findings))
	var rule vocab.RuleID
	for _, f := range findings {
		if f.Rule != rule {
			rule = f.Rule
			e.printf("\n[%s] %s\n", rule, rules.RuleTitleIn(rule, set))
		}
		who := f.Branch
		if f.Member != "" {
			who += " " + f.Member
		}
		e.printf("  %s:%s\n", strings.TrimSpace(who), f.Detail)
	}
}

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }
