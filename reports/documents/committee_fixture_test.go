package documents

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The two organizations of the committee's tests, each with a branch named
// 第一党支部 holding a member named 王同名 (two people: each their own
// 公民身份号码).
const (
	orgForeign  = "外国语学院党委"
	orgComputer = "计算机学院党委"
	sameBranch  = "第一党支部"
	sameName    = "王同名"
)

// committeeFixture is a consolidated database and the organizations' own.
type committeeFixture struct {
	merged string            // the consolidated database
	own    map[string]string // each organization's own database, by name
	ids    map[string]string // each organization's id, by name
	idNos  []string          // every member's 公民身份号码
}

var (
	committeeOnce sync.Once
	committeeDir  string
	committeeFix  committeeFixture
	committeeErr  error
)

// committeeData makes (once per test run) two demo organizations of 60
// members, adds 第一党支部 and 王同名 to each, a 转出 from 外国语学院党委
// to 计算机学院党委 that nobody received (挂空), and merges them as the
// committee does.
func committeeData(t testing.TB) committeeFixture {
	t.Helper()
	committeeOnce.Do(func() { committeeFix, committeeErr = makeCommitteeData() })
	if committeeErr != nil {
		t.Fatal(committeeErr)
	}
	return committeeFix
}

func makeCommitteeData() (committeeFixture, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "dangjian-committee-documents-test")
	if err != nil {
		return committeeFixture{}, err
	}
	committeeDir = dir
	fx := committeeFixture{own: map[string]string{}, ids: map[string]string{}}
	var snaps []string
	for i, name := range []string{orgForeign, orgComputer} {
		path := filepath.Join(dir, name+".db")
		s, err := data.Create(ctx, path, name, "", data.WithClock(func() time.Time { return testNow }))
		if err != nil {
			return fx, err
		}
		if _, err := demo.Generate(ctx, s, demo.Options{Seed: int64(i + 7), Members: 60, AsOf: testNow}); err != nil {
			s.Close()
			return fx, err
		}
		if err := addSameNamed(ctx, s, i); err != nil {
			s.Close()
			return fx, err
		}
		err = s.Members.Each(ctx, func(m *data.Member) error {
			fx.idNos = append(fx.idNos, m.IDNumber)
			return nil
		})
		if err != nil {
			s.Close()
			return fx, err
		}
		snap := filepath.Join(dir, name+".snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			s.Close()
			return fx, err
		}
		fx.own[name], fx.ids[name] = path, s.Org().ID
		s.Close()
		snaps = append(snaps, snap)
	}
	fx.merged = filepath.Join(dir, "merged.db")
	return fx, data.Merge(ctx, fx.merged, snaps)
}

// addSameNamed adds 第一党支部 with 王同名 to an organization; the first
// organization's 王同名 is also sent to the second with a letter that was
// never received.
func addSameNamed(ctx context.Context, s *data.Store, i int) error {
	b := &data.Branch{Name: sameBranch, Type: string(vocab.BranchStaff)}
	if err := s.Branches.Create(ctx, b); err != nil {
		return err
	}
	birth := time.Date(1981, 5, 6, 0, 0, 0, 0, time.UTC)
	m := &data.Member{BranchID: data.Ref(b.ID), Name: sameName, Gender: string(vocab.Male), Category: string(vocab.CategoryFull),
		PersonType: string(vocab.PersonStaff), IDNumber: field.MakeIDNumber("420106", birth, 40+i, true),
		JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1), Status: string(vocab.StatusNormal)}
	if err := s.Members.Create(ctx, m); err != nil {
		return err
	}
	if i != 0 {
		return nil
	}
	return s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(m.ID), Direction: string(vocab.TransferOut),
		OtherOrg: orgComputer, LetterNo: "转字〔2026〕第031号", IssuedDate: data.NewDate(2026, 3, 2), ValidDays: 90})
}

// openMerged opens the consolidated database of the fixture.
func openMerged(t testing.TB) (*data.Store, committeeFixture) {
	t.Helper()
	fx := committeeData(t)
	return openAt(t, fx.merged), fx
}

// openAt opens a database of the fixture on the tests' clock.
func openAt(t testing.TB, path string) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), path, data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// crossFindings are the fixture's cross-organization findings, as the
// committee's folder gives them: with an enrolled organization that never
// sent a snapshot.
func crossFindings(t testing.TB, s *data.Store, fx committeeFixture) []rules.KeyedFinding {
	t.Helper()
	f, err := s.CrossOrgFacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f.AsOf, f.TermStart, f.DefaultValidDays = testNow, rules.TermStart(testNow), 90
	for _, name := range []string{orgForeign, orgComputer} {
		f.Orgs = append(f.Orgs, rules.XOrg{ID: fx.ids[name], Name: name, LastSnapshot: testNow})
	}
	f.Orgs = append(f.Orgs, rules.XOrg{ID: neverID, Name: neverName})
	return rules.KeyedCrossOrgFindings(f)
}

// The enrolled organization that never sent a snapshot.
const (
	neverID   = "org-never"
	neverName = "马克思主义学院党委"
)
