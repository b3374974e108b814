package field

import (
	"math"
	"testing"
)

func TestParseHours(t *testing.T) {
	const (
		errNeg = "学时不能为负数"
		errNum = "学时应为数字"
	)
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{"0", 0, ""},
		{"2", 2, ""},
		{"1.5", 1.5, ""},
		{"0.25", 0.25, ""},
		{"1.50", 1.5, ""},
		{".5", 0.5, ""},
		{"3.", 3, ""},
		{"007", 7, ""},
		{"２", 2, ""},
		{"１．５", 1.5, ""},
		{"4学时", 4, ""},
		{"4 学时", 4, ""},
		{"2.5小时", 2.5, ""},
		{"\u30008\u3000", 8, ""},
		{"1000", 1000, ""},
		{"1000.00", 1000, ""},
		{"1000.01", 0, "学时不能超过1000"},
		{"99999", 0, "学时不能超过1000"},
		{"000000000001", 1, ""},
		{"1.255", 0, "学时最多两位小数"},
		{"-1", 0, errNeg},
		{"-0.5学时", 0, errNeg},
		{"－２", 0, errNeg},
		{"abc", 0, errNum},
		{"1,5", 0, errNum},
		{"1.2.3", 0, errNum},
		{".", 0, errNum},
		{"-", 0, errNum},
		{"学时", 0, errNum},
		{"1e3", 0, errNum},
		{"NaN", 0, errNum},
		{"Inf", 0, errNum},
		{"+3", 0, errNum},
		{"", 0, "未填写"},
	}
	for _, tt := range tests {
		got, err := ParseHours(tt.in)
		if wantErr(t, tt.in, err, tt.err) && got != tt.want {
			t.Errorf("ParseHours(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	const (
		errNeg = "金额不能为负数"
		errDec = "金额最多两位小数"
		errNum = "金额应为数字"
	)
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{"12", 1200, ""},
		{"12.5", 1250, ""},
		{"12.50", 1250, ""},
		{"12.05", 1205, ""},
		{"0.29", 29, ""}, // 0.29*100 is 28.999… in floating point
		{"0.57", 57, ""},
		{"1.15", 115, ""},
		{"0.2", 20, ""},
		{"0.01", 1, ""},
		{"0", 0, ""},
		{"0.00", 0, ""},
		{".5", 50, ""},
		{"¥12.50", 1250, ""},
		{"￥12.50", 1250, ""},
		{"¥ 12.50", 1250, ""},
		{"12.50元", 1250, ""},
		{"12.50 元", 1250, ""},
		{"￥１２．５０元", 1250, ""},
		{"1,234.50", 123450, ""},
		{"1,234,567", 123456700, ""},
		{"１，２３４．５０", 123450, ""},
		{"12,34.5", 0, errNum},
		{"1,2345", 0, errNum},
		{",123", 0, errNum},
		{"12.505", 0, errDec},
		{"12.500", 0, errDec},
		{"-12", 0, errNeg},
		{"-¥12.50", 0, errNeg},
		{"¥-12.50", 0, errNeg},
		{"－１２", 0, errNeg},
		{"abc", 0, errNum},
		{"12元5角", 0, errNum},
		{"1e3", 0, errNum},
		{"¥", 0, errNum},
		{".", 0, errNum},
		{"--1", 0, errNum},
		{"999999999999999.99", 99999999999999999, ""},
		{"1000000000000000", 0, "金额过大"},
		{"", 0, "未填写"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if wantErr(t, tt.in, err, tt.err) && got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0.00"},
		{1, "0.01"},
		{20, "0.20"},
		{1250, "12.50"},
		{123450, "1234.50"},
		{-5, "-0.05"},
		{-123450, "-1234.50"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := FormatMoney(tt.in); got != tt.want {
			t.Errorf("FormatMoney(%d) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.in >= 0 && tt.in < 1e17 {
			if back, err := ParseMoney(tt.want); err != nil || back != tt.in {
				t.Errorf("ParseMoney(FormatMoney(%d)) = %d, %v", tt.in, back, err)
			}
		}
	}
}
