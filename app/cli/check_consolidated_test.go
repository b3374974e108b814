package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/rules"
)

// check over the committee's consolidated database says it covers the
// university and names each finding's organization, so that two branches
// of the same name (第一党支部) are told apart, in text and in JSON.
func TestCheckOverAConsolidatedDatabaseNamesTheOrganizations(t *testing.T) {
	// Records kept since January: the months without a 主题党日 are findings.
	db, _, _ := consolidatedDB(t, func(s *data.Store) {
		if err := s.SetSetting(context.Background(), rules.RecordsSinceKey, "2026-01"); err != nil {
			t.Fatal(err)
		}
	})
	code, out, errOut := run(t, "check", "--db", db)
	if code != ExitOK {
		t.Fatalf("check: %d %s", code, errOut)
	}
	if !strings.HasPrefix(out, "全校（2个二级党组织） ") {
		t.Errorf("the title does not say whose records: %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, org := range []string{"外国语学院党委 · 第一党支部", "计算机学院党委 · 第一党支部"} {
		if !strings.Contains(out, "  "+org) {
			t.Errorf("no finding of %s:\n%s", org, out)
		}
	}
	code, out, errOut = run(t, "check", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("check --json: %d %s", code, errOut)
	}
	var findings []struct {
		Rule, Branch, Org string
	}
	if err := json.Unmarshal([]byte(out), &findings); err != nil || len(findings) == 0 {
		t.Fatalf("check --json: %v %q", err, out)
	}
	orgs := map[string]bool{}
	for _, f := range findings {
		if f.Branch != "" && f.Org == "" {
			t.Errorf("a finding of %s without its organization", f.Branch)
		}
		orgs[f.Org] = true
	}
	if !orgs["外国语学院党委"] || !orgs["计算机学院党委"] {
		t.Errorf("findings of the organizations %v, want both", orgs)
	}
}
