package sheets

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

// row is one data row of a sheet with its problems. The typed getters parse
// a cell, record a problem when it is wrong (or missing and required), and
// return the zero value then.
type row struct {
	num      int
	cells    map[string]string // header → normalized text; absent when blank
	layout   *Layout
	present  map[string]bool // headers the sheet has
	problems []Problem
	today    time.Time
}

// fail records a problem with the column.
func (r *row) fail(col, msg string) {
	r.problems = append(r.problems, Problem{Row: r.num, Column: col, Msg: msg})
}

// has reports whether the sheet has the column at all: a column the sheet
// lacks leaves the stored value alone.
func (r *row) has(col string) bool { return r.present[col] }

// text returns the cell, checking a required one is given.
func (r *row) text(col string) string {
	v := r.cells[col]
	if v == "" {
		if c := r.layout.Header(col); c != nil && c.Required {
			r.fail(col, "不能为空")
		}
	}
	return v
}

// name returns a person's or a branch's name: blanks inside a Chinese name
// ("王　毅", padded to line up in rosters) are dropped.
func (r *row) name(col string) string {
	v := r.text(col)
	if !strings.ContainsFunc(v, func(c rune) bool { return c >= 0x2E80 }) {
		return v
	}
	return strings.Join(strings.Fields(v), "")
}

// choice returns the cell, which must be one of the column's choices.
func (r *row) choice(col string, aliases map[string]string) string {
	v := r.text(col)
	if v == "" {
		return ""
	}
	c := r.layout.Header(col)
	got, err := field.ParseEnum(v, c.Choices, aliases)
	if err != nil {
		r.fail(col, "“"+v+"”"+err.Error())
		return ""
	}
	return got
}

// date reads a date not later than today.
func (r *row) date(col string) data.Date {
	d := r.anyDate(col)
	if !d.IsZero() && d.After(r.today) {
		r.fail(col, "日期"+field.FormatDate(d.Time)+"晚于今天")
		return data.Date{}
	}
	return d
}

// anyDate reads a date that may lie after today.
func (r *row) anyDate(col string) data.Date {
	v := r.text(col)
	if v == "" {
		return data.Date{}
	}
	t, err := field.ParseDate(v)
	if err != nil {
		r.fail(col, dateProblem(err, v))
		return data.Date{}
	}
	return data.DateOf(t)
}

// dateProblem words a date cell's problem with the value typed, as the
// message of a date after today does: 「日期不存在：“2025.13.01”不是有效日期」.
func dateProblem(err error, v string) string {
	msg := err.Error()
	if strings.Contains(msg, v) {
		return msg
	}
	return msg + "：“" + v + "”不是有效日期"
}

// birthDate reads a 出生日期, which old rosters often give as a month only
// (出生年月: 1968.08): a month is taken as the day the 公民身份号码 idNumber
// gives when that day falls in it, and refused when it does not.
func (r *row) birthDate(col, idNumber string) data.Date {
	v := r.text(col)
	if v == "" {
		return data.Date{}
	}
	if _, err := field.ParseDate(v); err != nil {
		if month, merr := field.ParseMonth(v); merr == nil {
			id, iderr := field.ParseIDNumber(idNumber, r.today)
			switch {
			case iderr != nil:
				return data.Date{} // the number's own problem is reported; the store fills the date from a good one
			case id.Birth.Year() != month.Year() || id.Birth.Month() != month.Month():
				r.fail(col, "出生年月"+field.FormatMonth(month)+"与公民身份号码中的出生日期不符")
				return data.Date{}
			}
			return data.DateOf(id.Birth)
		}
	}
	return r.date(col)
}

// month returns a month as 2006-01, not later than this month.
func (r *row) month(col string) string {
	t, ok := r.monthTime(col)
	if !ok {
		return ""
	}
	if t.After(r.today) {
		r.fail(col, "月份"+field.FormatMonth(t)+"晚于本月")
		return ""
	}
	return field.FormatMonth(t)
}

// anyMonth returns a month as 2006-01, later months included (dues may be
// paid ahead, so a letter's 党费交至 may lie after it).
func (r *row) anyMonth(col string) string {
	t, ok := r.monthTime(col)
	if !ok {
		return ""
	}
	return field.FormatMonth(t)
}

// monthTime reads a month in any form field.ParseMonth reads (2026-04,
// 2026年4月, 2026/4, an Excel date cell); ok is false when the cell is
// blank or wrong.
func (r *row) monthTime(col string) (time.Time, bool) {
	v := r.text(col)
	if v == "" {
		return time.Time{}, false
	}
	t, err := field.ParseMonth(v)
	if err != nil {
		r.fail(col, err.Error())
		return time.Time{}, false
	}
	return t, true
}

func (r *row) money(col string) data.Money {
	v := r.text(col)
	if v == "" {
		return 0
	}
	cents, err := field.ParseMoney(v)
	if err != nil {
		r.fail(col, err.Error())
		return 0
	}
	return data.Money(cents)
}

func (r *row) hours(col string) float64 {
	v := r.text(col)
	if v == "" {
		return 0
	}
	h, err := field.ParseHours(v)
	if err != nil {
		r.fail(col, err.Error())
		return 0
	}
	return h
}

// count reads a whole number of at least 0.
func (r *row) count(col string) (int, bool) {
	v := r.text(col)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(field.Normalize(v), "天"))
	if err != nil || n < 0 {
		r.fail(col, "应为不小于0的整数")
		return 0, false
	}
	return n, true
}

func (r *row) boolean(col string) bool {
	v := r.text(col)
	if v == "" {
		return false
	}
	b, err := field.ParseBool(v)
	if err != nil {
		r.fail(col, err.Error())
	}
	return b
}

// idNumber returns the normalized 公民身份号码; the reason of a bad one
// never repeats the number.
func (r *row) idNumber(col string) string {
	v := r.text(col)
	if v == "" {
		return ""
	}
	id, err := field.ParseIDNumber(v, r.today)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "公民身份号码")
		if strings.ContainsAny(v, "Ee+") {
			msg += "（单元格可能被Excel改成了科学计数法，请设为文本格式后重新填写）"
		}
		r.fail(col, msg)
		return ""
	}
	return id.Number
}

// names splits a list of names separated by 、 , ， ; or spaces.
func (r *row) names(col string) []string {
	entries, _ := splitNames(r.text(col))
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.name
	}
	return out
}

// entries reads an attendance list's names with their reasons (张三(出差)),
// failing the column on an entry written wrongly.
func (r *row) entries(col string) []nameEntry {
	entries, bad := splitNames(r.text(col))
	if bad != "" {
		r.fail(col, "“"+bad+"”的写法不对，原因应写在姓名后的括号内，如：张三（出差）")
	}
	return entries
}

// storeProblems turns the store's validation problems into row problems,
// naming columns by the sheet's headers (labels absent from the sheet are
// mapped through cols, e.g. 党员 → 公民身份号码).
func (r *row) storeProblems(err error, cols map[string]string) bool {
	var v *data.ValidationError
	if !errors.As(err, &v) {
		return false
	}
	for _, p := range v.Problems {
		col := p.Label
		if mapped, ok := cols[p.Col]; ok {
			col = mapped
		}
		r.fail(col, p.Msg)
	}
	return true
}
