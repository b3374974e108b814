package rules

import "time"

// AgeBand is a band of age in full years (周岁) as the 党内统计 tables print
// it: five-year bands from 31 to 70, with 30 and under and 71 and over.
type AgeBand int8

// The age bands, youngest first, and AgeUnknown for a member whose 出生日期
// is not recorded.
const (
	Age30OrLess AgeBand = iota
	Age31To35
	Age36To40
	Age41To45
	Age46To50
	Age51To55
	Age56To60
	Age61To65
	Age66To70
	Age71OrMore
	AgeUnknown
)

// AgeBands lists the bands of a known age, youngest first.
var AgeBands = []AgeBand{Age30OrLess, Age31To35, Age36To40, Age41To45, Age46To50, Age51To55, Age56To60,
	Age61To65, Age66To70, Age71OrMore}

var ageBandLabels = [...]string{"30岁及以下", "31岁至35岁", "36岁至40岁", "41岁至45岁", "46岁至50岁",
	"51岁至55岁", "56岁至60岁", "61岁至65岁", "66岁至70岁", "71岁及以上", "出生日期未填写"}

// Label is the band as the tables name it.
func (b AgeBand) Label() string {
	if b < 0 || int(b) >= len(ageBandLabels) {
		return ""
	}
	return ageBandLabels[b]
}

// AgeBandOf is the band of an age in full years; a negative age (a birth
// after the day) is taken as the youngest band.
func AgeBandOf(years int) AgeBand {
	switch {
	case years <= 30:
		return Age30OrLess
	case years >= 71:
		return Age71OrMore
	}
	return AgeBand((years-31)/5) + Age31To35
}

// PartyAgeBand is a band of 党龄 in full years, counted from 转正.
type PartyAgeBand int8

// The 党龄 bands, shortest first; PartyAgeProbation for 预备党员, whose 党龄
// has not begun, and PartyAgeUnknown when neither 入党日期 nor 转正日期 is
// recorded.
const (
	PartyAgeUnder5 PartyAgeBand = iota
	PartyAge5To10
	PartyAge11To20
	PartyAge21To30
	PartyAge31To40
	PartyAge41To49
	PartyAge50OrMore
	PartyAgeProbation
	PartyAgeUnknown
)

// PartyAgeBands lists the bands of 正式党员 with a known 党龄, shortest
// first.
var PartyAgeBands = []PartyAgeBand{PartyAgeUnder5, PartyAge5To10, PartyAge11To20, PartyAge21To30,
	PartyAge31To40, PartyAge41To49, PartyAge50OrMore}

var partyAgeBandLabels = [...]string{"不满5年", "5年至10年", "11年至20年", "21年至30年", "31年至40年",
	"41年至49年", "50年及以上", "预备党员（未计党龄）", "入党日期未填写"}

// Label is the band as the tables name it.
func (b PartyAgeBand) Label() string {
	if b < 0 || int(b) >= len(partyAgeBandLabels) {
		return ""
	}
	return partyAgeBandLabels[b]
}

// PartyAgeBandOf is the band of a 党龄 in full years; a negative one (a
// 转正 after the day) is taken as the shortest band.
func PartyAgeBandOf(years int) PartyAgeBand {
	switch {
	case years < 5:
		return PartyAgeUnder5
	case years <= 10:
		return PartyAge5To10
	case years >= 50:
		return PartyAge50OrMore
	case years >= 41:
		return PartyAge41To49
	}
	return PartyAgeBand((years-11)/10) + PartyAge11To20
}

// FullYears is the number of full years (周岁) from a civil date to day: a
// year is complete on its anniversary (29 February's on 1 March).
func FullYears(from, day time.Time) int {
	from, day = civil(from), civil(day)
	y := day.Year() - from.Year()
	if day.Month() < from.Month() || day.Month() == from.Month() && day.Day() < from.Day() {
		y--
	}
	return y
}
