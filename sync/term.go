package snapshot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// TermSpan is one term of the committee's calendar: its name (2026-2027-1)
// and its first and last days (YYYY-MM-DD, both included). The committee
// publishes its calendar as []TermSpan through its channel.
type TermSpan struct {
	Term  string `json:"term"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// Term is a term (学期) of a school year: StartYear-StartYear+1, the first
// (秋季, September to January) or the second (春季, February to August).
type Term struct {
	StartYear int
	Half      int // 1 or 2
}

// termPattern is a term's name: 2026-2027-1.
var termPattern = regexp.MustCompile(`^([0-9]{4})-([0-9]{4})-([12])$`)

// ParseTerm reads a term's name, 2026-2027-1 or 2026-2027-2.
func ParseTerm(s string) (Term, error) {
	m := termPattern.FindStringSubmatch(s)
	if m == nil {
		return Term{}, fmt.Errorf("学期“%s”的写法不对，应写成学年起止年份加第几学期，如 2026-2027-1（秋季学期）或 2026-2027-2（春季学期）", s)
	}
	from, _ := strconv.Atoi(m[1])
	to, _ := strconv.Atoi(m[2])
	if to != from+1 || from < 1949 {
		return Term{}, fmt.Errorf("学期“%s”的学年不对：后一个年份应比前一个大1，如 2026-2027-1", s)
	}
	half, _ := strconv.Atoi(m[3])
	return Term{StartYear: from, Half: half}, nil
}

// String is the term's name, 2026-2027-1.
func (t Term) String() string { return fmt.Sprintf("%d-%d-%d", t.StartYear, t.StartYear+1, t.Half) }

// Label names the term for people: 2026—2027学年第一学期.
func (t Term) Label() string {
	half := "第一学期"
	if t.Half == 2 {
		half = "第二学期"
	}
	return fmt.Sprintf("%d—%d学年%s", t.StartYear, t.StartYear+1, half)
}

// TermLabel names a term's name for people (TermLabel("2026-2027-1") is
// 2026—2027学年第一学期); a name that is no term is returned as it is.
func TermLabel(name string) string {
	t, err := ParseTerm(name)
	if err != nil {
		return name
	}
	return t.Label()
}

// Year is the calendar year most of the term falls in, whose figures the
// term's statistics give: the first year for the autumn term, the second
// for the spring term.
func (t Term) Year() int {
	if t.Half == 1 {
		return t.StartYear
	}
	return t.StartYear + 1
}

// DefaultSpan is the term's first and last days by the usual rule: the
// autumn term from 1 September to 31 January, the spring term from
// 1 February to 31 August.
func (t Term) DefaultSpan() (start, end time.Time) {
	y := t.StartYear
	if t.Half == 1 {
		return calDay(y, time.September, 1), calDay(y+1, time.January, 31)
	}
	return calDay(y+1, time.February, 1), calDay(y+1, time.August, 31)
}

// Span is the term's first and last days: those of the calendar when it
// lists the term, else DefaultSpan.
func (t Term) Span(calendar []TermSpan) (start, end time.Time) {
	for _, s := range calendar {
		if s.Term != t.String() {
			continue
		}
		from, err1 := parseCalDay(s.Start)
		to, err2 := parseCalDay(s.End)
		if err1 == nil && err2 == nil && !to.Before(from) {
			return from, to
		}
	}
	return t.DefaultSpan()
}

// Ended reports whether the term's last day is before the day of now.
func (t Term) Ended(now time.Time, calendar []TermSpan) bool {
	_, end := t.Span(calendar)
	return calDayOf(now).After(end)
}

// Started reports whether the term's first day is at or before the day of now.
func (t Term) Started(now time.Time, calendar []TermSpan) bool {
	start, _ := t.Span(calendar)
	return !calDayOf(now).Before(start)
}

// TermOn is the name of the term the day falls in: the calendar's span
// that holds it, else the term of the usual rule (DefaultSpan).
func TermOn(d time.Time, calendar []TermSpan) string {
	today := calDayOf(d)
	for _, s := range calendar {
		if _, err := ParseTerm(s.Term); err != nil {
			continue
		}
		from, err1 := parseCalDay(s.Start)
		to, err2 := parseCalDay(s.End)
		if err1 == nil && err2 == nil && !today.Before(from) && !today.After(to) {
			return s.Term
		}
	}
	y, m := today.Year(), today.Month()
	switch {
	case m >= time.September:
		return Term{StartYear: y, Half: 1}.String()
	case m == time.January:
		return Term{StartYear: y - 1, Half: 1}.String()
	default:
		return Term{StartYear: y - 1, Half: 2}.String()
	}
}

// CheckCalendar refuses a calendar with a term misnamed, a date that is
// not a day (YYYY-MM-DD), a term ending before it starts, a term listed
// twice, or two terms that overlap.
func CheckCalendar(calendar []TermSpan) error {
	spans := make([]TermSpan, len(calendar))
	copy(spans, calendar)
	seen := map[string]bool{}
	for _, s := range spans {
		if _, err := ParseTerm(s.Term); err != nil {
			return err
		}
		if seen[s.Term] {
			return fmt.Errorf("校历中学期 %s 出现了两次", s.Term)
		}
		seen[s.Term] = true
		from, err := parseCalDay(s.Start)
		if err != nil {
			return fmt.Errorf("校历中学期 %s 的开始日期“%s”不对，应写成 2026-09-01", s.Term, s.Start)
		}
		to, err := parseCalDay(s.End)
		if err != nil {
			return fmt.Errorf("校历中学期 %s 的结束日期“%s”不对，应写成 2027-01-31", s.Term, s.End)
		}
		if to.Before(from) {
			return fmt.Errorf("校历中学期 %s 的结束日期早于开始日期", s.Term)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	for i := 1; i < len(spans); i++ {
		if spans[i].Start <= spans[i-1].End {
			return fmt.Errorf("校历中学期 %s 与 %s 的日期重叠", spans[i-1].Term, spans[i].Term)
		}
	}
	return nil
}

// TermCalendarFile, in the committee's folder, is the term calendar the
// committee published last (a JSON array of TermSpan), which decides the
// current term of a consolidation. The channel writes it with
// SaveTermCalendar when it publishes a calendar.
const TermCalendarFile = "calendar.json"

// TermCalendar is the calendar the committee published last; none (nil)
// before the first.
func (c *Committee) TermCalendar() ([]TermSpan, error) {
	var spans []TermSpan
	err := readJSON(filepath.Join(c.Dir, TermCalendarFile), &spans)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("校历文件 %s 无法读取: %w", TermCalendarFile, err)
	}
	if err := CheckCalendar(spans); err != nil {
		return nil, fmt.Errorf("校历文件 %s 有误: %w", TermCalendarFile, err)
	}
	return spans, nil
}

// SaveTermCalendar keeps the calendar as the committee's (TermCalendar),
// after CheckCalendar; it is called under the committee folder's lock by
// the operation that publishes it.
func (c *Committee) SaveTermCalendar(calendar []TermSpan) error {
	if err := CheckCalendar(calendar); err != nil {
		return err
	}
	if calendar == nil {
		calendar = []TermSpan{}
	}
	return writeJSON(filepath.Join(c.Dir, TermCalendarFile), calendar, true)
}

// CurrentTerm is the term of the day of now by the committee's calendar.
func (c *Committee) CurrentTerm(now time.Time) (string, error) {
	cal, err := c.TermCalendar()
	if err != nil {
		return "", err
	}
	return TermOn(now, cal), nil
}

func calDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dayOf is the calendar day of t where it was taken, at midnight UTC.
func calDayOf(t time.Time) time.Time { return calDay(t.Year(), t.Month(), t.Day()) }

func parseCalDay(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }
