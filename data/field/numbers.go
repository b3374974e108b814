package field

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// maxHours is the largest 学时 a single record may carry.
const maxHours = 1000

var (
	errHoursNegative = errors.New("学时不能为负数")
	errHoursNumber   = errors.New("学时应为数字")
	errHoursDecimals = errors.New("学时最多两位小数")
	errHoursTooLarge = errors.New("学时不能超过1000")

	errMoneyNegative = errors.New("金额不能为负数")
	errMoneyNumber   = errors.New("金额应为数字")
	errMoneyDecimals = errors.New("金额最多两位小数")
	errMoneyTooLarge = errors.New("金额过大")
)

var (
	// A plain non-negative decimal: 12, 12.5, 0.25, .5, 12.
	reDecimal = regexp.MustCompile(`^(\d*)(?:\.(\d*))?$`)
	// The same with thousands separators: 1,234.50.
	reGrouped = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$`)
)

// splitDecimal reads a non-negative decimal written with ASCII digits and an
// optional point (and, when grouped is true, thousands separators). It
// returns the integer digits and the fraction digits; ok is false when s is
// not such a number.
func splitDecimal(s string, grouped bool) (intPart, frac string, ok bool) {
	m := reDecimal.FindStringSubmatch(s)
	if m == nil && grouped {
		m = reGrouped.FindStringSubmatch(s)
		if m != nil {
			m[1] = strings.ReplaceAll(m[1], ",", "")
		}
	}
	if m == nil || m[1] == "" && m[2] == "" {
		return "", "", false
	}
	return m[1], m[2], true
}

// ParseHours reads a 学时 cell: a non-negative number with at most two
// decimals and at most 1000, optionally followed by 学时 or 小时
// ("1.5", "２学时", "3 小时"). Errors: "学时不能为负数", "学时应为数字",
// "学时最多两位小数", "学时不能超过1000". An empty value gives ErrEmpty.
func ParseHours(s string) (float64, error) {
	s = Normalize(s)
	if s == "" {
		return 0, ErrEmpty
	}
	for _, unit := range []string{"学时", "小时"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = strings.TrimFunc(t, isBlank)
			break
		}
	}
	negative := false
	if t, ok := strings.CutPrefix(s, "-"); ok {
		negative, s = true, strings.TrimFunc(t, isBlank)
	}
	intPart, frac, ok := splitDecimal(s, false)
	if !ok {
		return 0, errHoursNumber
	}
	if negative {
		return 0, errHoursNegative
	}
	if len(frac) > 2 {
		return 0, errHoursDecimals
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 4 {
		return 0, errHoursTooLarge
	}
	h, err := strconv.ParseFloat("0"+intPart+"."+frac+"0", 64)
	if err != nil {
		return 0, errHoursNumber
	}
	if h > maxHours {
		return 0, errHoursTooLarge
	}
	return h, nil
}

// maxMoneyDigits bounds the integer digits of an amount so that its value in
// 分 fits an int64 with room to spare (up to 10^15 元).
const maxMoneyDigits = 15

// ParseMoney reads an amount in 元 and returns it in 分 (cents). Accepted:
// "12", "12.5", "12.50", "¥12.50" (or ￥), "12.50元", "1,234.50", with
// spaces around the sign and unit. The amount is read exactly, without
// floating point. Errors: "金额不能为负数", "金额最多两位小数",
// "金额应为数字", "金额过大". An empty value gives ErrEmpty.
func ParseMoney(s string) (int64, error) {
	s = Normalize(s)
	if s == "" {
		return 0, ErrEmpty
	}
	negative := false
	trim := func() { s = strings.TrimFunc(s, isBlank) }
	if t, ok := strings.CutPrefix(s, "-"); ok {
		negative, s = true, t
		trim()
	}
	if t, ok := strings.CutPrefix(s, "¥"); ok {
		s = t
		trim()
	}
	if t, ok := strings.CutPrefix(s, "-"); ok && !negative {
		negative, s = true, t
		trim()
	}
	if t, ok := strings.CutSuffix(s, "元"); ok {
		s = t
		trim()
	}
	intPart, frac, ok := splitDecimal(s, true)
	if !ok {
		return 0, errMoneyNumber
	}
	if negative {
		return 0, errMoneyNegative
	}
	if len(frac) > 2 {
		return 0, errMoneyDecimals
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > maxMoneyDigits {
		return 0, errMoneyTooLarge
	}
	frac += strings.Repeat("0", 2-len(frac))
	yuan, _ := strconv.ParseInt("0"+intPart, 10, 64)
	fen, _ := strconv.ParseInt(frac, 10, 64)
	return yuan*100 + fen, nil
}

// FormatMoney writes an amount in 分 as 元 with two decimals: 123450 →
// "1234.50", -5 → "-0.05".
func FormatMoney(cents int64) string {
	sign := ""
	u := uint64(cents)
	if cents < 0 {
		sign, u = "-", -u
	}
	return sign + strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
}
