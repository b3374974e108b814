package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"dangjian/data/rules"
)

// coverageQueries give, per kind of record, the first month holding one
// ("2026-03"), or NULL.
var coverageQueries = []struct {
	query string
	field func(*rules.Coverage) *time.Time
}{
	{`SELECT substr(MIN(date), 1, 7) FROM meetings WHERE deleted_at IS NULL`,
		func(c *rules.Coverage) *time.Time { return &c.Meetings }},
	{`SELECT substr(MIN(date), 1, 7) FROM trainings WHERE deleted_at IS NULL`,
		func(c *rules.Coverage) *time.Time { return &c.Training }},
	{`SELECT MIN(month) FROM dues WHERE deleted_at IS NULL`,
		func(c *rules.Coverage) *time.Time { return &c.Dues }},
	{`SELECT substr(MIN(date), 1, 7) FROM talks WHERE deleted_at IS NULL`,
		func(c *rules.Coverage) *time.Time { return &c.Talks }},
	{`SELECT printf('%04d-01', MIN(year)) FROM agreements WHERE deleted_at IS NULL HAVING COUNT(*) > 0`,
		func(c *rules.Coverage) *time.Time { return &c.Agreements }},
}

// coverage fills where each kind of record starts: the 记录起始月份 setting
// when given, else the earlier of the database's creation month (its
// first audit entry) and the first month holding a record of the kind.
func (r factReader) coverage(ctx context.Context, f *rules.Facts) error {
	if !r.recordsSince.IsZero() {
		c := r.recordsSince
		f.Coverage = rules.Coverage{Meetings: c, Training: c, Dues: c, Talks: c, Agreements: c}
		return nil
	}
	created, err := r.firstMonth(ctx, `SELECT substr(MIN(at), 1, 7) FROM audit_log`)
	if err != nil {
		return err
	}
	for _, cq := range coverageQueries {
		first, err := r.firstMonth(ctx, cq.query)
		if err != nil {
			return err
		}
		c := created
		if !first.IsZero() && (c.IsZero() || first.Before(c)) {
			c = first
		}
		*cq.field(&f.Coverage) = c
	}
	return nil
}

// firstMonth runs a query giving a month ("2026-03") or NULL.
func (r factReader) firstMonth(ctx context.Context, query string) (time.Time, error) {
	var month sql.NullString
	err := r.q.QueryRowContext(ctx, query).Scan(&month)
	if err == sql.ErrNoRows {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	t, perr := time.Parse("2006-01", month.String)
	if perr != nil {
		return time.Time{}, nil
	}
	return t, nil
}

// historyColumns are the member columns whose recorded changes give the
// facts as of a past day.
var historyColumns = map[string]rules.MemberField{
	"branch_id":  rules.FieldBranch,
	"party_post": rules.FieldPartyPost,
	"status":     rules.FieldStatus,
	"category":   rules.FieldCategory,
}

// changes reads, from the audit log, the members' changes of branch, 党内职务,
// status and category, oldest first.
func (r factReader) changes(ctx context.Context, f *rules.Facts) error {
	return r.eachRow(ctx, `SELECT row_id, at, changes FROM audit_log INDEXED BY audit_log_table_action
		WHERE tbl = 'members' AND action = 'update'
			AND (instr(changes, '"branch_id"') OR instr(changes, '"party_post"')
				OR instr(changes, '"status"') OR instr(changes, '"category"'))
		ORDER BY at, id`, nil, func(rows *sql.Rows) error {
		var id, body string
		var at Stamp
		if err := rows.Scan(&id, &at, &body); err != nil {
			return err
		}
		var cols map[string][]any
		if json.Unmarshal([]byte(body), &cols) != nil {
			return nil // an entry this build cannot read changes nothing
		}
		day := DateOf(at.In(time.Local)).Time
		for col, field := range historyColumns {
			v, ok := cols[col]
			if !ok || len(v) != 2 {
				continue
			}
			old, _ := v[0].(string)
			now, _ := v[1].(string)
			f.Changes = append(f.Changes, rules.Change{MemberID: id, Field: field, Old: old, New: now, At: day})
		}
		return nil
	})
}

// readRuleSettings reads the rule settings within a read transaction.
func readRuleSettings(ctx context.Context, q queryer) (rules.Settings, error) {
	set := rules.DefaultSettings()
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE deleted_at IS NULL`)
	if err != nil {
		return set, err
	}
	defer rows.Close()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return set, err
		}
		if isRuleSetting(key) {
			if err := set.Set(key, value); err != nil {
				return set, err
			}
		}
	}
	return set, rows.Err()
}
