package data

import (
	"context"
	"fmt"
)

// Try runs fn inside a savepoint of the transaction: when fn fails, what it
// wrote (rows and audit entries) is undone and the transaction goes on, so
// an import can skip one bad row without losing the others.
func (tx *Tx) Try(ctx context.Context, fn func() error) error {
	w := tx.w
	// One name serves nested savepoints too: ROLLBACK TO and RELEASE act on
	// the innermost of that name. A fixed text keeps the statements cached.
	if _, err := w.exec(ctx, "SAVEPOINT dangjian_try"); err != nil {
		return err
	}
	mark := len(w.knownLog)
	w.depth++
	err := fn()
	w.depth--
	if err != nil {
		if _, rbErr := w.exec(ctx, "ROLLBACK TO dangjian_try"); rbErr != nil {
			return fmt.Errorf("%w（撤销失败：%v）", err, rbErr)
		}
		if _, rbErr := w.exec(ctx, "RELEASE dangjian_try"); rbErr != nil {
			return fmt.Errorf("%w（撤销失败：%v）", err, rbErr)
		}
		w.undoKnown(mark)
		return err
	}
	if w.depth == 0 {
		w.knownLog = w.knownLog[:0]
	}
	_, err = w.exec(ctx, "RELEASE dangjian_try")
	return err
}

// knownChange records a change to writer.known inside a savepoint.
type knownChange struct {
	id    string
	added bool
}

// setKnown records whether id is a live row, journaled inside savepoints.
func (w *writer) setKnown(id string, live bool) {
	if w.depth > 0 {
		w.knownLog = append(w.knownLog, knownChange{id, live && !w.known[id]})
	}
	if live {
		w.known[id] = true
	} else {
		delete(w.known, id)
	}
}

// undoKnown reverts the changes journaled since mark.
func (w *writer) undoKnown(mark int) {
	for i := len(w.knownLog) - 1; i >= mark; i-- {
		c := w.knownLog[i]
		if c.added {
			delete(w.known, c.id)
		} else {
			w.known[c.id] = true
		}
	}
	w.knownLog = w.knownLog[:mark]
}
