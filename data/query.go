package data

import (
	"fmt"
	"strings"
)

// query collects the conditions of a List or Count.
type query struct {
	known         map[string]bool
	where         []string
	args          []any
	order         []string
	limit, offset int
	withDeleted   bool
}

func (q *query) column(col string) error {
	if !q.known[col] {
		return fmt.Errorf("未知字段：%s", col)
	}
	return nil
}

// Cond narrows or orders a List. Column names are checked against the
// table's columns, so no caller can inject SQL.
type Cond func(q *query) error

// Where keeps rows whose column equals v.
func Where[C ~string](col C, v any) Cond {
	return func(q *query) error {
		if err := q.column(string(col)); err != nil {
			return err
		}
		q.where = append(q.where, string(col)+" = ?")
		q.args = append(q.args, v)
		return nil
	}
}

// WhereIn keeps rows whose column is one of vs (none when vs is empty).
func WhereIn[C ~string, V any](col C, vs []V) Cond {
	return func(q *query) error {
		if err := q.column(string(col)); err != nil {
			return err
		}
		if len(vs) == 0 {
			q.where = append(q.where, "0")
			return nil
		}
		q.where = append(q.where, string(col)+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(vs)), ", ")+")")
		for _, v := range vs {
			q.args = append(q.args, v)
		}
		return nil
	}
}

// Between keeps rows whose column lies in [from, to].
func Between[C ~string](col C, from, to any) Cond {
	return func(q *query) error {
		if err := q.column(string(col)); err != nil {
			return err
		}
		q.where = append(q.where, string(col)+" BETWEEN ? AND ?")
		q.args = append(q.args, from, to)
		return nil
	}
}

// InYear keeps rows whose date column falls in the year.
func InYear[C ~string](col C, year int) Cond {
	return Between(col, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
}

// Search keeps rows where any of the columns contains text.
func Search(text string, cols ...string) Cond {
	return func(q *query) error {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		var ors []string
		for _, c := range cols {
			if err := q.column(c); err != nil {
				return err
			}
			ors = append(ors, "instr("+c+", ?) > 0")
			q.args = append(q.args, strings.TrimSpace(text))
		}
		q.where = append(q.where, "("+strings.Join(ors, " OR ")+")")
		return nil
	}
}

// OrderBy sorts by the columns; a leading "-" sorts that column descending.
func OrderBy[C ~string](cols ...C) Cond {
	return func(q *query) error {
		for _, col := range cols {
			c, dir := string(col), ""
			if strings.HasPrefix(c, "-") {
				c, dir = c[1:], " DESC"
			}
			if err := q.column(c); err != nil {
				return err
			}
			q.order = append(q.order, c+dir)
		}
		return nil
	}
}

// Page returns at most limit rows after skipping offset.
func Page(limit, offset int) Cond {
	return func(q *query) error {
		q.limit, q.offset = limit, offset
		return nil
	}
}

// WithDeleted includes soft-deleted rows.
func WithDeleted() Cond {
	return func(q *query) error {
		q.withDeleted = true
		return nil
	}
}
