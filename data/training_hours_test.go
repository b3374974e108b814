package data_test

import (
	"context"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
)

// TestTrainingSessionNeedsHours: a session of 0 学时 or less is refused
// with a plain message under 学时, whatever its form; a positive 学时 is
// stored.
func TestTrainingSessionNeedsHours(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tests := []struct {
		form  vocab.TrainingForm
		hours float64
		ok    bool
	}{
		{vocab.FormGroupStudy, 0, false},
		{vocab.FormGroupStudy, -1, false},
		{vocab.FormSelfStudy, 0, false},
		{vocab.FormGroupStudy, 0.5, true},
		{vocab.FormSelfStudy, 2, true},
	}
	for _, tt := range tests {
		tr := &data.Training{Date: data.NewDate(2024, 3, 5), Hours: tt.hours, Form: string(tt.form), Topic: "学习党章"}
		err := s.Trainings.Create(ctx, tr)
		if tt.ok {
			if err != nil {
				t.Errorf("%s of %v 学时: %v", tt.form, tt.hours, err)
			}
			continue
		}
		ps := data.ProblemsOf(err)
		if len(ps) != 1 || ps[0].Col != "hours" || ps[0].Label != "学时" || ps[0].Msg != "应大于0" {
			t.Errorf("%s of %v 学时: %v, want 「学时」应大于0", tt.form, tt.hours, err)
		}
	}
}
