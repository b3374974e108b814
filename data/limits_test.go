package data_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dangjian/data"
)

// TestStoreRefusesTextsOverTheirLimit writes, through the store, a record
// of each kind of limited text at its limit (saved and read back whole)
// and one character over (refused with a Chinese message naming the field
// and both lengths, nothing saved).
func TestStoreRefusesTextsOverTheirLimit(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	branch := addBranch(t, s, "第一党支部")
	member := validMember(branch, "张三", 1)
	must(t, s.Members.Create(ctx, member))
	seq := 10
	cases := []struct {
		label string
		limit int
		// write saves a record whose field holds text and returns the
		// text read back.
		write func(text string) (string, error)
	}{
		{"姓名", 50, func(text string) (string, error) {
			seq++
			m := validMember(branch, text, seq)
			if err := s.Members.Create(ctx, m); err != nil {
				return "", err
			}
			got, err := s.Members.Get(ctx, m.ID)
			return got.Name, err
		}},
		{"支部名称", 100, func(text string) (string, error) {
			b := &data.Branch{Name: text, Type: "学生"}
			if err := s.Branches.Create(ctx, b); err != nil {
				return "", err
			}
			got, err := s.Branches.Get(ctx, b.ID)
			return got.Name, err
		}},
		{"主题", 200, func(text string) (string, error) {
			tr := &data.Training{Date: data.NewDate(2026, 3, 1), Hours: 2, Form: "党课", Topic: text}
			if err := s.Trainings.Create(ctx, tr); err != nil {
				return "", err
			}
			got, err := s.Trainings.Get(ctx, tr.ID)
			return got.Topic, err
		}},
		{"介绍信编号", 50, func(text string) (string, error) {
			tf := &data.Transfer{MemberID: data.Ref(member.ID), Direction: "转入", OtherOrg: "外国语学院党委",
				LetterNo: text, IssuedDate: data.NewDate(2026, 1, 5), ValidDays: 90}
			if err := s.Transfers.Create(ctx, tf); err != nil {
				return "", err
			}
			got, err := s.Transfers.Get(ctx, tf.ID)
			return got.LetterNo, err
		}},
		{"会议记录", 20000, func(text string) (string, error) {
			m := &data.Meeting{BranchID: data.Ref(branch.ID), Kind: "支委会", Date: data.NewDate(2026, 4, 1), Minutes: text}
			if err := s.Meetings.Create(ctx, m); err != nil {
				return "", err
			}
			got, err := s.Meetings.Get(ctx, m.ID)
			return got.Minutes, err
		}},
	}
	for _, c := range cases {
		t.Run(c.label, func(t *testing.T) {
			for _, char := range []string{"王", "𠀀"} {
				text := strings.Repeat(char, c.limit)
				got, err := c.write(text)
				if err != nil || got != text {
					t.Fatalf("%d×%s: %v (read back %d characters)", c.limit, char, err, len([]rune(got)))
				}
				_, err = c.write(text + char)
				want := fmt.Sprintf("「%s」不能超过%d个字（现为%d个字）", c.label, c.limit, c.limit+1)
				if err == nil || err.Error() != want {
					t.Fatalf("%d×%s: %v, want %s", c.limit+1, char, err, want)
				}
			}
		})
	}
	if n, _ := s.Members.Count(ctx); n != 3 {
		t.Fatalf("%d members saved, want the first and the two at the limit", n)
	}
}

// TestHundredThousandCharacterNameRefused is the case reported: a name of
// 100,000 characters is refused with a message a person can act on.
func TestHundredThousandCharacterNameRefused(t *testing.T) {
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	err := s.Members.Create(context.Background(), validMember(b, strings.Repeat("张", 100000), 1))
	if err == nil || err.Error() != "「姓名」不能超过50个字（现为100000个字）" {
		t.Fatalf("got %v", err)
	}
	if ps := data.ProblemsOf(err); len(ps) != 1 || ps[0].Col != "name" {
		t.Fatalf("problems %+v", ps)
	}
}
