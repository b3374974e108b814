package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// naturalKeyed is a record that no two live rows share the natural key of:
// the columns that tell one such record from another to a person, and by
// which a sheet matches its rows on import. Two rows with the same key
// could not be told apart in a sheet: an export imported again would lose
// one of them.
type naturalKeyed interface {
	NaturalKey() []string
}

// NaturalKey is the record's natural key: its columns.
func (*PracticePost) NaturalKey() []string { return []string{"member_id", "kind", "name", "since"} }

// NaturalKey is the record's natural key: one 承诺 a member a year.
func (*Pledge) NaturalKey() []string { return []string{"member_id", "year"} }

// NaturalKey is the record's natural key: its columns.
func (*VolunteerService) NaturalKey() []string { return []string{"member_id", "date", "activity"} }

// NaturalKey is the record's natural key: its columns.
func (*Publicity) NaturalKey() []string { return []string{"channel", "title", "date"} }

// NaturalKey is the record's natural key: its columns.
func (*Reward) NaturalKey() []string { return []string{"member_id", "title", "date"} }

// NaturalKey is the record's natural key: its columns.
func (*Discipline) NaturalKey() []string { return []string{"member_id", "kind", "date"} }

// NaturalKey is the record's natural key: its columns.
func (*Correction) NaturalKey() []string { return []string{"member_id", "date"} }

// NaturalKey is the record's natural key: its columns.
func (*Disposition) NaturalKey() []string { return []string{"member_id", "kind", "date"} }

// NaturalKey is the record's natural key: its columns.
func (*PostTerm) NaturalKey() []string {
	return []string{"member_id", "organ", "branch_id", "post", "from_date"}
}

// NaturalKey is the record's natural key: its columns.
func (*Episode) NaturalKey() []string { return []string{"member_id", "kind", "since"} }

// NaturalKey is the record's natural key: a teacher by name.
func (*SchoolTeacher) NaturalKey() []string { return []string{"name"} }

// NaturalKey is the record's natural key: a course by its plan line and title.
func (*SchoolCourse) NaturalKey() []string { return []string{"plan_id", "title"} }

// checkNaturalKey fails r when another live row of its table has the same
// natural key, naming the key's columns.
func checkNaturalKey(ctx context.Context, q queryer, r Record, c *checker) error {
	nk, ok := r.(naturalKeyed)
	if !ok {
		return nil
	}
	key := nk.NaturalKey()
	var conds, labels []string
	var args []any
	for _, col := range key {
		if c.failed(col) {
			return nil
		}
		for _, f := range r.Fields() {
			if f.Col == col {
				conds = append(conds, col+" IS ?")
				args = append(args, f.Ptr)
				labels = append(labels, f.Label)
			}
		}
	}
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM "+r.Table()+" WHERE "+strings.Join(conds, " AND ")+
		" AND id <> ? AND deleted_at IS NULL LIMIT 1", append(args, r.meta().ID)...).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	c.fail(key[len(key)-1], "已有"+strings.Join(labels, "、")+"相同的"+kindName(r.Table())+"记录")
	return nil
}
