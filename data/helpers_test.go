package data_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

var fixedNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func clock() time.Time { return fixedNow }

// newStore creates a fresh organization database in a temp dir.
func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "CS",
		data.WithClock(clock), data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func addBranch(t testing.TB, s *data.Store, name string) *data.Branch {
	t.Helper()
	b := &data.Branch{Name: name, Type: "教工", Founded: data.NewDate(2010, 3, 1)}
	if err := s.Branches.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return b
}

// validMember returns a member that passes validation, unique by seq.
func validMember(branch *data.Branch, name string, seq int) *data.Member {
	birth := time.Date(1985, 4, 12, 0, 0, 0, 0, time.UTC)
	return &data.Member{
		BranchID: data.Ref(branch.ID), Name: name, Gender: "男", Ethnicity: "汉族",
		IDNumber:  field.MakeIDNumber("110101", birth, seq%100, true),
		BirthDate: data.DateOf(birth), PersonType: "在职教职工", Category: "正式党员",
		JoinedDate: data.NewDate(2008, 6, 1), ConfirmedAt: data.NewDate(2009, 6, 1),
		Phone: "13800138000", DuesBase: data.Yuan(6000),
	}
}
