package rules

import "dangjian/data/vocab"

// The 党费 brackets of 组通字〔2008〕3号, bases in 分.
const (
	duesBracket3000  = 3000_00
	duesBracket5000  = 5000_00
	duesBracket10000 = 10000_00
	duesFlatCents    = 20 // 0.20 元 a month
)

// Dues computes a member's monthly 党费 under 组通字〔2008〕3号. baseCents is
// the monthly after-tax regular income in 分; reduced marks a member who is
// 下岗失业, lives on 抚恤 or 救济, or receives 低保. It returns the amount due
// in 分, rounded half-up to the 分 with integer arithmetic, and the rate for
// display ("0.5%", "1.5%", "每月0.2元").
//
// 在职教职工 and 其他 (and any unknown type): ≤3000元 0.5%, ≤5000元 1%,
// ≤10000元 1.5%, above 2%. 离退休: ≤5000元 0.5%, above 1%. 学生 or reduced:
// 0.2元 flat. A negative base is taken as 0.
func Dues(personType vocab.PersonType, baseCents int64, reduced bool) (dueCents int64, rate string) {
	if personType == vocab.PersonStudent || reduced {
		return duesFlatCents, "每月0.2元"
	}
	base := max(baseCents, 0)
	var permille int64 // rate in tenths of a percent
	switch {
	case personType == vocab.PersonRetired && base <= duesBracket5000:
		permille, rate = 5, "0.5%"
	case personType == vocab.PersonRetired:
		permille, rate = 10, "1%"
	case base <= duesBracket3000:
		permille, rate = 5, "0.5%"
	case base <= duesBracket5000:
		permille, rate = 10, "1%"
	case base <= duesBracket10000:
		permille, rate = 15, "1.5%"
	default:
		permille, rate = 20, "2%"
	}
	return (base*permille + 500) / 1000, rate
}
