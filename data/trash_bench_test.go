package data_test

import (
	"context"
	"testing"
)

// BenchmarkTrash5000 measures listing the recycle bin of a demo
// organization of 5,000 members with a year of records, 200 of its 党费
// rows and 20 sessions (with their attendance) deleted.
func BenchmarkTrash5000(b *testing.B) {
	ctx := context.Background()
	s := benchDB(b, 5000)
	defer s.Close()
	dues, err := s.Dues.List(ctx)
	if err != nil || len(dues) < 200 {
		b.Fatalf("%d dues rows (%v)", len(dues), err)
	}
	for i := range 200 {
		if err := s.DeletePayment(ctx, &dues[i*len(dues)/200]); err != nil {
			b.Fatal(err)
		}
	}
	trainings, err := s.Trainings.List(ctx)
	if err != nil || len(trainings) < 20 {
		b.Fatalf("%d sessions (%v)", len(trainings), err)
	}
	for i := range 20 {
		if err := s.DeleteTraining(ctx, &trainings[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var n int
	for b.Loop() {
		items, err := s.Trash(ctx)
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}
