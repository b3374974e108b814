package documents

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// evalExpected computes the demo's scores and open findings for 2026 as
// the check does.
func evalExpected(t *testing.T) ([]rules.Score, []rules.Finding) {
	t.Helper()
	s := demoStore(t)
	ctx := context.Background()
	asOf := checkDay(2026, testNow)
	fig, err := s.Figures(ctx, 2026, asOf)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := s.Check(ctx, 2026, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return fig.Scores(), findings
}

func TestEvaluationScoresAndFindings(t *testing.T) {
	s := demoStore(t)
	scores, findings := evalExpected(t)
	if len(scores) != 8 {
		t.Fatalf("%d scores", len(scores))
	}
	r := build(t, s, Evaluation, Options{})
	checkFrame(t, r, "党员教育管理考评汇总")

	// Every branch on one line with its members and total, best first.
	want := map[string]string{}
	for _, sc := range scores {
		want[sc.Branch] = fmt.Sprintf("%d %.1f", sc.Members, sc.Total)
	}
	row := regexp.MustCompile(`^\s*\d+\s+(\S+)\s+(\d+)\s.*\s(\d+\.\d)\s*$`)
	var totals []float64
	for _, l := range strings.Split(r.text, "\n") {
		m := row.FindStringSubmatch(l)
		if m == nil || want[m[1]] == "" {
			continue
		}
		if got := m[2] + " " + m[3]; got != want[m[1]] {
			t.Errorf("%s: members and total %s, want %s", m[1], got, want[m[1]])
		}
		delete(want, m[1])
		v, _ := strconv.ParseFloat(m[3], 64)
		totals = append(totals, v)
	}
	if len(want) > 0 {
		t.Errorf("no score line for %v", want)
	}
	if !sort.IsSorted(sort.Reverse(sort.Float64Slice(totals))) {
		t.Errorf("totals not best first: %v", totals)
	}
	org := fmt.Sprintf("本组织考评得分：%s分", evalNumber(rules.OrgScore(scores), 1))
	if !strings.Contains(r.text, org) {
		t.Errorf("%q missing", org)
	}

	// A known member finding: the member and the detail are printed.
	var target *rules.Finding
	for i, f := range findings {
		if f.Rule == "TARGET" && f.Member != "" {
			target = &findings[i]
			break
		}
	}
	if target == nil {
		t.Fatal("the demo has no TARGET finding")
	}
	if !strings.Contains(r.text, target.Member) || !strings.Contains(r.text, target.Detail) {
		t.Errorf("finding %s %s %q missing", target.Branch, target.Member, target.Detail)
	}
	if !strings.Contains(r.text, rules.RuleTitle("TARGET")) {
		t.Error("the rule's title is missing")
	}
	// Each branch's heading counts its open findings, lists and this
	// month's to-dos excluded.
	open := map[string]int{}
	for _, f := range findings {
		if f.Problem() {
			open[f.Branch]++
		}
	}
	for branch, n := range open {
		if branch == "" {
			continue
		}
		if !strings.Contains(r.text, fmt.Sprintf("%s：待整改问题%d项", branch, n)) {
			t.Errorf("%s: heading with %d open findings missing", branch, n)
		}
	}
	if strings.Contains(r.text, "政治生日：") || strings.Contains(r.text, rules.RuleTitle("FIFTY")+" ") {
		t.Error("the 政治生日 or 光荣在党 lists are printed as problems")
	}
}

func TestEvaluationOneBranch(t *testing.T) {
	s := demoStore(t)
	scores, _ := evalExpected(t)
	const branch = "研究生第二党支部"
	r := build(t, s, Evaluation, Options{BranchID: branchID(t, s, branch)})
	checkFrame(t, r, branch+"党员教育管理考评汇总")
	for _, sc := range scores {
		if sc.Branch != branch && strings.Contains(r.text, sc.Branch) {
			t.Errorf("%s is printed in %s's evaluation", sc.Branch, branch)
		}
	}
	// The organization's score is still the whole organization's.
	if !strings.Contains(r.text, fmt.Sprintf("本组织考评得分：%s分", evalNumber(rules.OrgScore(scores), 1))) {
		t.Error("the organization's score is missing")
	}
}

func TestEvaluationPastYear(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Evaluation, Options{Year: 2025})
	if !strings.Contains(r.text, "考评年度：2025年，依据截至2025年12月31日的记录计算") {
		t.Errorf("a past year is not evaluated to its end:\n%.600s", r.text)
	}
}

func TestEvaluationStopsWhenCancelled(t *testing.T) {
	s := demoStore(t)
	for _, k := range []Kind{Evaluation} {
		ctx, cancel := context.WithCancel(context.Background())
		var buf bytes.Buffer
		calls := 0
		_, err := Write(ctx, s, k, PDF, &buf, Options{Now: testNow, Progress: func(done, total int) {
			calls++
			cancel() // cancelled while writing
		}})
		if !errors.Is(err, context.Canceled) || buf.Len() > 0 || calls != 1 {
			t.Errorf("%s: %v, %d bytes written, progress called %d times", k, err, buf.Len(), calls)
		}
		cancel()
	}
}

func TestEvaluationAndStatsOnAnEmptyOrganization(t *testing.T) {
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "e.db"), "计算机科学与技术学院党委", "E")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for k, says := range map[Kind]string{Stats: "没有在册党员", Evaluation: "没有党支部"} {
		r := build(t, s, k, Options{})
		checkFrame(t, r, Title(k))
		if !strings.Contains(r.text, says) {
			t.Errorf("%s on an empty organization does not say %q:\n%s", k, says, r.text)
		}
	}
}

func TestCheckDayAndRefDay(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	if got := checkDay(2026, now); !got.Equal(day(2026, 11, 26)) {
		t.Errorf("current year: %s", got)
	}
	if got := checkDay(2025, now); !got.Equal(day(2026, 1, 1)) {
		t.Errorf("past year: %s", got)
	}
	if got := refDay(2026, now); !got.Equal(day(2026, 11, 26)) {
		t.Errorf("current year looked at on %s", got)
	}
	if got := refDay(2025, now); !got.Equal(day(2025, 12, 31)) {
		t.Errorf("past year looked at on %s", got)
	}
}

func TestEvalGroups(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "TALK", Member: "甲", MemberID: "1", Detail: "未谈"},
		{Rule: "TALK", Member: "丁一", MemberID: "5", Detail: "未谈"},
		{Rule: "TRAIN-32", Member: "王乙", MemberID: "2", Detail: "差4学时"},
		{Rule: "TALK", Member: "丙", MemberID: "3", Detail: "未谈"},
		{Rule: "TRAIN-32", Member: "丁", MemberID: "4", Detail: "差8学时"},
		{Rule: "TRAIN-32", Detail: "未开展集中学习"},
		{Rule: "THEME-DAY", Detail: "10月未开展"},
	}
	var got []string
	for _, g := range evalGroups(fs) {
		var names []string
		for _, m := range g.members {
			names = append(names, m.name)
		}
		got = append(got, string(g.rule)+":"+strings.Join(names, "、")+":"+g.detail)
	}
	want := "TRAIN-32::未开展集中学习|TRAIN-32:丁:差8学时|TRAIN-32:王乙:差4学时|THEME-DAY::10月未开展|TALK:丁一、丙、甲:未谈"
	if strings.Join(got, "|") != want {
		t.Errorf("groups\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}
