package cli

import (
	"flag"
	"strings"
	"time"

	"dangjian/data/field"
	"dangjian/reports/documents"
)

// devPeriodFlags adds --from and --to, the period of the documents of
// 发展党员 that cover one, to the report command's flags.
func devPeriodFlags(fs *flag.FlagSet) (from, to *string) {
	var names []string
	for _, k := range documents.DevKinds {
		if documents.DevPeriod(k) {
			names = append(names, string(k))
		}
	}
	kinds := "发展党员的台账、公示、备案表和转正名单（" + strings.Join(names, "、") + "）"
	from = fs.String("from", "", kinds+"的起始日期，如 2026-01-01（默认为 --year 所指年度的1月1日，只给 --to 时不限起始；公示为公示期的第一天）")
	to = fs.String("to", "", kinds+"的截止日期（默认为 --year 所指年度的12月31日，只给 --from 时为今天；公示为公示期的最后一天）")
	return from, to
}

// devPeriodKinds names the documents that take --from and --to:
// 「发展党员工作台账（dev-ledger）、…」.
func devPeriodKinds() string {
	var parts []string
	for _, k := range documents.DevKinds {
		if documents.DevPeriod(k) {
			parts = append(parts, documents.Title(k)+"（"+string(k)+"）")
		}
	}
	return strings.Join(parts, "、")
}

// readDevPeriod reads --from and --to: dates, for a document of 发展党员
// that covers a period only, the first not after the second.
func readDevPeriod(e *env, fs *flag.FlagSet, k documents.Kind, from, to string) (time.Time, time.Time, int) {
	if from == "" && to == "" {
		return time.Time{}, time.Time{}, ExitOK
	}
	if !documents.DevPeriod(k) {
		return time.Time{}, time.Time{}, e.usageError(fs, "--from 和 --to 只用于%s", devPeriodKinds())
	}
	var days [2]time.Time
	for i, v := range []struct{ name, text string }{{"--from", from}, {"--to", to}} {
		if v.text == "" {
			continue
		}
		d, err := field.ParseDate(v.text)
		if err != nil {
			return time.Time{}, time.Time{}, e.usageError(fs, "%s 的取值无效：%v", v.name, err)
		}
		days[i] = d
	}
	if !days[0].IsZero() && !days[1].IsZero() && days[1].Before(days[0]) {
		return time.Time{}, time.Time{}, e.usageError(fs, "--to（%s）不能早于 --from（%s）",
			days[1].Format(time.DateOnly), days[0].Format(time.DateOnly))
	}
	return days[0], days[1], ExitOK
}
