package documents

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

// committeeOptions are the options of the committee's tests: the term,
// the fixture's cross-organization findings with a 处理情况 for the first,
// and a chain of two snapshots for 外国语学院党委.
func committeeOptions(t testing.TB, s *data.Store, fx committeeFixture) CommitteeOptions {
	entries := crossFindings(t, s, fx)
	i := slices.IndexFunc(entries, func(e rules.KeyedFinding) bool { return e.Person == sameName })
	if i < 0 {
		t.Fatal("the fixture's 挂空 is not found")
	}
	return CommitteeOptions{
		Now: testNow, Term: "2026-2027-1", TermLabel: "2026—2027学年第一学期",
		Findings: entries,
		OrgNames: map[string]string{neverID: neverName},
		Notes:    map[string]string{entries[i].Key: "已函告计算机学院党委，限期办理转入"},
		Chains: map[string][]ChainLink{fx.ids[orgForeign]: {
			{Seq: 7, Time: time.Date(2026, 9, 30, 17, 5, 0, 0, time.UTC), ManifestSHA256: strings.Repeat("ab", 32), Status: "已接受"},
			{Seq: 8, Time: time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC), ManifestSHA256: strings.Repeat("cd", 32), Status: "已接受"},
		}},
	}
}

// buildCommittee makes a committee document of the fixture.
func buildCommittee(t *testing.T, s *data.Store, k CommitteeKind, o CommitteeOptions) built {
	t.Helper()
	d, err := BuildCommittee(context.Background(), s, k, o)
	if err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	return built{doc: d, text: readable(layout.PlainText(d))}
}

