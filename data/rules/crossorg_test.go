package rules

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Two enrolled organizations and one outside, for the cross-org tests.
const (
	xOrgA, xNameA = "0190a000-0000-7000-8000-00000000000a", "计算机学院党委"
	xOrgB, xNameB = "0190a000-0000-7000-8000-00000000000b", "数学学院党委"
	xOutside      = "某市某区街道党工委"
	xID1          = "11010119850412003X"
	xID2          = "110101199001011234"
)

var xAsOf = d(2026, 11, 20)

// xFacts is a check on xAsOf of A and B, both with a snapshot this term.
func xFacts() CrossFacts {
	return CrossFacts{
		AsOf: xAsOf, TermStart: TermStart(xAsOf), DefaultValidDays: 30,
		Orgs: []XOrg{
			{ID: xOrgA, Name: xNameA, LastSnapshot: d(2026, 11, 19)},
			{ID: xOrgB, Name: xNameB, LastSnapshot: d(2026, 11, 1)},
		},
	}
}

// xOut is A's 转出 of 张三 to other, issued on issued.
func xOut(other string, issued time.Time, validDays int) XTransfer {
	return XTransfer{OrgID: xOrgA, OrgName: xNameA, MemberName: "张三", IDNumber: xID1, Direction: "转出",
		OtherOrg: other, LetterNo: "组字〔2026〕12号", Issued: issued, ValidDays: validDays}
}

// xIn is B's 转入 of 张三 from other, with the same letter.
func xIn(other string) XTransfer {
	return XTransfer{OrgID: xOrgB, OrgName: xNameB, MemberName: "张三", IDNumber: xID1, Direction: "转入",
		OtherOrg: other, LetterNo: "组字〔2026〕12号", Issued: d(2026, 9, 1), ValidDays: 30}
}

