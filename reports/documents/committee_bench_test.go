package documents

import (
	"context"
	"io"
	"testing"
)

// BenchmarkCommitteeDocuments writes each committee document of the two
// organizations of the tests as PDF: the figures of every organization
// computed, the document built and rendered.
func BenchmarkCommitteeDocuments(b *testing.B) {
	s, fx := openMerged(b)
	o := committeeOptions(b, s, fx)
	for _, k := range CommitteeKinds {
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				if _, err := WriteCommittee(context.Background(), s, k, PDF, io.Discard, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
