package rules

import (
	"testing"
	"time"
)

func TestBirthday(t *testing.T) {
	tests := []struct {
		name string
		asOf time.Time
		m    Member
		want []string
	}{
		{"twelfth anniversary", d(2026, 11, 20), member("1", "甲", "b", joined(d(2014, 11, 5))),
			[]string{"11月政治生日：入党12周年（2014年11月5日入党）"}},
		{"later in the month still listed", d(2026, 11, 1), member("1", "甲", "b", joined(d(2014, 11, 30))),
			[]string{"11月政治生日：入党12周年（2014年11月30日入党）"}},
		{"first anniversary", d(2026, 11, 20), member("1", "甲", "b", joined(d(2025, 11, 1)), probationary),
			[]string{"11月政治生日：入党1周年（2025年11月1日入党）"}},
		{"joined this month: no anniversary", d(2026, 11, 20), member("1", "甲", "b", joined(d(2026, 11, 1))), nil},
		{"other month", d(2026, 11, 20), member("1", "甲", "b", joined(d(2014, 10, 5))), nil},
		{"AsOf after the year", d(2027, 1, 1), member("1", "甲", "b", joined(d(2014, 1, 5))), nil},
		{"not 正常", d(2026, 11, 20), member("1", "甲", "b", joined(d(2014, 11, 5)), status("已转出")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Members = []Member{tt.m}
			sameLines(t, details(Birthday(f, DefaultSettings())), tt.want)
		})
	}
}

func TestProbation(t *testing.T) {
	asOf := d(2026, 11, 10)
	tests := []struct {
		name string
		m    Member
		want []string
	}{
		{"ends in 31 days", member("1", "甲", "b", probationary, joined(d(2025, 12, 11))), nil},
		{"ends in 30 days", member("1", "甲", "b", probationary, joined(d(2025, 12, 10))),
			[]string{"预备期将于2026年12月10日届满，请及时讨论转正"}},
		{"ends today", member("1", "甲", "b", probationary, joined(d(2025, 11, 10))),
			[]string{"预备期将于2026年11月10日届满，请及时讨论转正"}},
		{"ended yesterday", member("1", "甲", "b", probationary, joined(d(2025, 11, 9))),
			[]string{"预备期已于2026年11月9日届满，尚未讨论转正"}},
		{"ended months ago", member("1", "甲", "b", probationary, joined(d(2025, 6, 1))),
			[]string{"预备期已于2026年6月1日届满，尚未讨论转正"}},
		{"正式党员", member("1", "甲", "b", joined(d(2025, 11, 9))), nil},
		{"not 正常", member("1", "甲", "b", probationary, joined(d(2025, 11, 9)), status("停止党籍")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, asOf)
			f.Members = []Member{tt.m}
			sameLines(t, details(Probation(f, DefaultSettings())), tt.want)
		})
	}
}

func TestFifty(t *testing.T) {
	f := newFacts(2026, d(2026, 3, 1))
	f.Branches = []Branch{branch("b", "离退休支部")}
	f.Members = []Member{
		member("1", "甲", "b", joined(d(1975, 7, 1)), confirmedOn(d(1976, 7, 1))),
		member("2", "乙", "b", joined(d(1975, 12, 31)), confirmedOn(d(1976, 12, 31))),
		member("3", "丙", "b", joined(d(1976, 1, 1)), confirmedOn(d(1977, 1, 1))),
		member("4", "丁", "b", joined(d(1974, 12, 31)), confirmedOn(d(1975, 12, 31))),
		member("5", "戊", "b", joined(d(1975, 7, 1)), confirmedOn(d(1976, 7, 1)), status("停止党籍")),
		// 入党 in 1976 but 转正 only in 1977: 党龄 50 next year, not this.
		member("6", "己", "b", joined(d(1976, 3, 1)), confirmedOn(d(1977, 3, 1))),
		// No 转正日期 recorded: a year after 入党.
		member("7", "庚", "b", joined(d(1975, 5, 1)), confirmedOn(time.Time{})),
	}
	want := []string{
		"FIFTY|离退休支部|庚|2026年党龄满50年（1976年转正），可颁发“光荣在党50年”纪念章",
		"FIFTY|离退休支部|甲|2026年党龄满50年（1976年转正），可颁发“光荣在党50年”纪念章",
		"FIFTY|离退休支部|乙|2026年党龄满50年（1976年转正），可颁发“光荣在党50年”纪念章",
	}
	sameLines(t, lines(Fifty(f, DefaultSettings())), want)
}