func TestCrossOrgFindings(t *testing.T) {
	longAgo := xAsOf.AddDate(0, 0, -60)
	cases := []struct {
		name  string
		edit  func(f *CrossFacts)
		kinds []string // kinds of the findings, in order
		orgs  []string // and their OrgID, when given
		in    []string // substrings the details must hold, in order of the findings
	}{
		{"nothing", func(f *CrossFacts) {}, nil, nil, nil},
		{"matched transfer", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 30), xIn(xNameA)}
		}, nil, nil, nil},
		{"matched despite spacing and a lower-case x", func(f *CrossFacts) {
			in := xIn(xNameA)
			in.LetterNo = " " + in.LetterNo + " "
			in.IDNumber = strings.ToLower(in.IDNumber)
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 30), in}
		}, nil, nil, nil},
		{"stranded past validity", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 30)}
		}, []string{KindStranded}, []string{xOrgA}, []string{"张三"}},
		{"stranded to an outside organization", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xOutside, longAgo, 30)}
		}, []string{KindStranded}, []string{xOrgA}, []string{xOutside}},
		{"stranded: the letter's other end recorded in the same organization", func(f *CrossFacts) {
			in := xIn(xOutside)
			in.OrgID, in.OrgName = xOrgA, xNameA
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 30), in}
		}, []string{KindStranded}, []string{xOrgA}, nil},
		{"stranded: another member's 转入 on the same letter", func(f *CrossFacts) {
			in := xIn(xNameA)
			in.IDNumber = xID2
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 30), in}
		}, []string{KindUnmatchedIn, KindStranded}, []string{xOrgB, xOrgA}, nil},
		{"within validity", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -10), 30)}
		}, nil, nil, nil},
		{"validity ends today", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -30), 30)}
		}, nil, nil, nil},
		{"validity ended yesterday", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -31), 30)}
		}, []string{KindStranded}, []string{xOrgA}, []string{"有效期30天"}},
		{"receipt returned", func(f *CrossFacts) {
			out := xOut(xOutside, longAgo, 30)
			out.Receipt = longAgo.AddDate(0, 0, 5)
			f.Transfers = []XTransfer{out}
		}, nil, nil, nil},
		{"no issue date", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xOut(xOutside, time.Time{}, 30)}
		}, nil, nil, nil},
		{"no validity: default applies, within it", func(f *CrossFacts) {
			f.DefaultValidDays = 90
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 0)}
		}, nil, nil, nil},
		{"no validity: default applies, past it", func(f *CrossFacts) {
			f.DefaultValidDays = 45
			f.Transfers = []XTransfer{xOut(xNameB, longAgo, 0)}
		}, []string{KindStranded}, []string{xOrgA}, []string{"有效期45天"}},
		{"letter's own validity wins over the default", func(f *CrossFacts) {
			f.DefaultValidDays = 10
			f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -20), 90)}
		}, nil, nil, nil},
		{"转入 from an enrolled organization without its 转出", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xIn(xNameA)}
		}, []string{KindUnmatchedIn}, []string{xOrgB}, []string{xNameA}},
		{"转入 from an enrolled organization, name with spaces", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xIn(" " + xNameA + " ")}
		}, []string{KindUnmatchedIn}, []string{xOrgB}, nil},
		{"转入 from outside", func(f *CrossFacts) {
			f.Transfers = []XTransfer{xIn(xOutside)}
		}, nil, nil, nil},
		{"转入 whose 转出 the receiving organization recorded itself", func(f *CrossFacts) {
			out := xOut(xNameB, xAsOf.AddDate(0, 0, -5), 30)
			out.OrgID, out.OrgName = xOrgB, xNameB
			f.Transfers = []XTransfer{out, xIn(xNameA)}
		}, []string{KindUnmatchedIn}, []string{xOrgB}, nil},
		{"same number active in two organizations", func(f *CrossFacts) {
			f.Active = []XMember{
				{OrgID: xOrgA, OrgName: xNameA, Name: "李四", IDNumber: xID1},
				{OrgID: xOrgB, OrgName: xNameB, Name: "李四", IDNumber: strings.ToLower(xID1)},
				{OrgID: xOrgB, OrgName: xNameB, Name: "王五", IDNumber: xID2},
			}
		}, []string{KindDuplicateActive}, []string{""}, []string{"李四"}},
		{"same number twice in one organization", func(f *CrossFacts) {
			f.Active = []XMember{
				{OrgID: xOrgA, OrgName: xNameA, Name: "李四", IDNumber: xID1},
				{OrgID: xOrgA, OrgName: xNameA, Name: "李四", IDNumber: xID1},
			}
		}, nil, nil, nil},
		{"no number in two organizations", func(f *CrossFacts) {
			f.Active = []XMember{
				{OrgID: xOrgA, OrgName: xNameA, Name: "李四"},
				{OrgID: xOrgB, OrgName: xNameB, Name: "李四", IDNumber: " "},
			}
		}, nil, nil, nil},
		{"never a snapshot", func(f *CrossFacts) {
			f.Orgs[1].LastSnapshot = time.Time{}
		}, []string{KindNoSnapshot}, []string{xOrgB}, []string{"从未"}},
		{"last snapshot before the term", func(f *CrossFacts) {
			f.Orgs[0].LastSnapshot = d(2026, 7, 31)
		}, []string{KindNoSnapshot}, []string{xOrgA}, []string{"2026-08-01"}},
		{"snapshot on the term's first day", func(f *CrossFacts) {
			f.Orgs[0].LastSnapshot = d(2026, 8, 1)
		}, nil, nil, nil},
		{"everything at once, sorted by kind", func(f *CrossFacts) {
			f.Orgs[0].LastSnapshot = time.Time{}
			in := xIn(xNameA)
			in.LetterNo = "组字〔2026〕13号"
			f.Transfers = []XTransfer{xOut(xOutside, longAgo, 30), in}
			f.Active = []XMember{
				{OrgID: xOrgA, OrgName: xNameA, Name: "李四", IDNumber: xID2},
				{OrgID: xOrgB, OrgName: xNameB, Name: "李四", IDNumber: xID2},
			}
		}, []string{KindDuplicateActive, KindNoSnapshot, KindUnmatchedIn, KindStranded}, []string{"", xOrgA, xOrgB, xOrgA}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := xFacts()
			tc.edit(&f)
			got := CrossOrgFindings(f)
			var kinds, orgs []string
			for _, g := range got {
				kinds = append(kinds, g.Kind)
				orgs = append(orgs, g.OrgID)
			}
			if !slices.Equal(kinds, tc.kinds) {
				t.Fatalf("kinds %v, want %v\n%+v", kinds, tc.kinds, got)
			}
			if tc.orgs != nil && !slices.Equal(orgs, tc.orgs) {
				t.Fatalf("orgs %v, want %v", orgs, tc.orgs)
			}
			for i, s := range tc.in {
				if !strings.Contains(got[i].Detail, s) {
					t.Fatalf("finding %d %q lacks %q", i, got[i].Detail, s)
				}
			}
			for _, g := range got {
				for _, id := range []string{xID1, xID2, strings.ToLower(xID1)} {
					if strings.Contains(g.Detail, id) || strings.Contains(g.Detail, id[6:14]) {
						t.Fatalf("a finding names a 公民身份号码: %q", g.Detail)
					}
				}
			}
		})
	}
}

