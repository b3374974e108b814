package documents

import (
	"context"
	"testing"
	"time"
)

// formsTargetTime is the target of the appraisal and agreement forms of a
// 2,000-member organization, built and rendered as a PDF.
const formsTargetTime = 2 * time.Second

// BenchmarkAgreement2000 prints the 党员目标管理责任书 (one part per member,
// every target) of a 2,000-member organization. Target: under 2 s.
func BenchmarkAgreement2000(b *testing.B) {
	s := benchStore(b, 2000)
	if _, each := benchWrite(b, s, Agreement); each > formsTargetTime {
		b.Logf("the agreements took %v, over the %v target", each.Round(time.Millisecond), formsTargetTime)
	}
}

// BenchmarkFormsBuild2000 times building alone (reading the store and
// making the layout model) of the appraisal and agreement forms of a
// 2,000-member organization, to tell it from rendering.
func BenchmarkFormsBuild2000(b *testing.B) {
	s := benchStore(b, 2000)
	for _, k := range []Kind{Appraisal, Agreement} {
		b.Run(string(k), func(b *testing.B) {
			opts := Options{Now: benchAsOf.Add(12 * time.Hour)}
			parts := 0
			b.ReportAllocs()
			for b.Loop() {
				d, err := Build(context.Background(), s, k, opts)
				if err != nil {
					b.Fatal(err)
				}
				parts = len(d.Parts)
			}
			b.ReportMetric(float64(parts), "forms")
		})
	}
}
