package data

import (
	"context"
	"database/sql"
	"errors"
)

// queryer is what reads need: a database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// executor is where a Table sends its reads and writes.
type executor interface {
	// write runs fn inside a transaction with audit.
	write(ctx context.Context, fn func(w *writer) error) error
	// reader is where reads go.
	reader() queryer
}

// storeExec runs every write in a transaction of its own.
type storeExec struct{ s *Store }

func (e storeExec) write(ctx context.Context, fn func(w *writer) error) error {
	return e.s.Write(ctx, func(tx *Tx) error { return fn(tx.w) })
}

func (e storeExec) reader() queryer { return e.s.db }

// txExec runs writes inside an open transaction.
type txExec struct{ w *writer }

func (e txExec) write(_ context.Context, fn func(w *writer) error) error { return fn(e.w) }

func (e txExec) reader() queryer { return e.w }

// readExec reads through a queryer (a write's own connection, inside its
// transaction) and refuses writes: the checks of a record read with it.
type readExec struct{ q queryer }

func (e readExec) write(context.Context, func(w *writer) error) error {
	return errors.New("只读")
}

func (e readExec) reader() queryer { return e.q }
