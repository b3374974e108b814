package data

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

const dateLayout = "2006-01-02"

// Date is a civil date (no time of day) stored as "2006-01-02" text; the
// zero Date is stored as NULL and means "not given".
type Date struct{ time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return NewDate(t.Date())
}

// ParseDateText reads "2006-01-02"; empty text is the zero Date.
func ParseDateText(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("日期格式错误：%q", s)
	}
	return Date{t}, nil
}

// String formats the date as 2006-01-02, or "" when zero.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(dateLayout)
}

// Value stores the date as text, or NULL when zero.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.Format(dateLayout), nil
}

// Scan reads a date stored as text.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseDateText(v)
		*d = p
		return err
	case []byte:
		p, err := ParseDateText(string(v))
		*d = p
		return err
	case time.Time:
		*d = DateOf(v.UTC())
		return nil
	}
	return fmt.Errorf("不能把 %T 读作日期", src)
}

// stampLayout is RFC 3339 in UTC with a fixed number of digits, so stamps
// sort as text.
const stampLayout = "2006-01-02T15:04:05.000000Z"

// Stamp is an instant stored as RFC 3339 text in UTC; zero is NULL.
type Stamp struct{ time.Time }

// Value stores the instant as text, or NULL when zero.
func (s Stamp) Value() (driver.Value, error) {
	if s.IsZero() {
		return nil, nil
	}
	return s.UTC().Format(stampLayout), nil
}

// Scan reads an instant stored as text.
func (s *Stamp) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case nil:
		*s = Stamp{}
		return nil
	case string:
		text = v
	case []byte:
		text = string(v)
	case time.Time:
		*s = Stamp{v.UTC()}
		return nil
	default:
		return fmt.Errorf("不能把 %T 读作时间", src)
	}
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return fmt.Errorf("时间格式错误：%q", text)
	}
	*s = Stamp{t}
	return nil
}

// Money is an amount in 分 (hundredths of a 元), so sums are exact.
type Money int64

// Yuan returns a whole-元 amount as Money.
func Yuan(y int64) Money { return Money(y * 100) }

// String formats the amount as 元 with two decimals, e.g. "1234.50".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + strconv.FormatInt(v/100, 10) + "." + fmt.Sprintf("%02d", v%100)
}

// Ref is the id of another row, or "" for none (stored as NULL).
type Ref string

// Value stores the reference, or NULL when empty.
func (r Ref) Value() (driver.Value, error) {
	if r == "" {
		return nil, nil
	}
	return string(r), nil
}

// Scan reads a reference.
func (r *Ref) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*r = ""
	case string:
		*r = Ref(v)
	case []byte:
		*r = Ref(string(v))
	default:
		return fmt.Errorf("不能把 %T 读作编号", src)
	}
	return nil
}
