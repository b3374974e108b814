package data_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

// membersFor makes n members in one branch, in one transaction.
func membersFor(b *testing.B, s *data.Store, n int) []string {
	b.Helper()
	ctx := context.Background()
	br := addBranch(b, s, "第一党支部")
	ids := make([]string, 0, n)
	err := s.Write(ctx, func(tx *data.Tx) error {
		for i := range n {
			m := validMember(br, "党员", i)
			birth := time.Date(1985, 4, 12+i/500, 0, 0, 0, 0, time.UTC)
			m.BirthDate, m.IDNumber = data.DateOf(birth), field.MakeIDNumber("110101", birth, i%500, true)
			if err := tx.Members.Create(ctx, m); err != nil {
				return err
			}
			ids = append(ids, m.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

// BenchmarkRecordTraining5000 measures saving a session attended by 5,000
// members: recording it, then replacing a tenth of its attendance (500
// removed, 500 added), then deleting and restoring it. Each must take well
// under a second.
func BenchmarkRecordTraining5000(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	ids := membersFor(b, s, 5500)
	first, second := ids[:5000], ids[500:5500]
	b.Run("record", func(b *testing.B) {
		for b.Loop() {
			tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
			if err := s.RecordTraining(ctx, tr, first); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("replace", func(b *testing.B) {
		tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
		if err := s.RecordTraining(ctx, tr, first); err != nil {
			b.Fatal(err)
		}
		sets := [][]string{second, first}
		i := 0
		for b.Loop() {
			if err := s.RecordTraining(ctx, tr, sets[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("delete-restore", func(b *testing.B) {
		tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
		if err := s.RecordTraining(ctx, tr, first); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := s.DeleteTraining(ctx, tr); err != nil {
				b.Fatal(err)
			}
			if err := s.RestoreDeleted(ctx, "trainings", tr.ID); err != nil {
				b.Fatal(err)
			}
			got, err := s.Trainings.Get(ctx, tr.ID)
			if err != nil {
				b.Fatal(err)
			}
			*tr = *got
		}
	})
}
