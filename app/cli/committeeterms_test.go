package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	snapshot "dangjian/sync"
)

// TestConsolidateTermsAndCompare: consolidate keeps each term's result
// (an ended term once, then only when reopened, saying what it replaces),
// committee terms lists them and committee compare compares two of them
// per organization, in Chinese tables and in JSON.
func TestConsolidateTermsAndCompare(t *testing.T) {
	s := newSyncSetup(t) // consolidated once, on testToday: 2026-2027-1
	d := s.committee

	code, out, errOut := run(t, "consolidate", "--dir", d, "--term", "2025-2026-2")
	if code != ExitOK || !strings.Contains(out, "2025—2026学年第二学期汇总结果：") {
		t.Fatalf("consolidating an ended term the first time: %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = run(t, "consolidate", "--dir", d, "--term", "2025-2026-2")
	if code != ExitUsage || !strings.Contains(errOut, "已冻结") || !strings.Contains(errOut, "--reopen") {
		t.Fatalf("consolidating an ended term again: %d %s", code, errOut)
	}
	code, out, errOut = run(t, "consolidate", "--dir", d, "--term", "2025-2026-2", "--reopen")
	if code != ExitOK || !strings.Contains(out, "已重新打开2025—2026学年第二学期：替换了") {
		t.Fatalf("reopening an ended term: %d\n%s\n%s", code, out, errOut)
	}
	for _, tc := range []struct{ term, want string }{
		{"2026秋", "写法不对"},
		{"2027-2028-1", "尚未开始"},
	} {
		code, out, errOut := run(t, "consolidate", "--dir", d, "--term", tc.term)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) || !hasChinese(errOut) {
			t.Errorf("consolidate --term %s: %d %s %s", tc.term, code, out, errOut)
		}
	}

	// The organization pushes again: the current term is made again.
	s.change(t, "新支部")
	if code, out, errOut := run(t, "sync", "push", "--db", s.db); code != ExitOK {
		t.Fatalf("push: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "consolidate", "--dir", d, "--json")
	var rep snapshot.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK {
		t.Fatalf("consolidate --json: %d %v\n%s\n%s", code, err, out, errOut)
	}
	if rep.Term != "2026-2027-1" || rep.Reused != 0 || len(rep.Orgs) != 1 || rep.Orgs[0].UsedSeq != 2 {
		t.Fatalf("consolidate --json: %+v", rep)
	}
	if _, err := os.Stat(rep.Result); err != nil {
		t.Fatalf("the term's result: %v", err)
	}

	code, out, errOut = run(t, "committee", "terms", "--dir", d)
	if code != ExitOK || !strings.Contains(out, "2026—2027学年第一学期") || !strings.Contains(out, "2025—2026学年第二学期") ||
		!strings.Contains(out, "已结束（冻结），曾重新汇总") || strings.Index(out, "2026—2027") > strings.Index(out, "2025—2026") {
		t.Fatalf("committee terms: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(t, "committee", "terms", "--dir", d, "--json")
	var terms []snapshot.TermResult
	if err := json.Unmarshal([]byte(out), &terms); err != nil || code != ExitOK || len(terms) != 2 {
		t.Fatalf("committee terms --json: %d %v\n%s", code, err, out)
	}
	if terms[0].Term != "2026-2027-1" || terms[0].Path != rep.Result || terms[0].Sources.Orgs[0].Seq != 2 || terms[1].Sources.Orgs[0].Seq != 1 {
		t.Fatalf("committee terms --json: %+v", terms)
	}

	code, out, errOut = run(t, "committee", "compare", "--dir", d, "--from", "2025-2026-2", "--to", "2026-2027-1")
	if code != ExitOK || !strings.Contains(out, "文学院党委") || !strings.Contains(out, "→") || !strings.Contains(out, "考评得分") {
		t.Fatalf("committee compare: %d\n%s\n%s", code, out, errOut)
	}
	for _, code := range []string{"TRAIN-", "THEME-", "EVAL"} {
		if strings.Contains(out, code) {
			t.Fatalf("committee compare shows a rule's code %s:\n%s", code, out)
		}
	}
	code, out, _ = run(t, "committee", "compare", "--dir", d, "--from", "2025-2026-2", "--to", "2026-2027-1", "--json")
	var deltas []snapshot.OrgTermDelta
	if err := json.Unmarshal([]byte(out), &deltas); err != nil || code != ExitOK || len(deltas) != 1 {
		t.Fatalf("committee compare --json: %d %v\n%s", code, err, out)
	}
	if d := deltas[0]; d.Org != s.orgID || d.From == nil || d.To == nil || d.To.Branches != d.From.Branches+1 {
		t.Fatalf("committee compare --json: %+v (the second term has the new branch)", deltas[0])
	}
	code, _, errOut = run(t, "committee", "compare", "--dir", d, "--from", "2024-2025-1", "--to", "2026-2027-1")
	if code != ExitUsage || !strings.Contains(errOut, "尚未汇总") {
		t.Fatalf("comparing with a term never consolidated: %d %s", code, errOut)
	}
}
