package data

import (
	"context"
	"errors"
	"fmt"
)

// ErrReferenced is returned when a row still has live rows referring to it.
var ErrReferenced = errors.New("仍有记录引用该记录,不能删除")

// refusedIfReferenced fails when any live row refers to table's row id, so
// that a soft delete never leaves records pointing at nothing.
func refusedIfReferenced(ctx context.Context, w *writer, table, id string) error {
	for _, ref := range referrers[table] {
		var n int
		q := "SELECT COUNT(*) FROM " + ref[0] + " WHERE " + ref[1] + " = ? AND deleted_at IS NULL"
		if err := w.QueryRowContext(ctx, q, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			label := tableLabels[ref[0]]
			if label == "" {
				label = ref[0]
			}
			return fmt.Errorf("%w: 还有%d条%s记录", ErrReferenced, n, label)
		}
	}
	return nil
}
