package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// MaxInPlaceAdds is how many snapshots an update in place can add: each
// is attached before the one transaction begins (SQLite attaches none
// within a transaction, and ten at most).
const MaxInPlaceAdds = 9

// ErrInPlaceTooLarge: more snapshots to add than an update in place can
// take at once; the caller goes on from a copy instead (Replay).
var ErrInPlaceTooLarge = errors.New("需要合并的快照过多，不能原地更新")

// mergeOp is one change an update in place makes at Finish: an
// organization's rows taken out, or a snapshot's added.
type mergeOp struct {
	remove string // org id
	add    string // snapshot file
}

// UpdateInPlace goes on from the merged database at path itself (st is
// its State): Remove and Add only note what to do, and Finish does it all
// in one transaction with a rollback journal, so that a reader sees the
// database before or after, and a failure or a crash leaves it as it was
// (SQLite rolls the journal back at the next opening). Readers must open
// it with SQLite's locking (OpenReadOnly does for a database not in WAL
// mode). The snapshot files given to Add must stay until Finish.
func UpdateInPlace(ctx context.Context, path string, st MergeState) (*Merger, error) {
	m, err := resume(ctx, path, st, "?_foreign_keys=off&_journal_mode=DELETE&_synchronous=FULL&_busy_timeout=30000")
	if err != nil {
		return nil, err
	}
	m.inPlace = true
	return m, nil
}

// Deferred reports whether the merger is an update in place, whose Add
// reads its snapshot file only at Finish.
func (m *Merger) Deferred() bool { return m.inPlace }

// Replay makes to, a merger going on from a copy of the same database,
// do the changes noted so far, and closes this one; for an update in
// place that Finish refused with ErrInPlaceTooLarge.
func (m *Merger) Replay(ctx context.Context, to *Merger) error {
	m.db.Close()
	for _, op := range m.pending {
		var err error
		if op.remove != "" {
			err = to.Remove(ctx, op.remove)
		} else {
			err = to.Add(ctx, op.add)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finishInPlace does the changes noted in one transaction, or none.
func (m *Merger) finishInPlace(ctx context.Context) (err error) {
	adds := 0
	for _, op := range m.pending {
		if op.add != "" {
			adds++
		}
	}
	if adds > MaxInPlaceAdds {
		return ErrInPlaceTooLarge
	}
	defer func() {
		if cerr := m.db.Close(); err == nil {
			err = cerr
		}
	}()
	// One connection: the attachments belong to it.
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	schemas := make([]string, len(m.pending))
	for i, op := range m.pending {
		if op.add == "" {
			continue
		}
		schemas[i] = fmt.Sprintf("src%d", i)
		if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS "+schemas[i], frozenURI(op.add)); err != nil {
			return fmt.Errorf("合并 %s 失败：%w", op.add, err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "DETACH DATABASE "+schemas[i])
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, op := range m.pending {
		if op.remove != "" {
			err = m.removeIn(ctx, tx, op.remove)
		} else {
			err = m.addIn(ctx, tx, schemas[i])
		}
		if err == nil && m.testAfterOp != nil {
			err = m.testAfterOp(i)
		}
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

// addIn merges the snapshot attached as schema within tx.
func (m *Merger) addIn(ctx context.Context, tx *sql.Tx, schema string) error {
	org, ranges, err := m.mergeRows(ctx, tx, schema)
	if err != nil {
		return err
	}
	m.noteRows(org, ranges)
	return nil
}
