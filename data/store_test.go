package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

func TestCreateRefusesExistingAndOpenReadsOrg(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "org.db")
	s, err := data.Create(ctx, path, "测试学院党委", "CS")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := data.Create(ctx, path, "另一个组织", "X"); !errors.Is(err, data.ErrExists) {
		t.Fatalf("Create on an existing file: %v, want ErrExists", err)
	}
	s, err = data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Org().Name; got != "测试学院党委" {
		t.Fatalf("org name %q", got)
	}
	set, err := s.RuleSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.TrainingHours != 32 || set.LeaderTrainingHours != 56 {
		t.Fatalf("default thresholds not stored: %+v", set)
	}
}

func TestOpenMissingFileCreatesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	if _, err := data.Open(context.Background(), path); !errors.Is(err, data.ErrMissing) {
		t.Fatalf("got %v, want ErrMissing", err)
	}
	if _, err := filepath.Glob(path + "*"); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(path + "*"); len(m) != 0 {
		t.Fatalf("Open left files behind: %v", m)
	}
}

func TestMemberValidationMessages(t *testing.T) {
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	ctx := context.Background()
	cases := []struct {
		name  string
		edit  func(m *data.Member)
		col   string
		msgIn string
	}{
		{"bad check digit", func(m *data.Member) { m.IDNumber = m.IDNumber[:17] + flip(m.IDNumber[17]) }, "id_number", "校验码"},
		{"too short", func(m *data.Member) { m.IDNumber = m.IDNumber[:17] }, "id_number", "18位"},
		{"birth mismatch", func(m *data.Member) { m.BirthDate = data.NewDate(1985, 4, 13) }, "id_number", "出生日期"},
		{"gender mismatch", func(m *data.Member) { m.Gender = "女" }, "id_number", "性别"},
		{"joined before 18", func(m *data.Member) {
			m.JoinedDate = data.NewDate(2002, 1, 1)
			m.ConfirmedAt = data.NewDate(2003, 1, 1)
		}, "joined_date", "十八岁"},
		{"confirmed before joined", func(m *data.Member) { m.ConfirmedAt = data.NewDate(2008, 1, 1) }, "confirmed_date", "晚于入党日期"},
		{"joined in the future", func(m *data.Member) { m.JoinedDate = data.NewDate(2027, 1, 1); m.ConfirmedAt = data.Date{} }, "joined_date", "晚于今天"},
		{"unknown category", func(m *data.Member) { m.Category = "积极分子" }, "category", "应为以下之一"},
		{"unknown person type", func(m *data.Member) { m.PersonType = "临时工" }, "person_type", "应为以下之一"},
		{"negative dues base", func(m *data.Member) { m.DuesBase = -1 }, "dues_base", "负数"},
		{"missing name", func(m *data.Member) { m.Name = "  " }, "name", "不能为空"},
		{"probationary with confirmation", func(m *data.Member) { m.Category = "预备党员" }, "confirmed_date", "预备党员"},
		{"dangling branch", func(m *data.Member) { m.BranchID = "nope" }, "branch_id", "不存在"},
		{"bad phone", func(m *data.Member) { m.Phone = "call me" }, "phone", "数字"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := validMember(b, "张三", i)
			tc.edit(m)
			err := s.Members.Create(ctx, m)
			problems := data.ProblemsOf(err)
			if len(problems) == 0 {
				t.Fatalf("no validation problem, err=%v", err)
			}
			found := false
			for _, p := range problems {
				if p.Col == tc.col && strings.Contains(p.Msg, tc.msgIn) {
					found = true
				}
			}
			if !found {
				t.Fatalf("problems %+v lack %s/%s", problems, tc.col, tc.msgIn)
			}
			if strings.Contains(err.Error(), m.IDNumber[:6]+m.IDNumber[6:14]) {
				t.Fatalf("error text leaks the 公民身份号码: %v", err)
			}
			if n, _ := s.Members.Count(ctx); n != 0 {
				t.Fatalf("an invalid member was saved (%d rows)", n)
			}
		})
	}
}

func flip(c byte) string {
	if c == '0' {
		return "1"
	}
	return "0"
}

