package rules

import (
	"strings"
	"testing"
)

// keyedFacts has one finding of every kind: A's 张三 stranded, B's 李四
// received with no 转出 from A, 王五 on the rolls of both, and C with no
// snapshot.
func keyedFacts() CrossFacts {
	f := xFacts()
	f.Orgs = append(f.Orgs, XOrg{ID: "0190a000-0000-7000-8000-00000000000c", Name: "物理学院党委"})
	in := xIn(xNameA)
	in.MemberName, in.IDNumber, in.LetterNo = "李四", xID2, "组字〔2026〕30号"
	f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -60), 30), in}
	f.Active = []XMember{
		{OrgID: xOrgA, OrgName: xNameA, Name: "王五", IDNumber: "110101197001010011"},
		{OrgID: xOrgB, OrgName: xNameB, Name: "王五", IDNumber: "110101197001010011"},
	}
	return f
}

// TestKeyedFindingsAreTheFindings: the keyed list is CrossOrgFindings'
// list, finding for finding, with the facts that identify each.
func TestKeyedFindingsAreTheFindings(t *testing.T) {
	f := keyedFacts()
	plain := CrossOrgFindings(f)
	keyed := KeyedCrossOrgFindings(f)
	if len(plain) != 4 || len(keyed) != len(plain) {
		t.Fatalf("%d findings, %d keyed", len(plain), len(keyed))
	}
	keys := map[string]bool{}
	for i, k := range keyed {
		if k.CrossFinding != plain[i] {
			t.Errorf("finding %d: %+v, keyed %+v", i, plain[i], k.CrossFinding)
		}
		if keys[k.Key] || !strings.HasPrefix(k.Key, k.Kind+":") {
			t.Errorf("key %q of %s: repeated or not of its kind", k.Key, k.Kind)
		}
		keys[k.Key] = true
		if strings.Contains(k.Key, xID1) || strings.Contains(k.Key, xID2) || strings.Contains(k.Key, "110101197001010011") {
			t.Errorf("the key %q shows a 公民身份号码", k.Key)
		}
	}
	want := map[string]struct{ person, letter, orgs string }{
		KindStranded:        {"张三", "组字〔2026〕12号", xOrgA},
		KindUnmatchedIn:     {"李四", "组字〔2026〕30号", xOrgB},
		KindDuplicateActive: {"王五", "", xOrgA + "," + xOrgB},
		KindNoSnapshot:      {"", "", "0190a000-0000-7000-8000-00000000000c"},
	}
	for _, k := range keyed {
		w := want[k.Kind]
		if k.Person != w.person || k.LetterNo != w.letter || strings.Join(k.OrgIDs, ",") != w.orgs {
			t.Errorf("%s: person %q letter %q orgs %v, want %+v", k.Kind, k.Person, k.LetterNo, k.OrgIDs, w)
		}
	}
}

// TestFindingKeysOutliveTheDetail: what changes between two checks and is
// not what identifies a finding (the day, the names, the validity, the
// term) keeps each key; another person, letter or organization makes a new
// one.
func TestFindingKeysOutliveTheDetail(t *testing.T) {
	keysOf := func(f CrossFacts) map[string]string {
		out := map[string]string{}
		for _, k := range KeyedCrossOrgFindings(f) {
			out[k.Kind] = k.Key
		}
		return out
	}
	base := keysOf(keyedFacts())
	cases := []struct {
		name    string
		edit    func(f *CrossFacts)
		changed []string // the kinds whose key changes
	}{
		{"a later day, next term", func(f *CrossFacts) {
			f.AsOf = f.AsOf.AddDate(0, 3, 0)
			f.TermStart = TermStart(f.AsOf)
			f.Orgs[0].LastSnapshot, f.Orgs[1].LastSnapshot = f.AsOf, f.AsOf
		}, nil},
		{"names corrected and the validity changed", func(f *CrossFacts) {
			f.Transfers[0].MemberName, f.Transfers[0].ValidDays = "张叁", 20
			f.Transfers[0].OrgName, f.Active[1].OrgName = "计算机学院党委(新)", "数学与统计学院党委"
			f.Orgs[2].Name = "物理与天文学院党委"
			f.Active[0].Name, f.Active[1].Name = "王伍", "王伍"
		}, nil},
		{"the 公民身份号码 typed in lower case with spaces", func(f *CrossFacts) {
			f.Transfers[0].IDNumber = " " + strings.ToLower(xID1)
			f.Active[0].IDNumber = strings.ToLower(f.Active[0].IDNumber) + " "
		}, nil},
		{"another person on the letter", func(f *CrossFacts) {
			f.Transfers[0].IDNumber = "110101198001010022"
		}, []string{KindStranded}},
		{"another letter", func(f *CrossFacts) { f.Transfers[1].LetterNo = "组字〔2026〕31号" }, []string{KindUnmatchedIn}},
		{"on the rolls of another pair of organizations", func(f *CrossFacts) {
			f.Active[0].OrgID = "0190a000-0000-7000-8000-00000000000c"
		}, []string{KindDuplicateActive}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := keyedFacts()
			c.edit(&f)
			got := keysOf(f)
			for kind, key := range base {
				changed := false
				for _, k := range c.changed {
					changed = changed || k == kind
				}
				if got[kind] == "" {
					t.Fatalf("no %s finding after the change", kind)
				}
				if (got[kind] != key) != changed {
					t.Errorf("%s: key %q → %q, want changed=%v", kind, key, got[kind], changed)
				}
			}
		})
	}
}

// TestFindingKeysOfOneLetterRecordedTwice: one organization that records
// the same letter twice has two findings, with two keys.
func TestFindingKeysOfOneLetterRecordedTwice(t *testing.T) {
	f := xFacts()
	out := xOut(xNameB, xAsOf.AddDate(0, 0, -60), 30)
	f.Transfers = []XTransfer{out, out}
	keyed := KeyedCrossOrgFindings(f)
	if len(keyed) != 2 || keyed[0].Key == keyed[1].Key {
		t.Fatalf("findings %+v", keyed)
	}
}
