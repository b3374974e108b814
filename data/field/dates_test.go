package field

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	const (
		errNoDate = "日期不存在"
		errYear   = "年份应在1900至2100之间"
	)
	jul1 := day(2019, 7, 1)
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{"2019-07-01", jul1, ""},
		{"2019-7-1", jul1, ""},
		{"2019/7/1", jul1, ""},
		{"2019/07/01", jul1, ""},
		{"2019.07.01", jul1, ""},
		{"2019.7.1", jul1, ""},
		{"2019 - 07 - 01", jul1, ""},
		{"2019年7月1日", jul1, ""},
		{"2019年07月01日", jul1, ""},
		{"2019 年 7 月 1 日", jul1, ""},
		{"2019年7月1", jul1, ""},
		{"20190701", jul1, ""},
		{"２０１９－０７－０１", jul1, ""},
		{"２０１９年７月１日", jul1, ""},
		{"２０１９０７０１", jul1, ""},
		{"\u30002019-07-01\n", jul1, ""},
		// Trailing time of day.
		{"2019-07-01 00:00:00", jul1, ""},
		{"2019-07-01 8:30", jul1, ""},
		{"2019-07-01T00:00:00Z", jul1, ""},
		{"2019-07-01T23:59:59.999+08:00", jul1, ""},
		{"2019/7/1 0:00", jul1, ""},
		{"2019年7月1日 10:00", jul1, ""},
		{"2019-07-01 25:00", time.Time{}, "日期格式无法识别：“2019-07-01 25:00”"},
		// Excel serials (1900 date system).
		{"43647", jul1, ""},
		{"43647.5", jul1, ""},
		{"43647.999988426", jul1, ""},
		{"４３６４７", jul1, ""},
		{"1", day(1900, 1, 1), ""},
		{"59", day(1900, 2, 28), ""},
		{"60", time.Time{}, errNoDate}, // Excel's 1900-02-29
		{"61", day(1900, 3, 1), ""},
		{"36526", day(2000, 1, 1), ""},
		{"73415", day(2100, 12, 31), ""},
		{"73416", time.Time{}, errYear},
		{"99999", time.Time{}, errYear},
		{"0", time.Time{}, errNoDate},
		{"0.5", time.Time{}, errNoDate},
		{"9133", day(1925, 1, 1), ""},
		{"123456", time.Time{}, "日期格式无法识别：“123456”"},
		// A bare year is not a serial.
		{"2019", time.Time{}, "日期格式无法识别：“2019”"},
		{"2019.7", time.Time{}, "日期格式无法识别：“2019.7”"},
		{"1899", day(1905, 3, 13), ""},
		// 29 February.
		{"2024-02-29", day(2024, 2, 29), ""},
		{"2000-02-29", day(2000, 2, 29), ""},
		{"2023-02-29", time.Time{}, errNoDate},
		{"1900-02-29", time.Time{}, errNoDate},
		{"2100-02-29", time.Time{}, errNoDate},
		{"2019-02-30", time.Time{}, errNoDate},
		{"2019-04-31", time.Time{}, errNoDate},
		{"2019-13-01", time.Time{}, errNoDate},
		{"2019-00-10", time.Time{}, errNoDate},
		{"2019-01-00", time.Time{}, errNoDate},
		{"20190230", time.Time{}, errNoDate},
		{"2019年2月30日", time.Time{}, errNoDate},
		// Year range.
		{"1900-01-01", day(1900, 1, 1), ""},
		{"2100-12-31", day(2100, 12, 31), ""},
		{"1899-12-31", time.Time{}, errYear},
		{"2101-01-01", time.Time{}, errYear},
		// Unrecognized.
		{"2019-07/01", time.Time{}, "日期格式无法识别：“2019-07/01”"},
		{"19-7-1", time.Time{}, "日期格式无法识别：“19-7-1”"},
		{"7/1/2019", time.Time{}, "日期格式无法识别：“7/1/2019”"},
		{"2019-07", time.Time{}, "日期格式无法识别：“2019-07”"},
		{"昨天", time.Time{}, "日期格式无法识别：“昨天”"},
		{"这是一段非常非常长的说明文字而不是一个日期的内容", time.Time{}, "日期格式无法识别：“这是一段非常非常长的说明文字而不是一个日…”"},
		{"-43647", time.Time{}, "日期格式无法识别：“-43647”"},
		{"", time.Time{}, "未填写"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if wantErr(t, tt.in, err, tt.err) && !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if err == nil && got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) not UTC: %s", tt.in, got)
		}
	}
	if _, err := ParseDate("\u3000"); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank: %v, want ErrEmpty", err)
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{day(2019, 7, 1), "2019-07-01"},
		{day(1900, 1, 1), "1900-01-01"},
		{time.Date(2019, 7, 1, 23, 0, 0, 0, time.UTC), "2019-07-01"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.in); got != tt.want {
			t.Errorf("FormatDate(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseMonth(t *testing.T) {
	mar := day(2026, 3, 1)
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{"2026-03", mar, ""},
		{"2026-3", mar, ""},
		{"2026/3", mar, ""},
		{"2026/03", mar, ""},
		{"2026.03", mar, ""},
		{"2026.3", mar, ""},
		{"2026年3月", mar, ""},
		{"2026 年 03 月", mar, ""},
		{"2026年3", mar, ""},
		{"202603", mar, ""},
		{"２０２６－０３", mar, ""},
		{"２０２６年３月", mar, ""},
		{"2026-03-15", mar, ""},
		{"2026年3月31日", mar, ""},
		{"20260301", mar, ""},
		{"2026-03-15 00:00:00", mar, ""},
		{"46096", mar, ""}, // Excel serial of 2026-03-15
		{"2026-12", day(2026, 12, 1), ""},
		{"1900-01", day(1900, 1, 1), ""},
		{"2100-12", day(2100, 12, 1), ""},
		{"2026-13", time.Time{}, "月份不存在"},
		{"2026-00", time.Time{}, "月份不存在"},
		{"202613", time.Time{}, "月份不存在"},
		{"2026年0月", time.Time{}, "月份不存在"},
		{"1899-12", time.Time{}, "年份应在1900至2100之间"},
		{"2101-01", time.Time{}, "年份应在1900至2100之间"},
		{"2026-02-30", time.Time{}, "日期不存在"},
		{"2026", time.Time{}, "月份格式无法识别：“2026”"},
		{"3月", time.Time{}, "月份格式无法识别：“3月”"},
		{"2026-3月", time.Time{}, "月份格式无法识别：“2026-3月”"},
		{"", time.Time{}, "未填写"},
	}
	for _, tt := range tests {
		got, err := ParseMonth(tt.in)
		if wantErr(t, tt.in, err, tt.err) && !got.Equal(tt.want) {
			t.Errorf("ParseMonth(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFormatMonth(t *testing.T) {
	if got := FormatMonth(time.Time{}); got != "" {
		t.Errorf("FormatMonth(zero) = %q", got)
	}
	if got := FormatMonth(day(2026, 3, 15)); got != "2026-03" {
		t.Errorf("FormatMonth = %q, want 2026-03", got)
	}
}
