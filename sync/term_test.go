package snapshot

import (
	"strings"
	"testing"
	"time"
)

func TestParseTerm(t *testing.T) {
	for _, tc := range []struct {
		in    string
		label string // "" when refused
		year  int
	}{
		{"2026-2027-1", "2026—2027学年第一学期", 2026},
		{"2026-2027-2", "2026—2027学年第二学期", 2027},
		{"1999-2000-1", "1999—2000学年第一学期", 1999},
		{"2026-2028-1", "", 0},
		{"2026-2026-1", "", 0},
		{"2026-2027-3", "", 0},
		{"2026-2027-0", "", 0},
		{"2026-27-1", "", 0},
		{"2026-2027", "", 0},
		{" 2026-2027-1", "", 0},
		{"2026-2027-1\n", "", 0},
		{"２０２６-２０２７-１", "", 0},
		{"", "", 0},
		{"../2026-2027-1", "", 0},
	} {
		term, err := ParseTerm(tc.in)
		switch {
		case tc.label == "" && err == nil:
			t.Errorf("ParseTerm(%q) = %v, want refused", tc.in, term)
		case tc.label == "" && !strings.Contains(err.Error(), "学期"):
			t.Errorf("ParseTerm(%q): %v, want a message in Chinese naming the term", tc.in, err)
		case tc.label != "" && err != nil:
			t.Errorf("ParseTerm(%q): %v", tc.in, err)
		case tc.label != "" && (term.Label() != tc.label || term.String() != tc.in || term.Year() != tc.year):
			t.Errorf("ParseTerm(%q) = %s %s year %d, want %s year %d", tc.in, term, term.Label(), term.Year(), tc.label, tc.year)
		}
	}
	if got := TermLabel("2026-2027-2"); got != "2026—2027学年第二学期" {
		t.Errorf("TermLabel = %s", got)
	}
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d.Add(15 * time.Hour) // a time of day changes nothing
}

func TestTermOn(t *testing.T) {
	calendar := []TermSpan{
		{Term: "2026-2027-1", Start: "2026-08-24", End: "2027-01-17"},
		{Term: "2026-2027-2", Start: "2027-02-22", End: "2027-07-04"},
	}
	for _, tc := range []struct {
		day      string
		calendar []TermSpan
		want     string
	}{
		{"2026-09-01", nil, "2026-2027-1"},
		{"2026-12-31", nil, "2026-2027-1"},
		{"2027-01-31", nil, "2026-2027-1"},
		{"2027-02-01", nil, "2026-2027-2"},
		{"2027-08-31", nil, "2026-2027-2"},
		{"2026-08-31", nil, "2025-2026-2"},
		{"2026-08-24", calendar, "2026-2027-1"}, // the calendar's first day
		{"2026-08-23", calendar, "2025-2026-2"}, // before it: the usual rule
		{"2027-01-17", calendar, "2026-2027-1"},
		{"2027-01-20", calendar, "2026-2027-1"}, // between two terms: the usual rule
		{"2027-02-10", calendar, "2026-2027-2"},
		{"2027-02-22", calendar, "2026-2027-2"},
		{"2027-07-10", calendar, "2026-2027-2"},
		{"2027-08-30", calendar, "2026-2027-2"},
		{"2027-09-01", calendar, "2027-2028-1"},
	} {
		if got := TermOn(date(tc.day), tc.calendar); got != tc.want {
			t.Errorf("TermOn(%s, %d spans) = %s, want %s", tc.day, len(tc.calendar), got, tc.want)
		}
	}
	// A calendar that starts a term early moves the day into it.
	early := []TermSpan{{Term: "2027-2028-1", Start: "2027-08-20", End: "2028-01-10"}}
	if got := TermOn(date("2027-08-25"), early); got != "2027-2028-1" {
		t.Errorf("TermOn in a term the calendar starts early = %s", got)
	}
}

func TestTermEndedAndStarted(t *testing.T) {
	term, _ := ParseTerm("2026-2027-1")
	calendar := []TermSpan{{Term: "2026-2027-1", Start: "2026-08-24", End: "2027-01-17"}}
	for _, tc := range []struct {
		day              string
		calendar         []TermSpan
		started, stopped bool
	}{
		{"2026-08-31", nil, false, false},
		{"2026-09-01", nil, true, false},
		{"2027-01-31", nil, true, false},
		{"2027-02-01", nil, true, true},
		{"2026-08-24", calendar, true, false},
		{"2027-01-17", calendar, true, false},
		{"2027-01-18", calendar, true, true},
	} {
		if got := term.Started(date(tc.day), tc.calendar); got != tc.started {
			t.Errorf("Started on %s = %v", tc.day, got)
		}
		if got := term.Ended(date(tc.day), tc.calendar); got != tc.stopped {
			t.Errorf("Ended on %s = %v", tc.day, got)
		}
	}
}

func TestCheckCalendar(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spans []TermSpan
		want  string // part of the message, "" for accepted
	}{
		{"none", nil, ""},
		{"two terms", []TermSpan{{"2026-2027-1", "2026-09-01", "2027-01-15"}, {"2026-2027-2", "2027-02-20", "2027-07-05"}}, ""},
		{"misnamed", []TermSpan{{"2026秋", "2026-09-01", "2027-01-15"}}, "写法不对"},
		{"bad start", []TermSpan{{"2026-2027-1", "2026/9/1", "2027-01-15"}}, "开始日期"},
		{"bad end", []TermSpan{{"2026-2027-1", "2026-09-01", "2027-02-30"}}, "结束日期"},
		{"backwards", []TermSpan{{"2026-2027-1", "2027-01-15", "2026-09-01"}}, "早于"},
		{"twice", []TermSpan{{"2026-2027-1", "2026-09-01", "2027-01-15"}, {"2026-2027-1", "2026-09-02", "2027-01-16"}}, "两次"},
		{"overlap", []TermSpan{{"2026-2027-2", "2027-01-15", "2027-07-05"}, {"2026-2027-1", "2026-09-01", "2027-01-15"}}, "重叠"},
	} {
		err := CheckCalendar(tc.spans)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want a message with %q", tc.name, err, tc.want)
		}
	}
}

func TestTermCalendarOfTheCommittee(t *testing.T) {
	w := newWorld(t)
	c := w.committee
	if cal, err := c.TermCalendar(); err != nil || cal != nil {
		t.Fatalf("calendar before any: %v, %v", cal, err)
	}
	spans := []TermSpan{{Term: "2026-2027-1", Start: "2026-08-24", End: "2027-01-17"}}
	if err := c.SaveTermCalendar(spans); err != nil {
		t.Fatal(err)
	}
	if got, err := c.CurrentTerm(date("2027-01-17")); err != nil || got != "2026-2027-1" {
		t.Fatalf("current term on the calendar's last day: %s, %v", got, err)
	}
	if err := c.SaveTermCalendar([]TermSpan{{Term: "秋季", Start: "2026-08-24", End: "2027-01-17"}}); err == nil {
		t.Fatal("a misnamed term was kept")
	}
	if cal, _ := c.TermCalendar(); len(cal) != 1 || cal[0] != spans[0] {
		t.Fatalf("a refused calendar changed the kept one: %v", cal)
	}
}
