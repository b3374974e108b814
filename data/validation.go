package data

import (
	"errors"
	"strings"
	"time"
)

// Problem is one invalid value: which field, and why, in Chinese.
type Problem struct {
	Col   string // column name, e.g. "id_number"
	Label string // the field's Chinese label, e.g. "公民身份号码"
	Msg   string // the reason, e.g. "校验码错误"
}

// ValidationError lists every problem found in a record.
type ValidationError struct {
	Problems []Problem
}

// Error joins the problems as 「标签」原因 items.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = "「" + p.Label + "」" + p.Msg
	}
	return strings.Join(parts, ";")
}

// ProblemsOf returns the problems of a validation error, or nil.
func ProblemsOf(err error) []Problem {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Problems
	}
	return nil
}

// checker collects problems while a record validates itself.
type checker struct {
	today    time.Time
	fields   []Field
	problems []Problem
}

func newChecker(r Record, today time.Time) *checker {
	return &checker{today: today, fields: r.Fields()}
}

func (c *checker) label(col string) string {
	for _, f := range c.fields {
		if f.Col == col {
			return f.Label
		}
	}
	return col
}

// fail records a problem with the column col.
func (c *checker) fail(col, msg string) {
	c.problems = append(c.problems, Problem{Col: col, Label: c.label(col), Msg: msg})
}

// failed reports whether col already has a problem.
func (c *checker) failed(col string) bool {
	for _, p := range c.problems {
		if p.Col == col {
			return true
		}
	}
	return false
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: c.problems}
}

// required fails when the text is blank.
func (c *checker) required(col, v string) {
	if strings.TrimSpace(v) == "" {
		c.fail(col, "不能为空")
	}
}

// requiredRef fails when the reference is empty.
func (c *checker) requiredRef(col string, v Ref) {
	if v == "" {
		c.fail(col, "不能为空")
	}
}

// oneOf fails when v is not empty and not among allowed; empty passes
// (pair with required when the value is mandatory).
func (c *checker) oneOf(col, v string, allowed []string) {
	if v == "" {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	c.fail(col, "应为以下之一："+strings.Join(allowed, "/"))
}

// notFuture fails when the date is after today.
func (c *checker) notFuture(col string, d Date) {
	if !d.IsZero() && d.After(c.today) {
		c.fail(col, "不能晚于今天")
	}
}

// requiredDate fails when the date is missing.
func (c *checker) requiredDate(col string, d Date) {
	if d.IsZero() {
		c.fail(col, "不能为空")
	}
}

// nonNegative fails for a negative number.
func (c *checker) nonNegative(col string, v float64) {
	if v < 0 {
		c.fail(col, "不能为负数")
	}
}

// year fails for a year outside a sensible range.
func (c *checker) year(col string, y int) {
	if y < 1921 || y > c.today.Year()+1 {
		c.fail(col, "年度无效")
	}
}

// notBefore fails when the date d (column col) is before the date from
// (column fromCol); either missing passes.
func (c *checker) notBefore(col string, d Date, fromCol string, from Date) {
	if !d.IsZero() && !from.IsZero() && d.Before(from.Time) {
		c.fail(col, "不能早于"+c.label(fromCol))
	}
}