// TestCrossOrgFindingsIndependentOfInputOrder: the facts come from maps and
// queries; the findings must not depend on their order.
func TestCrossOrgFindingsIndependentOfInputOrder(t *testing.T) {
	f := xFacts()
	f.Orgs = append(f.Orgs, XOrg{ID: "0190a000-0000-7000-8000-00000000000c", Name: "物理学院党委"})
	for i := range 12 {
		out := xOut(xOutside, xAsOf.AddDate(0, 0, -40-i), 30)
		out.LetterNo = strings.Repeat("字", i+1)
		out.MemberName = string(rune('甲' + i))
		in := xIn(xNameA)
		in.LetterNo = strings.Repeat("号", i+1)
		f.Transfers = append(f.Transfers, out, in)
		f.Active = append(f.Active,
			XMember{OrgID: xOrgA, OrgName: xNameA, Name: string(rune('乙' + i)), IDNumber: strings.Repeat("1", i+1)},
			XMember{OrgID: xOrgB, OrgName: xNameB, Name: string(rune('乙' + i)), IDNumber: strings.Repeat("1", i+1)})
	}
	want := CrossOrgFindings(f)
	if len(want) != 12+12+12+1 {
		t.Fatalf("%d findings, want 37", len(want))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		g := f
		g.Orgs, g.Transfers, g.Active = slices.Clone(f.Orgs), slices.Clone(f.Transfers), slices.Clone(f.Active)
		r.Shuffle(len(g.Orgs), func(i, j int) { g.Orgs[i], g.Orgs[j] = g.Orgs[j], g.Orgs[i] })
		r.Shuffle(len(g.Transfers), func(i, j int) { g.Transfers[i], g.Transfers[j] = g.Transfers[j], g.Transfers[i] })
		r.Shuffle(len(g.Active), func(i, j int) { g.Active[i], g.Active[j] = g.Active[j], g.Active[i] })
		if got := CrossOrgFindings(g); !reflect.DeepEqual(got, want) {
			t.Fatalf("findings depend on the order of the facts:\n%+v\nwant\n%+v", got, want)
		}
	}
}

func TestTermStart(t *testing.T) {
	for _, tc := range []struct {
		day, want time.Time
	}{
		{d(2026, 1, 1), d(2025, 8, 1)},
		{d(2026, 1, 15), d(2025, 8, 1)},
		{d(2026, 1, 31), d(2025, 8, 1)},
		{d(2026, 2, 1), d(2026, 2, 1)},
		{d(2026, 2, 28), d(2026, 2, 1)},
		{d(2026, 7, 31), d(2026, 2, 1)},
		{time.Date(2026, 7, 31, 23, 59, 59, 0, time.UTC), d(2026, 2, 1)},
		{d(2026, 8, 1), d(2026, 8, 1)},
		{d(2026, 12, 1), d(2026, 8, 1)},
		{d(2026, 12, 31), d(2026, 8, 1)},
	} {
		if got := TermStart(tc.day); !got.Equal(tc.want) {
			t.Errorf("TermStart(%s) = %s, want %s", tc.day.Format("2006-01-02"), got.Format("2006-01-02"), tc.want.Format("2006-01-02"))
		}
	}
}
