package data

import (
	"context"
	"fmt"
	"time"

	"dangjian/data/rules"
)

// RollsFacts gathers only what tells who is on the rolls on a day — the
// branches, every member, every transfer letter and the recorded changes
// of branch, 党内职务, status and category — for rules.OnRolls as of asOf,
// at a fraction of Facts' cost on a large organization. The year's other
// records (training, meetings, dues …) are not read, so no other figure
// may be computed from them.
func (s *Store) RollsFacts(ctx context.Context, asOf time.Time) (*rules.Facts, error) {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	f := &rules.Facts{Year: asOf.Year(), AsOf: asOf, LastAttended: map[string]time.Time{}, LastPaid: map[string]time.Time{}}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	r := factReader{q: conn, from: fmt.Sprintf("%04d-01-01", f.Year), to: fmt.Sprintf("%04d-12-31", f.Year),
		asOf: asOf.Format(dateLayout)}
	r.ref = min(r.asOf, r.to)
	for _, load := range []func(context.Context, *rules.Facts) error{r.branches, r.members, r.transfers, r.changes} {
		if err := load(ctx, f); err != nil {
			return nil, fmt.Errorf("汇总数据失败：%w", err)
		}
	}
	return f, nil
}
