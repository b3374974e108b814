package layout

import (
	"fmt"
	"testing"
)

func TestShare(t *testing.T) {
	tests := []struct {
		widths      []float64
		body, least float64
		want        []float64
	}{
		{[]float64{20, 0, 30}, 100, 12, []float64{20, 50, 30}},
		{[]float64{20, 0, 0}, 100, 12, []float64{20, 40, 40}},
		{[]float64{60, 0, 40}, 100, 10, []float64{600.0 / 11, 100.0 / 11, 400.0 / 11}}, // the least share overflows: all scaled
		{[]float64{50, 50}, 80, 12, []float64{40, 40}},
		{[]float64{0}, 167, 12, []float64{167}},
		{nil, 100, 12, []float64{}},
	}
	for _, tc := range tests {
		got := Share(tc.widths, tc.body, tc.least)
		if fmt.Sprintf("%.3f", got) != fmt.Sprintf("%.3f", tc.want) {
			t.Errorf("Share(%v, %v, %v) = %.3f, want %.3f", tc.widths, tc.body, tc.least, got, tc.want)
		}
		sum := 0.0
		for _, w := range got {
			sum += w
		}
		if sum > tc.body+1e-9 {
			t.Errorf("Share(%v, %v) adds up to %v, more than the body", tc.widths, tc.body, sum)
		}
	}
}
