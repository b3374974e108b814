package rules

import (
	"testing"

	"dangjian/data/vocab"
)

func TestDues(t *testing.T) {
	tests := []struct {
		name       string
		personType vocab.PersonType
		base       int64 // 分
		reduced    bool
		want       int64
		rate       string
	}{
		{"在职 zero", "在职教职工", 0, false, 0, "0.5%"},
		{"在职 negative base", "在职教职工", -100, false, 0, "0.5%"},
		{"在职 half a cent rounds up", "在职教职工", 1_00, false, 1, "0.5%"},
		{"在职 below half a cent rounds down", "在职教职工", 99, false, 0, "0.5%"},
		{"在职 2999.90", "在职教职工", 2999_90, false, 15_00, "0.5%"}, // 14.9995
		{"在职 3000", "在职教职工", 3000_00, false, 15_00, "0.5%"},
		{"在职 3000.01", "在职教职工", 3000_01, false, 30_00, "1%"}, // 30.0001
		{"在职 4321.50", "在职教职工", 4321_50, false, 43_22, "1%"}, // 43.215
		{"在职 5000", "在职教职工", 5000_00, false, 50_00, "1%"},
		{"在职 5000.01", "在职教职工", 5000_01, false, 75_00, "1.5%"},  // 75.00015
		{"在职 6789.30", "在职教职工", 6789_30, false, 101_84, "1.5%"}, // 101.8395
		{"在职 10000", "在职教职工", 10000_00, false, 150_00, "1.5%"},
		{"在职 10000.01", "在职教职工", 10000_01, false, 200_00, "2%"}, // 200.0002
		{"在职 12345.67", "在职教职工", 12345_67, false, 246_91, "2%"}, // 246.9134
		{"其他 like 在职", "其他", 5000_01, false, 75_00, "1.5%"},
		{"离退休 5000", "离退休", 5000_00, false, 25_00, "0.5%"},
		{"离退休 5000.01", "离退休", 5000_01, false, 50_00, "1%"}, // 50.0001
		{"离退休 20000", "离退休", 20000_00, false, 200_00, "1%"},
		{"离退休 3333.33", "离退休", 3333_33, false, 16_67, "0.5%"}, // 16.66665
		{"学生 flat", "学生", 0, false, 20, "每月0.2元"},
		{"学生 flat whatever the base", "学生", 8000_00, false, 20, "每月0.2元"},
		{"在职 reduced", "在职教职工", 8000_00, true, 20, "每月0.2元"},
		{"离退休 reduced", "离退休", 8000_00, true, 20, "每月0.2元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rate := Dues(tt.personType, tt.base, tt.reduced)
			if got != tt.want || rate != tt.rate {
				t.Errorf("Dues(%q, %d, %v) = %d, %q; want %d, %q",
					tt.personType, tt.base, tt.reduced, got, rate, tt.want, tt.rate)
			}
		})
	}
}