func TestIDNumberNormalizedAndFillsBirthAndGender(t *testing.T) {
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "李四", 1)
	want := m.IDNumber
	full := ""
	for _, r := range m.IDNumber {
		full += string(r - '0' + '０')
	}
	m.IDNumber, m.BirthDate, m.Gender = " "+full+" ", data.Date{}, ""
	if err := s.Members.Create(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Members.Get(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.IDNumber != want || got.BirthDate != data.NewDate(1985, 4, 12) || got.Gender != "男" {
		t.Fatalf("stored %q %v %q", got.IDNumber, got.BirthDate, got.Gender)
	}
}

func TestIDNumberUniqueAmongActiveMembers(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	first := validMember(b, "王五", 7)
	if err := s.Members.Create(ctx, first); err != nil {
		t.Fatal(err)
	}
	dup := validMember(b, "王五二", 7)
	err := s.Members.Create(ctx, dup)
	if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != "id_number" || !strings.Contains(p[0].Msg, "重复") {
		t.Fatalf("duplicate accepted or wrong message: %v", err)
	}
	// Once the first has transferred out, the number may be used again.
	first.Status = "已转出"
	if err := s.Members.Update(ctx, first); err != nil {
		t.Fatal(err)
	}
	if err := s.Members.Create(ctx, dup); err != nil {
		t.Fatalf("re-admission refused: %v", err)
	}
}

func TestUpdateConflictSoftDeleteAndAudit(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "赵六", 3)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	if m.Version != 1 || m.ID == "" || m.OrgID != s.Org().ID {
		t.Fatalf("meta not filled: %+v", m.Meta)
	}
	stale := *m
	m.PartyPost = "组织委员"
	if err := s.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	if m.Version != 2 {
		t.Fatalf("version %d after update", m.Version)
	}
	stale.Phone = "13900000000"
	if err := s.Members.Update(ctx, &stale); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("stale update: %v, want ErrConflict", err)
	}
	staleDel := *m
	staleDel.Version--
	if err := s.Members.Delete(ctx, &staleDel); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("delete of a stale copy: %v, want ErrConflict", err)
	}
	if err := s.Members.Delete(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Members.Get(ctx, m.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted member still returned: %v", err)
	}
	all, err := s.Members.List(ctx, data.WithDeleted())
	if err != nil || len(all) != 1 || !all[0].Deleted() || all[0].Version != 3 {
		t.Fatalf("tombstone missing: %v %+v", err, all)
	}
	h, err := s.History(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 || h[0].Action != "create" || h[1].Action != "update" || h[2].Action != "delete" {
		t.Fatalf("history %+v", h)
	}
	if _, ok := h[0].Changes["name"]; !ok {
		t.Fatalf("create entry does not name the fields set: %+v", h[0].Changes)
	}
	if h[1].Actor != "测试员" {
		t.Fatalf("actor %q", h[1].Actor)
	}
	change, ok := h[1].Changes["party_post"].([]any)
	if !ok || change[0] != "" || change[1] != "组织委员" || len(h[1].Changes) != 1 {
		t.Fatalf("update changes %+v", h[1].Changes)
	}
}

func TestWriteIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	before, _ := s.AuditCount(ctx)
	err := s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.Members.Create(ctx, validMember(b, "甲", 1)); err != nil {
			return err
		}
		return tx.Members.Create(ctx, validMember(b, "乙", 1)) // duplicate 公民身份号码
	})
	if err == nil {
		t.Fatal("duplicate inside a transaction accepted")
	}
	if n, _ := s.Members.Count(ctx); n != 0 {
		t.Fatalf("%d members left by a failed transaction", n)
	}
	if after, _ := s.AuditCount(ctx); after != before {
		t.Fatalf("audit grew from %d to %d on a rolled-back write", before, after)
	}
}

