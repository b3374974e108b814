package field

import (
	"errors"
	"regexp"
	"time"
)

// The years a date or month may have.
const (
	minYear = 1900
	maxYear = 2100
)

var (
	errNoSuchDate  = errors.New("日期不存在")
	errNoSuchMonth = errors.New("月份不存在")
	errYearRange   = errors.New("年份应在1900至2100之间")
)

var (
	// 2019-07-01, 2019/7/1, 2019.07.01; the two separators must agree.
	reDateSep = regexp.MustCompile(`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})$`)
	// 2019年7月1日, spaces allowed, the final 日 optional.
	reDateHan = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$`)
	// 20190701.
	reDate8 = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	// An Excel serial day number, possibly with a time fraction.
	reSerial = regexp.MustCompile(`^(\d{1,5})(?:\.\d*)?$`)
	// A trailing time of day: " 00:00", " 00:00:00", "T00:00:00.000Z", "+08:00".
	reTime = regexp.MustCompile(`^(.*?)(?:\s*T\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$`)

	// 2026-03, 2026/3, 2026.03.
	reMonthSep = regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})$`)
	// 2026年3月, the 月 optional.
	reMonthHan = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月?$`)
	// 202603.
	reMonth6 = regexp.MustCompile(`^(\d{4})(\d{2})$`)
)

// ParseDate reads a date cell and returns it at midnight UTC. Accepted:
// 2019-07-01, 2019-7-1, 2019/7/1, 2019.07.01, 2019年7月1日 (spaces allowed),
// 20190701, full-width digits, an optional trailing time of day
// ("2019-07-01 00:00:00", "2019-07-01T00:00:00Z"; the time and any zone are
// ignored), and an Excel serial day number of the 1900 date system as
// excelize reports raw date cells ("43647" is 2019-07-01; a fraction is
// ignored; at most 5 integer digits).
//
// A bare number from 1900 to 2100 (with or without a fraction) is rejected
// as unrecognized rather than read as a serial in 1905: it is almost always
// a year or a month typed into a date column.
//
// Errors: "日期格式无法识别：“…”", "日期不存在" (2019-02-30, and serial 60,
// Excel's non-existent 1900-02-29), "年份应在1900至2100之间". An empty value
// gives ErrEmpty.
func ParseDate(s string) (time.Time, error) {
	s = Normalize(s)
	if s == "" {
		return time.Time{}, ErrEmpty
	}
	if t, ok, err := parseDateOnly(s); ok {
		return t, err
	}
	if m := reTime.FindStringSubmatch(s); m != nil && validClock(m[2], m[3], m[4]) {
		if t, ok, err := parseDateOnly(m[1]); ok {
			return t, err
		}
	}
	if m := reSerial.FindStringSubmatch(s); m != nil {
		n := atoi(m[1])
		if n < minYear || n > maxYear {
			return fromSerial(n)
		}
	}
	return time.Time{}, errors.New("日期格式无法识别：" + quote(s))
}

// parseDateOnly reads the year-month-day forms (not serials). ok is false
// when s has none of the forms.
func parseDateOnly(s string) (t time.Time, ok bool, err error) {
	var m []string
	switch {
	case matchInto(reDateSep, s, &m):
		if m[2] != m[4] {
			return time.Time{}, false, nil
		}
		m = []string{m[0], m[1], m[3], m[5]}
	case matchInto(reDateHan, s, &m), matchInto(reDate8, s, &m):
	default:
		return time.Time{}, false, nil
	}
	t, err = checkedDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	return t, true, err
}

// matchInto stores the submatches of re in *m and reports whether s matched.
func matchInto(re *regexp.Regexp, s string, m *[]string) bool {
	*m = re.FindStringSubmatch(s)
	return *m != nil
}

// validClock reports whether hour, minute and (optional) second are in range.
func validClock(h, m, s string) bool {
	return atoi(h) < 24 && atoi(m) < 60 && (s == "" || atoi(s) <= 60)
}

// checkedDate returns the date y-m-d at midnight UTC, or the reason it is not
// acceptable.
func checkedDate(y, m, d int) (time.Time, error) {
	if y < minYear || y > maxYear {
		return time.Time{}, errYearRange
	}
	t, ok := civilDate(y, m, d)
	if !ok {
		return time.Time{}, errNoSuchDate
	}
	return t, nil
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
// non-existent 1900-02-29 (a bug kept from Lotus 1-2-3), so from serial 61
// on, day n is n days after 1899-12-30.
var (
	excelEpochEarly = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	excelEpoch      = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
)

// fromSerial converts an Excel serial day number (1900 date system).
func fromSerial(n int) (time.Time, error) {
	var t time.Time
	switch {
	case n < 1, n == 60:
		return time.Time{}, errNoSuchDate
	case n < 60:
		t = excelEpochEarly.AddDate(0, 0, n)
	default:
		t = excelEpoch.AddDate(0, 0, n)
	}
	if t.Year() > maxYear {
		return time.Time{}, errYearRange
	}
	return t, nil
}

// FormatDate writes a date as 2006-01-02, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// ParseMonth reads a month cell (月份) and returns the first day of that
// month at midnight UTC. Accepted: 2026-03, 2026-3, 2026/3, 2026.03,
// 2026年3月, 202603, and anything ParseDate accepts (its month is taken).
// Errors: "月份格式无法识别：“…”", "月份不存在", "日期不存在",
// "年份应在1900至2100之间". An empty value gives ErrEmpty.
func ParseMonth(s string) (time.Time, error) {
	s = Normalize(s)
	if s == "" {
		return time.Time{}, ErrEmpty
	}
	var m []string
	if matchInto(reMonthSep, s, &m) || matchInto(reMonthHan, s, &m) || matchInto(reMonth6, s, &m) {
		y, mo := atoi(m[1]), atoi(m[2])
		if y < minYear || y > maxYear {
			return time.Time{}, errYearRange
		}
		if mo < 1 || mo > 12 {
			return time.Time{}, errNoSuchMonth
		}
		return time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := ParseDate(s)
	if err != nil {
		if errors.Is(err, errNoSuchDate) || errors.Is(err, errYearRange) {
			return time.Time{}, err
		}
		return time.Time{}, errors.New("月份格式无法识别：" + quote(s))
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), nil
}

// FormatMonth writes a month as 2006-01, or "" for the zero time.
func FormatMonth(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01")
}

// civilDate returns y-m-d at midnight UTC and whether that date exists.
func civilDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// dateOf returns the calendar date of t (in t's own location) at midnight UTC.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
