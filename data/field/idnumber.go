package field

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"dangjian/data/vocab"
)

// IDNumber is a validated 公民身份号码 (GB 11643-1999).
type IDNumber struct {
	Number string    // the 18 characters, digits and possibly a final upper-case X
	Birth  time.Time // the birth date in the number, midnight UTC
	Male   bool      // the 17th digit is odd
}

// The fixed error texts. None of them may ever include the number.
var (
	errIDChars          = errors.New("公民身份号码含非法字符")
	errIDCheck          = errors.New("公民身份号码校验码错误")
	errIDBirth          = errors.New("公民身份号码中的出生日期无效")
	errIDFuture         = errors.New("公民身份号码中的出生日期晚于今天")
	errIDBirthMismatch  = errors.New("出生日期与公民身份号码不符")
	errIDGenderMismatch = errors.New("性别与公民身份号码不符")
)

// idWeights are the GB 11643 weights of the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps the weighted sum modulo 11 to the check character.
const idCheckChars = "10X98765432"

// idCheckChar returns the check character for the first 17 digits of d,
// which must be ASCII digits.
func idCheckChar(d string) byte {
	sum := 0
	for i, w := range idWeights {
		sum += int(d[i]-'0') * w
	}
	return idCheckChars[sum%11]
}

// firstBirth is the earliest birth date a 公民身份号码 may carry.
var firstBirth = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseIDNumber validates a 公民身份号码. It normalizes the text (full-width
// digits, lower-case x, spaces anywhere), then requires 18 characters: 17
// digits and a digit or X, with the right GB 11643 check character, and a
// real birth date in characters 7–14 between 1900-01-01 and today. Only the
// calendar date of today is used; a zero today means time.Now().
//
// Errors are specific Chinese sentences, such as
// "公民身份号码应为18位,实为17位" or "公民身份号码校验码错误", and never
// contain the number or any part of it. An empty value gives ErrEmpty.
func ParseIDNumber(s string, today time.Time) (IDNumber, error) {
	s = strings.ReplaceAll(removeBlanks(Normalize(s)), "x", "X")
	if s == "" {
		return IDNumber{}, ErrEmpty
	}
	if n := utf8.RuneCountInString(s); n != 18 {
		return IDNumber{}, fmt.Errorf("公民身份号码应为18位,实为%d位", n)
	}
	// 18 runes; all must be ASCII, so 18 bytes.
	if len(s) != 18 {
		return IDNumber{}, errIDChars
	}
	for i := 0; i < 17; i++ {
		if !isDigit(s[i]) {
			return IDNumber{}, errIDChars
		}
	}
	if !isDigit(s[17]) && s[17] != 'X' {
		return IDNumber{}, errIDChars
	}
	if idCheckChar(s) != s[17] {
		return IDNumber{}, errIDCheck
	}
	y, m, d := atoi(s[6:10]), atoi(s[10:12]), atoi(s[12:14])
	birth, ok := civilDate(y, m, d)
	if !ok || birth.Before(firstBirth) {
		return IDNumber{}, errIDBirth
	}
	if today.IsZero() {
		today = time.Now()
	}
	if birth.After(dateOf(today)) {
		return IDNumber{}, errIDFuture
	}
	return IDNumber{Number: s, Birth: birth, Male: (s[16]-'0')%2 == 1}, nil
}

// CheckIDMatches checks a member's other cells against the 公民身份号码: a
// non-zero birth must be the same calendar date as id.Birth
// ("出生日期与公民身份号码不符"), and a gender of 男 or 女 must agree with
// the parity of the 17th digit ("性别与公民身份号码不符"). Other gender
// values are not checked. The birth mismatch is reported first.
func CheckIDMatches(id IDNumber, birth time.Time, gender string) error {
	if !birth.IsZero() && !dateOf(birth).Equal(dateOf(id.Birth)) {
		return errIDBirthMismatch
	}
	switch Normalize(gender) {
	case string(vocab.Male):
		if !id.Male {
			return errIDGenderMismatch
		}
	case string(vocab.Female):
		if id.Male {
			return errIDGenderMismatch
		}
	}
	return nil
}

// MakeIDNumber builds a valid 公民身份号码 for demo data and tests: the
// 6-digit region, the birth date as YYYYMMDD, two sequence digits
// (seq mod 100), a 17th digit whose parity gives the gender, and the check
// character. The 17th digit is 2×(seq/100 mod 5), plus 1 for male, so
// 0 ≤ seq < 500 gives distinct numbers for one region, date and gender, and
// any valid number n is rebuilt from its own parts with
// seq = n[14:16] + 100×(n[16]/2). A negative seq counts from 500 downwards.
//
// It panics if region is not 6 ASCII digits or the year of birth is not
// between 0 and 9999: both are programming errors.
func MakeIDNumber(region string, birth time.Time, seq int, male bool) string {
	if len(region) != 6 || !allDigits(region) {
		panic("field.MakeIDNumber: region must be 6 digits")
	}
	y, m, d := birth.Date()
	if y < 0 || y > 9999 {
		panic("field.MakeIDNumber: year of birth out of range")
	}
	seq %= 500
	if seq < 0 {
		seq += 500
	}
	parity := 2 * (seq / 100)
	if male {
		parity++
	}
	body := fmt.Sprintf("%s%04d%02d%02d%02d%d", region, y, int(m), d, seq%100, parity)
	return body + string(idCheckChar(body))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// atoi converts a short string of ASCII digits (already checked) to an int.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
