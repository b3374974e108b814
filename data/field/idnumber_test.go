package field

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseIDNumber(t *testing.T) {
	const (
		errLen17 = "公民身份号码应为18位,实为17位"
		errChars = "公民身份号码含非法字符"
		errCheck = "公民身份号码校验码错误"
		errBirth = "公民身份号码中的出生日期无效"
		errLater = "公民身份号码中的出生日期晚于今天"
	)
	tests := []struct {
		in     string
		number string
		birth  time.Time
		male   bool
		err    string
	}{
		// The example of GB 11643 itself: check character X.
		{"11010519491231002X", "11010519491231002X", day(1949, 12, 31), false, ""},
		{"11010519491231002x", "11010519491231002X", day(1949, 12, 31), false, ""},
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", day(1949, 12, 31), false, ""},
		{"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", day(1949, 12, 31), false, ""},
		{" 110105 19491231 002X\u3000", "11010519491231002X", day(1949, 12, 31), false, ""},
		{"11010519491231002Y", "", time.Time{}, false, errChars},
		{"110105194912310021", "", time.Time{}, false, errCheck},
		// 17th digit parity, both ways.
		{"110101199003071233", "110101199003071233", day(1990, 3, 7), true, ""},
		{"110101199003071241", "110101199003071241", day(1990, 3, 7), false, ""},
		// 29 February: real in 2024 (and 2000), not in 2023.
		{"110101202402290016", "110101202402290016", day(2024, 2, 29), true, ""},
		{"11010120000229123X", "11010120000229123X", day(2000, 2, 29), true, ""},
		{MakeIDNumber("110101", day(2023, 2, 28), 0, true), "110101202302280013", day(2023, 2, 28), true, ""},
		{withCheck("11010120230229001"), "", time.Time{}, false, errBirth},
		{withCheck("11010119001301001"), "", time.Time{}, false, errBirth},
		{withCheck("11010119000100001"), "", time.Time{}, false, errBirth},
		// Born today is fine, tomorrow is not.
		{"11010120260315001X", "11010120260315001X", day(2026, 3, 15), true, ""},
		{"110101202603160015", "", time.Time{}, false, errLater},
		// The 1900 lower bound.
		{"440524188001010014", "", time.Time{}, false, errBirth},
		{withCheck("11010119000101001"), withCheck("11010119000101001"), day(1900, 1, 1), true, ""},
		{withCheck("11010118991231001"), "", time.Time{}, false, errBirth},
		// Lengths and characters.
		{"11010519491231002", "", time.Time{}, false, errLen17},
		{"11010519491231002X1", "", time.Time{}, false, "公民身份号码应为18位,实为19位"},
		{"1", "", time.Time{}, false, "公民身份号码应为18位,实为1位"},
		{"X10519491231002X12", "", time.Time{}, false, errChars},
		{"1101051949123100X2", "", time.Time{}, false, errChars},
		{"11010519491231002中", "", time.Time{}, false, errChars},
		{"11010519491231-02X", "", time.Time{}, false, errChars},
		{"", "", time.Time{}, false, "未填写"},
		{"\u3000 ", "", time.Time{}, false, "未填写"},
	}
	for _, tt := range tests {
		id, err := ParseIDNumber(tt.in, today)
		if !wantErr(t, tt.in, err, tt.err) {
			if err != nil && id != (IDNumber{}) {
				t.Errorf("%q: non-zero IDNumber with an error", tt.in)
			}
			continue
		}
		want := IDNumber{Number: tt.number, Birth: tt.birth, Male: tt.male}
		if id != want {
			t.Errorf("ParseIDNumber(%q) = %+v, want %+v", tt.in, id, want)
		}
	}
}

// withCheck appends the right check character to 17 digits.
func withCheck(d string) string { return d + string(idCheckChar(d)) }

func TestParseIDNumberToday(t *testing.T) {
	// Only the calendar date of today counts, whatever its clock and zone.
	late := time.Date(2026, 3, 15, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))
	if _, err := ParseIDNumber("11010120260315001X", late); err != nil {
		t.Errorf("born on today (late in the day): %v", err)
	}
	if _, err := ParseIDNumber("110101202603160015", late); err == nil {
		t.Error("born tomorrow accepted")
	}
	// A zero today means now: a birth date far in the future is refused.
	if _, err := ParseIDNumber(MakeIDNumber("110101", day(2099, 1, 1), 0, true), time.Time{}); err == nil {
		t.Error("zero today: 2099 birth accepted")
	}
	if _, err := ParseIDNumber("11010519491231002X", time.Time{}); err != nil {
		t.Errorf("zero today: %v", err)
	}
	if _, err := ParseIDNumber("", today); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v, want ErrEmpty", err)
	}
}

// idErrorText matches every error text ParseIDNumber may give.
var idErrorText = regexp.MustCompile(`^(公民身份号码应为18位,实为\d+位|公民身份号码含非法字符|公民身份号码校验码错误|公民身份号码中的出生日期无效|公民身份号码中的出生日期晚于今天|未填写)$`)

