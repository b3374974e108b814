package committeedb

import (
	"context"
	"database/sql"
)

// keptFigures is how many computations CacheFigures keeps: the newest.
const keptFigures = 12

// CachedFigures are the figures kept under key, by organization id, as
// CacheFigures stored them; ok is false when none are.
func (d *DB) CachedFigures(ctx context.Context, key string) (byOrg map[string][]byte, ok bool, err error) {
	rows, err := d.db.QueryContext(ctx, `SELECT org_id, body FROM figures_cache WHERE key = ?`, key)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	byOrg = map[string][]byte{}
	for rows.Next() {
		var org string
		var body []byte
		if err := rows.Scan(&org, &body); err != nil {
			return nil, false, err
		}
		byOrg[org] = body
	}
	return byOrg, len(byOrg) > 0, rows.Err()
}

// CacheFigures keeps figures (each organization's, encoded by the caller)
// under key, in place of what was kept under it, and forgets all but the
// newest keptFigures keys. Nothing is kept for no organization.
func (d *DB) CacheFigures(ctx context.Context, key string, byOrg map[string][]byte) error {
	if len(byOrg) == 0 {
		return nil
	}
	at := d.now().UTC().Format(timeLayout)
	return d.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM figures_cache WHERE key = ?`, key); err != nil {
			return err
		}
		for org, body := range byOrg {
			if _, err := tx.ExecContext(ctx, `INSERT INTO figures_cache (key, org_id, body, made_at) VALUES (?, ?, ?, ?)`,
				key, org, body, at); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM figures_cache WHERE key NOT IN (
			SELECT key FROM figures_cache GROUP BY key ORDER BY max(made_at) DESC, key LIMIT ?)`, keptFigures)
		return err
	})
}
