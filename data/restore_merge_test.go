package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"dangjian/data"
)

// TestMergeCarriesARestoredRecordLive: the committee's consolidation of a
// snapshot holds a restored record live (its newer version) and a deleted
// one deleted.
func TestMergeCarriesARestoredRecordLive(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	back := &data.Talk{MemberID: data.Ref(ms["张三"].ID), Date: data.NewDate(2026, 3, 1), Talker: "书记"}
	gone := &data.Talk{MemberID: data.Ref(ms["李四"].ID), Date: data.NewDate(2026, 3, 2), Talker: "书记"}
	must(t, s.Talks.Create(ctx, back))
	must(t, s.Talks.Create(ctx, gone))
	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{ms["张三"].ID, ms["李四"].ID}))
	dir := t.TempDir()
	must(t, s.Talks.Delete(ctx, back))
	must(t, s.Talks.Delete(ctx, gone))
	must(t, s.DeleteTraining(ctx, tr))
	must(t, s.RestoreDeleted(ctx, "talks", back.ID))
	must(t, s.RestoreDeleted(ctx, "trainings", tr.ID))
	after := filepath.Join(dir, "after.db")
	must(t, data.Merge(ctx, after, []string{snapshotTo(t, s, dir, "after.snapshot")}))

	merged, err := data.Open(ctx, after)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	got, err := merged.Talks.Get(ctx, back.ID)
	if err != nil || got.Version != 3 {
		t.Errorf("restored talk in the consolidation: %+v (%v)", got, err)
	}
	if _, err := merged.Talks.Get(ctx, gone.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted talk in the consolidation: %v", err)
	}
	if ids, err := merged.TrainingAttendeesOf(ctx, tr.ID); err != nil || len(ids) != 2 {
		t.Errorf("restored session's attendance in the consolidation: %v (%v)", ids, err)
	}
	fig, err := merged.Figures(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	hours := 0.0
	for _, tt := range fig.Facts().Training {
		if tt.MemberID == ms["张三"].ID {
			hours += tt.Hours
		}
	}
	if hours != 2 {
		t.Errorf("张三's hours in the consolidation: %v, want the restored session's 2", hours)
	}
}