func TestListFilters(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b1, b2 := addBranch(t, s, "一支部"), addBranch(t, s, "二支部")
	for i, name := range []string{"丁一", "万二", "于三", "马四"} {
		b := b1
		if i%2 == 1 {
			b = b2
		}
		m := validMember(b, name, i)
		m.StaffNo = "T00" + string(rune('1'+i))
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Members.List(ctx, data.Where("branch_id", b2.ID), data.OrderBy("-name"))
	if err != nil || len(got) != 2 || got[0].Name != "马四" {
		t.Fatalf("branch filter: %v %v", err, names(got))
	}
	got, err = s.Members.List(ctx, data.Search("T003", "name", "staff_no", "id_number"))
	if err != nil || len(got) != 1 || got[0].Name != "于三" {
		t.Fatalf("search: %v %v", err, names(got))
	}
	if _, err := s.Members.List(ctx, data.Where("name; DROP TABLE members", 1)); err == nil {
		t.Fatal("an unknown column was accepted")
	}
	if n, err := s.Members.Count(ctx, data.WhereIn("name", []string{"丁一", "马四"})); err != nil || n != 2 {
		t.Fatalf("WhereIn: %d %v", n, err)
	}
}

func names(ms []data.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func TestSettingsThresholdsValidatedAndOtherKeysKept(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if err := s.SetSetting(ctx, "train.hours", "40"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "train.hours", "很多"); err == nil {
		t.Fatal("a non-numeric threshold was accepted")
	}
	if err := s.SetSetting(ctx, "ui.operator", "组织员小王"); err != nil {
		t.Fatal(err)
	}
	set, err := s.RuleSettings(ctx)
	if err != nil {
		t.Fatalf("a non-rule setting broke the rules' settings: %v", err)
	}
	if set.TrainingHours != 40 {
		t.Fatalf("threshold not stored: %d", set.TrainingHours)
	}
}

func TestTryUndoesOnlyTheFailedStep(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	err := s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.Try(ctx, func() error { return tx.Members.Create(ctx, validMember(b, "甲", 1)) }); err != nil {
			return err
		}
		failed := tx.Try(ctx, func() error {
			if err := tx.Members.Create(ctx, validMember(b, "乙", 2)); err != nil {
				return err
			}
			return tx.Members.Create(ctx, validMember(b, "丙", 1)) // duplicate of 甲
		})
		if failed == nil {
			t.Error("the duplicate was accepted")
		}
		return tx.Try(ctx, func() error { return tx.Members.Create(ctx, validMember(b, "丁", 3)) })
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Members.List(ctx, data.OrderBy("name"))
	if len(got) != 2 || got[0].Name != "丁" || got[1].Name != "甲" {
		t.Fatalf("after a failed step: %v (乙 must be undone with it)", names(got))
	}
	if n, _ := s.AuditCount(ctx); n != 2+2+settingsCount(t, s) {
		t.Fatalf("audit has %d entries: the undone step left some", n)
	}
}

func TestDeleteRefusedWhileReferenced(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "钱七", 4)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	err := s.Branches.Delete(ctx, b)
	if !errors.Is(err, data.ErrReferenced) || !strings.Contains(err.Error(), "党员") {
		t.Fatalf("deleting a branch with members: %v", err)
	}
	if err := s.Members.Delete(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.Branches.Delete(ctx, b); err != nil {
		t.Fatalf("deleting an emptied branch: %v", err)
	}
}

func TestAuditNeverRecordsIDNumbersOrPhones(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "孙八", 5)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	oldID := m.IDNumber
	fixed := validMember(b, "孙八", 6)
	m.IDNumber, m.Phone = fixed.IDNumber, "13912345678"
	if err := s.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	body := fmt.Sprint(h)
	for _, secret := range []string{oldID, m.IDNumber, "13912345678", "13800138000"} {
		if strings.Contains(body, secret) {
			t.Fatalf("the audit log holds personal data %q: %s", secret, body)
		}
	}
	if _, ok := h[1].Changes["id_number"]; !ok {
		t.Fatal("the audit log does not say the 公民身份号码 changed")
	}
}

func TestOpenRefusesOtherSQLiteFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, path := range []string{empty, other} {
		before, _ := os.ReadFile(path)
		if _, err := data.Open(ctx, path); err == nil || !strings.Contains(err.Error(), "不是本程序的数据库") {
			t.Fatalf("%s: Open = %v", filepath.Base(path), err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Fatalf("%s: Open changed a file that is not ours", filepath.Base(path))
		}
	}
}

func TestOneDuesRecordPerMemberAndMonth(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "周九", 8)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	d := &data.Dues{MemberID: data.Ref(m.ID), Month: "2026年3月", Due: 6000, Paid: 6000}
	if err := s.Dues.Create(ctx, d); err != nil {
		t.Fatal(err)
	}
	if d.Month != "2026-03" {
		t.Fatalf("month stored as %q", d.Month)
	}
	err := s.Dues.Create(ctx, &data.Dues{MemberID: data.Ref(m.ID), Month: "2026-03", Paid: 100})
	if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != "month" {
		t.Fatalf("a second record for the month: %v", err)
	}
}