// TestCommitteeGoldenText compares the plain text of each committee
// document with testdata/committee-<kind>.golden.txt (-update rewrites them).
func TestCommitteeGoldenText(t *testing.T) {
	s, fx := openMerged(t)
	o := committeeOptions(t, s, fx)
	for _, k := range CommitteeKinds {
		t.Run(string(k), func(t *testing.T) {
			d, err := BuildCommittee(context.Background(), s, k, o)
			if err != nil {
				t.Fatal(err)
			}
			// Ids are made anew with each fixture: the golden text has none.
			got := layout.PlainText(d)
			for name, id := range fx.ids {
				got = strings.ReplaceAll(got, id, "〈"+name+"的编号〉")
			}
			path := filepath.Join("testdata", "committee-"+string(k)+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden text (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run with -update after checking the change:\n%s", k, path, firstDiff(got, string(want)))
			}
		})
	}
}

// TestCommitteeStatsRowsAreEachOrganizationsOwnAndTheTotalTheUniversitys:
// each organization's row of 表一 is what its own database's 党内统计汇总
// gives as its total, and the 合计 row is the university's (the 党内统计汇总
// of the whole consolidated database), equal to the rows' sum.
func TestCommitteeStatsRowsAreEachOrganizationsOwnAndTheTotalTheUniversitys(t *testing.T) {
	s, fx := openMerged(t)
	doc := buildCommittee(t, s, CommitteeStats, CommitteeOptions{Now: testNow})
	got := tables(doc.doc)
	if len(got) != 7 {
		t.Fatalf("%d tables, want the 党内统计汇总's 6 and 发展党员", len(got))
	}
	checkCommitteeDev(t, got[6], fx)
	got = got[:6]
	whole := tables(build(t, s, Stats, Options{}).doc)
	for ti, table := range got {
		if table.Columns[0].Title != "二级党组织" {
			t.Errorf("table %d: first column %q", ti+1, table.Columns[0].Title)
		}
		rows := map[string][]string{}
		for _, r := range table.Rows {
			rows[r.Cells[0]] = r.Cells[1:]
		}
		sum := make([]int, len(table.Columns)-1)
		for _, name := range []string{orgForeign, orgComputer} {
			own := tables(build(t, openAt(t, fx.own[name]), Stats, Options{}).doc)[ti]
			want := own.Rows[len(own.Rows)-1].Cells[1:] // its 合计 (or its one branch)
			if own.Rows[len(own.Rows)-1].Cells[0] == "占比" {
				want = own.Rows[len(own.Rows)-2].Cells[1:]
			}
			if !slices.Equal(rows[name], want) {
				t.Errorf("table %d, %s: %v; its own database gives %v", ti+1, name, rows[name], want)
			}
			for i, c := range rows[name] {
				n, _ := strconv.Atoi(c)
				sum[i] += n
			}
		}
		total := rows["合计"]
		wt := whole[ti]
		wantTotal := wt.Rows[len(wt.Rows)-1].Cells[1:]
		if wt.Rows[len(wt.Rows)-1].Cells[0] == "占比" {
			wantTotal = wt.Rows[len(wt.Rows)-2].Cells[1:]
		}
		if !slices.Equal(total, wantTotal) {
			t.Errorf("table %d: 合计 %v; the university's is %v", ti+1, total, wantTotal)
		}
		for i, c := range total {
			if n, _ := strconv.Atoi(c); n != sum[i] {
				t.Errorf("table %d, column %q: 合计 %d, the rows add up to %d", ti+1, table.Columns[i+1].Title, n, sum[i])
			}
		}
	}
}

// checkCommitteeDev: each organization's row of the 全校党内统计's table
// of 发展党员 is what its own database's 发展党员统计 gives (2026年 and the
// 2026-2027学年 running on the print day), and the 合计 their sum.
func checkCommitteeDev(t *testing.T, table *layout.Table, fx committeeFixture) {
	t.Helper()
	rows := map[string][]string{}
	for _, r := range table.Rows {
		rows[r.Cells[0]] = r.Cells[1:]
	}
	sum := make([]int, len(table.Columns)-1)
	for _, name := range []string{orgForeign, orgComputer} {
		own := build(t, openAt(t, fx.own[name]), DevStats, Options{})
		var want []string
		for _, tb := range tables(own.doc) {
			if strings.HasPrefix(tb.Caption, "表一") {
				c := tb.Rows[len(tb.Rows)-1].Cells
				want = []string{c[1], c[2], c[5], c[6]}
			}
		}
		if want == nil && own.text != "" { // nothing recorded: zeros
			want = []string{"0", "0", "0", "0"}
		}
		if !slices.Equal(rows[name], want) {
			t.Errorf("发展党员, %s: %v; its own database gives %v", name, rows[name], want)
		}
		for i, c := range rows[name] {
			n, _ := strconv.Atoi(c)
			sum[i] += n
		}
	}
	for i, c := range rows["合计"] {
		if n, _ := strconv.Atoi(c); n != sum[i] {
			t.Errorf("发展党员, column %d: 合计 %d, the rows add up to %d", i+1, n, sum[i])
		}
	}
}

// A person on two organizations' rolls is counted in each, so the 合计
// counts them twice: the 全校党内统计 says how many, from the
// cross-organization findings (重复在册), and says nothing when none is.
func TestCommitteeStatsSaysWhoTheTotalCountsTwice(t *testing.T) {
	s, _ := openMerged(t)
	const note = "同时在两个以上二级党组织在册"
	if doc := buildCommittee(t, s, CommitteeStats, CommitteeOptions{Now: testNow}); strings.Contains(doc.text, note) {
		t.Errorf("a note of people counted twice without any:\n%s", doc.text)
	}
	dup := rules.KeyedFinding{CrossFinding: rules.CrossFinding{Kind: rules.KindDuplicateActive, Detail: "王五在两个组织在册"}, Person: "王五"}
	other := rules.KeyedFinding{CrossFinding: rules.CrossFinding{Kind: rules.KindNoSnapshot, Detail: "未上传快照"}}
	doc := buildCommittee(t, s, CommitteeStats, CommitteeOptions{Now: testNow, Findings: []rules.KeyedFinding{dup, other, dup}})
	if !strings.Contains(doc.text, "有2人"+note) {
		t.Errorf("the 合计 does not say it counts 2 people twice:\n%s", doc.text)
	}
}

// TestRankingPlaces: lines are placed by the score as printed, and lines
// printing the same score share the better place.
func TestRankingPlaces(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scores []float64
		want   []string // "place name"
	}{
		{"distinct", []float64{70, 90, 80}, []string{"1 b", "2 c", "3 a"}},
		{"a tie shares the better place", []float64{80, 90, 80, 70}, []string{"1 b", "2 a", "2 c", "4 d"}},
		{"equal when printed", []float64{80.04, 80.01, 95}, []string{"1 c", "2 a", "2 b"}},
		{"all equal", []float64{60, 60}, []string{"1 a", "1 b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []ranked
			for i, v := range tc.scores {
				name := string(rune('a' + i))
				lines = append(lines, ranked{score: evalFixed(v, 1), value: v, order: i, cells: []string{name}})
			}
			var got []string
			for _, cells := range rankLines(lines) {
				got = append(got, cells[0]+" "+cells[1])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestRankingNamesEveryBranchWithItsOrganization: the branches' ranking
// lists both 第一党支部, each as 「组织 · 支部」 with the score its own
// organization's 考评汇总 gives it, and the organizations' scores are those
// of their own 考评汇总.
func TestRankingNamesEveryBranchWithItsOrganization(t *testing.T) {
	s, fx := openMerged(t)
	doc := buildCommittee(t, s, CommitteeRanking, CommitteeOptions{Now: testNow})
	ts := tables(doc.doc)
	if len(ts) != 2 {
		t.Fatalf("%d tables, want 2", len(ts))
	}
	orgRows, branchRows := ts[0].Rows, ts[1].Rows
	for _, name := range []string{orgForeign, orgComputer} {
		own := build(t, openAt(t, fx.own[name]), Evaluation, Options{})
		ownTable := tables(own.doc)[0]
		ownTotal := ownTable.Rows[len(ownTable.Rows)-1]
		i := slices.IndexFunc(orgRows, func(r layout.Row) bool { return r.Cells[1] == name })
		if i < 0 || orgRows[i].Cells[len(orgRows[i].Cells)-1] != ownTotal.Cells[len(ownTotal.Cells)-1] {
			t.Errorf("%s: ranking %v; its own 考评汇总 gives %v", name, orgRows, ownTotal.Cells)
		}
		for _, r := range ownTable.Rows[:len(ownTable.Rows)-1] {
			label := name + data.BranchSeparator + r.Cells[1]
			j := slices.IndexFunc(branchRows, func(b layout.Row) bool { return b.Cells[1] == label })
			if j < 0 || branchRows[j].Cells[len(branchRows[j].Cells)-1] != r.Cells[len(r.Cells)-1] {
				t.Errorf("%s: not ranked with its own score %s", label, r.Cells[len(r.Cells)-1])
			}
		}
	}
	for i := 1; i < len(branchRows); i++ {
		a, _ := strconv.ParseFloat(branchRows[i-1].Cells[len(branchRows[i-1].Cells)-1], 64)
		b, _ := strconv.ParseFloat(branchRows[i].Cells[len(branchRows[i].Cells)-1], 64)
		if a < b {
			t.Fatalf("branch %d scores %v after %v", i+1, b, a)
		}
	}
	if last := orgRows[len(orgRows)-1]; !last.Total || last.Cells[1] != University {
		t.Errorf("the ranking's last row is %v, want the university's", last.Cells)
	}
}

// idNumber finds an 18-character 公民身份号码.
var idNumber = regexp.MustCompile(`\d{17}[\dXx]`)

// TestFindingsLedgerNamesPeopleNeverTheirNumbers: the ledger lists each
// finding with its kind, organization, the person's name, the letter's
// number and the 处理情况 recorded, and no 公民身份号码 of any member.
func TestFindingsLedgerNamesPeopleNeverTheirNumbers(t *testing.T) {
	s, fx := openMerged(t)
	o := committeeOptions(t, s, fx)
	doc := buildCommittee(t, s, CommitteeFindings, o)
	ts := tables(doc.doc)
	if len(ts) != 1 || len(ts[0].Rows) != len(o.Findings) {
		t.Fatalf("tables %d, want one row per finding (%d)", len(ts), len(o.Findings))
	}
	stranded := slices.IndexFunc(ts[0].Rows, func(r layout.Row) bool { return unkept(r.Cells[3]) == sameName })
	if stranded < 0 {
		t.Fatalf("no 挂空 row:\n%s", doc.text)
	}
	row := ts[0].Rows[stranded].Cells
	if row[2] != orgForeign || unkept(row[3]) != sameName || unkept(row[4]) != "转字〔2026〕第031号" ||
		row[6] != "已函告计算机学院党委，限期办理转入" {
		t.Errorf("the 挂空 row: %q", row)
	}
	if !strings.Contains(doc.text, "未上传快照") || !strings.Contains(doc.text, "马克思主义学院党委") {
		t.Errorf("the organization with no snapshot is not listed:\n%s", doc.text)
	}
	var pdf, word bytes.Buffer
	if _, err := WriteCommittee(context.Background(), s, CommitteeFindings, PDF, &pdf, o); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCommittee(context.Background(), s, CommitteeFindings, Word, &word, o); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{doc.text, wordText(t, word.Bytes())} {
		for _, no := range fx.idNos {
			if strings.Contains(text, no) {
				t.Fatalf("the ledger prints a 公民身份号码")
			}
		}
		if m := idNumber.FindString(text); m != "" {
			t.Fatalf("the ledger prints an 18-digit number")
		}
	}
}

// TestTermReportIsOneOrganizationsOwn: the 学期汇总 of one organization
// prints its figures, the cross-organization findings that concern it and
// its chain with 16 hex digits of each manifest's hash; the other
// organization has a part of its own when every one is asked for.
func TestTermReportIsOneOrganizationsOwn(t *testing.T) {
	s, fx := openMerged(t)
	o := committeeOptions(t, s, fx)
	o.OrgID = fx.ids[orgForeign]
	one := buildCommittee(t, s, CommitteeTerm, o)
	if one.parts() != 1 || one.doc.Parts[0].Title != orgForeign+"学期汇总" || one.doc.Parts[0].Subtitle != "（2026—2027学年第一学期）" {
		t.Fatalf("parts %d, title %q %q", one.parts(), one.doc.Parts[0].Title, one.doc.Parts[0].Subtitle)
	}
	for _, want := range []string{"8 2026.11.20 09:30 cdcdcdcdcdcdcdcd 已接受", "转接挂空 " + sameName, "已函告计算机学院党委"} {
		if !strings.Contains(one.text, want) {
			t.Errorf("the term report lacks %q:\n%s", want, one.text)
		}
	}
	if strings.Contains(one.text, strings.Repeat("cd", 9)) || strings.Contains(one.text, orgComputer+"学期汇总") {
		t.Errorf("the term report prints more than its organization's own, or the whole hash")
	}
	own := build(t, openAt(t, fx.own[orgForeign]), Evaluation, Options{})
	ownTable := tables(own.doc)[0]
	score := ownTable.Rows[len(ownTable.Rows)-1].Cells[len(ownTable.Columns)-1]
	if !strings.Contains(one.text, "考评得分 "+score+"分") {
		t.Errorf("the term report's score is not %s, its own 考评汇总's:\n%s", score, one.text)
	}
	o.OrgID = ""
	all := buildCommittee(t, s, CommitteeTerm, o)
	if all.parts() != 2 {
		t.Fatalf("every organization: %d parts, want 2", all.parts())
	}
	for i, p := range all.doc.Parts {
		noChain := strings.Contains(all.partText(i), "本学期没有收到该组织的快照")
		if noChain != (p.Title == orgComputer+"学期汇总") {
			t.Errorf("part %s: no chain %v", p.Title, noChain)
		}
	}
}

// TestCommitteeDocumentsAreTypesetAsOfficialDocuments reads each committee
// document back as PDF (pdftotext) and Word (document.xml): no ASCII
// punctuation beside Chinese characters, no date in a third form.
func TestCommitteeDocumentsAreTypesetAsOfficialDocuments(t *testing.T) {
	s, fx := openMerged(t)
	o := committeeOptions(t, s, fx)
	for _, k := range CommitteeKinds {
		t.Run(string(k), func(t *testing.T) {
			var pdf, word bytes.Buffer
			rep, err := WriteCommittee(context.Background(), s, k, PDF, &pdf, o)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pages == 0 || len(rep.Missing) > 0 {
				t.Errorf("pages %d, missing %v", rep.Pages, rep.MissingLines())
			}
			if _, err := WriteCommittee(context.Background(), s, k, Word, &word, o); err != nil {
				t.Fatal(err)
			}
			texts := map[string]string{"Word": wordText(t, word.Bytes())}
			if hasPdfToText() {
				texts["PDF"] = pdfToText(t, pdf.Bytes())
			}
			for format, text := range texts {
				for _, m := range firstMatches(asciiBesideHan, text, 5) {
					t.Errorf("%s: ASCII punctuation in Chinese text: …%s…", format, m)
				}
				for _, m := range firstMatches(otherDateForms, text, 5) {
					t.Errorf("%s: a date in neither the table nor the prose form: …%s…", format, m)
				}
				title := CommitteeTitle(k)
				if k == CommitteeTerm {
					title = orgForeign + "学期汇总"
				}
				if !strings.Contains(strings.ReplaceAll(text, " ", ""), title) {
					t.Errorf("%s: the title %s is not read back", format, title)
				}
			}
		})
	}
}

// TestCommitteeKindsParse: every committee document is named on the
// command line by its kind; others are refused with the list.
func TestCommitteeKindsParse(t *testing.T) {
	for _, k := range CommitteeKinds {
		if got, err := ParseCommitteeKind(string(k)); got != k || err != nil || CommitteeTitle(k) == "" {
			t.Errorf("%s: %v %v %q", k, got, err, CommitteeTitle(k))
		}
	}
	if _, err := ParseCommitteeKind("roster"); err == nil || !strings.Contains(err.Error(), "stats | ranking | findings | term") {
		t.Errorf("an unknown kind: %v", err)
	}
}

// unkept is text without the word joiners that keep it on one line.
func unkept(s string) string { return strings.ReplaceAll(s, string(layout.WordJoiner), "") }

// hasPdfToText tells whether pdftotext is there to read PDFs back.
func hasPdfToText() bool {
	_, err := exec.LookPath("pdftotext")
	return err == nil
}