func TestIDErrorsHideNumber(t *testing.T) {
	inputs := []string{
		"110105194912310021",  // check
		"11010519491231002",   // length
		"1101051949123100212", // length
		"11010519491231002Y",  // character
		"110101202603160015",  // future
		"440524188001010014",  // before 1900
		withCheck("11010120230229001"),
		"张三110105194912310021",
	}
	for _, in := range inputs {
		_, err := ParseIDNumber(in, today)
		if err == nil {
			t.Fatalf("%q accepted", in)
		}
		msg := err.Error()
		if !idErrorText.MatchString(msg) {
			t.Errorf("unexpected error text %q", msg)
		}
		// No run of 4 or more characters of the number appears in the text.
		r := []rune(Normalize(in))
		for i := 0; i+4 <= len(r); i++ {
			if strings.Contains(msg, string(r[i:i+4])) {
				t.Errorf("error %q contains part %q of the number", msg, string(r[i:i+4]))
			}
		}
	}
	id, _ := ParseIDNumber("110101199003071233", today)
	for _, err := range []error{
		CheckIDMatches(id, day(1990, 3, 8), ""),
		CheckIDMatches(id, time.Time{}, "女"),
	} {
		if err == nil || strings.Contains(err.Error(), "1990") || strings.Contains(err.Error(), "0307") {
			t.Errorf("CheckIDMatches error %v", err)
		}
	}
}

func TestCheckIDMatches(t *testing.T) {
	male, _ := ParseIDNumber("110101199003071233", today)
	female, _ := ParseIDNumber("110101199003071241", today)
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name   string
		id     IDNumber
		birth  time.Time
		gender string
		err    string
	}{
		{"all match", male, day(1990, 3, 7), "男", ""},
		{"female match", female, day(1990, 3, 7), "女", ""},
		{"nothing given", male, time.Time{}, "", ""},
		{"other zone, same date", male, time.Date(1990, 3, 7, 0, 0, 0, 0, cst), "男", ""},
		{"unknown gender ignored", male, time.Time{}, "未知", ""},
		{"gender with spaces", female, time.Time{}, " 女\u3000", ""},
		{"birth differs", male, day(1990, 3, 8), "男", "出生日期与公民身份号码不符"},
		{"male but 女", male, time.Time{}, "女", "性别与公民身份号码不符"},
		{"female but 男", female, day(1990, 3, 7), "男", "性别与公民身份号码不符"},
		{"both differ: birth first", female, day(1991, 1, 1), "男", "出生日期与公民身份号码不符"},
	}
	for _, tt := range tests {
		wantErr(t, tt.name, CheckIDMatches(tt.id, tt.birth, tt.gender), tt.err)
	}
}

func TestMakeIDNumber(t *testing.T) {
	tests := []struct {
		region string
		birth  time.Time
		seq    int
		male   bool
		want   string
	}{
		// The standard's example: sequence 00, 17th digit 2 = 2×1, female.
		{"110105", day(1949, 12, 31), 100, false, "11010519491231002X"},
		{"110101", day(1990, 3, 7), 112, true, "110101199003071233"},
		{"110101", day(1990, 3, 7), 212, false, "110101199003071241"},
		{"110101", day(2024, 2, 29), 0, true, "110101202402290016"},
		{"110101", day(1949, 12, 31), 1, true, withCheck("11010119491231011")},
		{"110101", day(1949, 12, 31), 1, false, withCheck("11010119491231010")},
		{"110101", day(1949, 12, 31), 499, true, withCheck("11010119491231999")},
		{"110101", day(1949, 12, 31), 500, false, withCheck("11010119491231000")},
		{"110101", day(1949, 12, 31), -1, false, withCheck("11010119491231998")},
	}
	for _, tt := range tests {
		got := MakeIDNumber(tt.region, tt.birth, tt.seq, tt.male)
		if got != tt.want {
			t.Errorf("MakeIDNumber(%q, %s, %d, %v) = %q, want %q", tt.region, FormatDate(tt.birth), tt.seq, tt.male, got, tt.want)
		}
		id, err := ParseIDNumber(got, today)
		if err != nil {
			t.Errorf("%q does not parse: %v", got, err)
			continue
		}
		if !id.Birth.Equal(tt.birth) || id.Male != tt.male {
			t.Errorf("%q parses as %+v", got, id)
		}
	}
	// Distinct numbers for seq 0..499 of one region, date and gender.
	seen := map[string]bool{}
	for seq := 0; seq < 500; seq++ {
		n := MakeIDNumber("320102", day(2000, 1, 1), seq, seq%2 == 0)
		if seen[n] {
			t.Fatalf("seq %d repeats %s", seq, n)
		}
		seen[n] = true
	}
	for _, bad := range []string{"11010", "1101011", "11010A", "１１０１０１"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MakeIDNumber(%q) did not panic", bad)
				}
			}()
			MakeIDNumber(bad, day(2000, 1, 1), 0, true)
		}()
	}
}
