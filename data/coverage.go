package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"

	"dangjian/data/rules"
)

// coverageQueries give, for a kind of record, the first month holding
// one ("2026-03"): one for an organization, walking an index in date
// order and stopping at its first row (an organization's own database),
// and all for every organization at once, grouped by org_id (a
// consolidated database, where the walk would pass every other
// organization's rows first).
var coverageQueries = []struct {
	one, all string
	field    func(*rules.Coverage) *time.Time
}{
	{`SELECT substr(date, 1, 7) FROM meetings INDEXED BY meetings_date
		WHERE deleted_at IS NULL AND org_id = ? ORDER BY date LIMIT 1`,
		`SELECT org_id, substr(MIN(date), 1, 7) FROM meetings WHERE deleted_at IS NULL GROUP BY org_id`,
		func(c *rules.Coverage) *time.Time { return &c.Meetings }},
	{`SELECT substr(date, 1, 7) FROM trainings INDEXED BY trainings_date
		WHERE deleted_at IS NULL AND org_id = ? ORDER BY date LIMIT 1`,
		`SELECT org_id, substr(MIN(date), 1, 7) FROM trainings WHERE deleted_at IS NULL GROUP BY org_id`,
		func(c *rules.Coverage) *time.Time { return &c.Training }},
	{`SELECT month FROM dues INDEXED BY dues_month WHERE deleted_at IS NULL AND org_id = ? ORDER BY month LIMIT 1`,
		`SELECT org_id, MIN(month) FROM dues WHERE deleted_at IS NULL GROUP BY org_id`,
		func(c *rules.Coverage) *time.Time { return &c.Dues }},
	{`SELECT substr(MIN(date), 1, 7) FROM talks WHERE deleted_at IS NULL AND org_id = ?`,
		`SELECT org_id, substr(MIN(date), 1, 7) FROM talks WHERE deleted_at IS NULL GROUP BY org_id`,
		func(c *rules.Coverage) *time.Time { return &c.Talks }},
	{`SELECT printf('%04d-01', year) FROM agreements INDEXED BY agreements_year_member
		WHERE deleted_at IS NULL AND org_id = ? ORDER BY year LIMIT 1`,
		`SELECT org_id, printf('%04d-01', MIN(year)) FROM agreements WHERE deleted_at IS NULL GROUP BY org_id`,
		func(c *rules.Coverage) *time.Time { return &c.Agreements }},
}

// coverage fills where each kind of record starts, per organization (a
// consolidated database holds many, each counted from its own records):
// its 记录起始月份 setting when given, else the earlier of the month the
// organization's database was made and its first month holding a record
// of the kind. Coverage, for members of no listed organization, is the
// earliest of them.
func (r factReader) coverage(ctx context.Context, f *rules.Facts) error {
	created := map[string]time.Time{}
	err := r.eachRow(ctx, `SELECT id FROM orgs WHERE deleted_at IS NULL`, nil, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		created[id] = creationMonth(id)
		return nil
	})
	if err != nil {
		return err
	}
	// The organization's first audit entry, where the log is kept (a
	// consolidated database has none; the id's time serves there).
	for org := range created {
		t, err := r.month(ctx, `SELECT substr(MIN(at), 1, 7) FROM audit_log WHERE org_id = ?`, org)
		if err != nil {
			return err
		}
		if !t.IsZero() {
			created[org] = t
		}
	}
	set := map[string]time.Time{}
	err = r.eachRow(ctx, `SELECT org_id, value FROM settings WHERE key = ? AND deleted_at IS NULL`,
		[]any{rules.RecordsSinceKey}, func(rows *sql.Rows) error {
			var org, value string
			if err := rows.Scan(&org, &value); err != nil {
				return err
			}
			var s rules.Settings
			if s.Set(rules.RecordsSinceKey, value) == nil {
				set[org] = s.RecordsSinceMonth()
			}
			return nil
		})
	if err != nil {
		return err
	}
	f.OrgCoverage = make(map[string]rules.Coverage, len(created))
	for org, c := range created {
		var cov rules.Coverage
		for _, cq := range coverageQueries {
			*cq.field(&cov) = c
		}
		f.OrgCoverage[org] = cov
	}
	if err := r.firstMonths(ctx, f.OrgCoverage); err != nil {
		return err
	}
	for org, since := range set {
		if _, ok := f.OrgCoverage[org]; ok && !since.IsZero() {
			f.OrgCoverage[org] = rules.Coverage{Meetings: since, Training: since, Dues: since, Talks: since, Agreements: since}
		}
	}
	first := true
	for _, c := range f.OrgCoverage {
		if first {
			f.Coverage, first = c, false
			continue
		}
		for _, cq := range coverageQueries {
			if p, q := cq.field(&f.Coverage), *cq.field(&c); q.Before(*p) {
				*p = q
			}
		}
	}
	return nil
}

// firstMonths moves each organization's coverage back to its first month
// holding a record of each kind, when earlier.
func (r factReader) firstMonths(ctx context.Context, covs map[string]rules.Coverage) error {
	earlier := func(org string, field func(*rules.Coverage) *time.Time, first time.Time) {
		cov, ok := covs[org]
		if p := field(&cov); ok && !first.IsZero() && (p.IsZero() || first.Before(*p)) {
			*p = first
			covs[org] = cov
		}
	}
	for _, cq := range coverageQueries {
		if len(covs) == 1 {
			for org := range covs {
				first, err := r.month(ctx, cq.one, org)
				if err != nil {
					return err
				}
				earlier(org, cq.field, first)
			}
			continue
		}
		err := r.eachRow(ctx, cq.all, nil, func(rows *sql.Rows) error {
			var org string
			var month sql.NullString
			if err := rows.Scan(&org, &month); err != nil {
				return err
			}
			if first, err := time.Parse("2006-01", month.String); err == nil {
				earlier(org, cq.field, first)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// creationMonth is the month an organization's row was made, from its id
// (a UUIDv7 carries its time); zero for an id that does not.
func creationMonth(id string) time.Time {
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 {
		return time.Time{}
	}
	sec, nsec := u.Time().UnixTime()
	t := time.Unix(sec, nsec).In(time.Local)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// month runs a query giving one month ("2026-03"), or none.
func (r factReader) month(ctx context.Context, query string, args ...any) (time.Time, error) {
	var month sql.NullString
	err := r.q.QueryRowContext(ctx, query, args...).Scan(&month)
	if errors.Is(err, sql.ErrNoRows) {
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
