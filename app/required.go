package app

import (
	"context"
	"errors"
	"reflect"
	"sync"

	"dangjian/data"
)

// requiredCache holds, by table, the columns the store refuses to leave
// empty; the store's validation is the same for every database.
var requiredCache sync.Map // table name → map[string]bool

// requiredColumns hands mark the columns the store requires in a record of
// rec's kind: at once when known, else once found off the UI goroutine.
func requiredColumns(u *UI, rec data.Record, mark func(map[string]bool)) {
	table := rec.Table()
	if cols, ok := requiredCache.Load(table); ok {
		mark(cols.(map[string]bool))
		return
	}
	store := u.store
	async(u, func() (map[string]bool, error) { return requiredOf(context.Background(), store, rec) },
		func(cols map[string]bool, err error) {
			if err != nil {
				return // no marks: the store still says what is missing on saving
			}
			requiredCache.Store(table, cols)
			mark(cols)
		})
}

// errProbed ends the transaction in which a blank record was validated, so
// that nothing of it is kept.
var errProbed = errors.New("探查结束")

// requiredOf asks the store which columns it requires: it validates a
// blank record of rec's kind in a transaction that is rolled back, and
// takes the columns with a problem.
func requiredOf(ctx context.Context, store *data.Store, rec data.Record) (map[string]bool, error) {
	blank := reflect.New(reflect.TypeOf(rec).Elem()).Interface().(data.Record)
	var problems []data.Problem
	err := store.Write(ctx, func(tx *data.Tx) error {
		create := createOf(tx, blank)
		if create.IsValid() {
			out := create.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(blank)})
			if err, _ := out[0].Interface().(error); err != nil {
				problems = data.ProblemsOf(err)
			}
		}
		return errProbed
	})
	if err != nil && !errors.Is(err, errProbed) {
		return nil, err
	}
	cols := map[string]bool{}
	for _, p := range problems {
		cols[p.Col] = true
	}
	return cols, nil
}

// createOf is the Create method of the transaction's table of rec's kind.
func createOf(tx *data.Tx, rec data.Record) reflect.Value {
	tables := reflect.ValueOf(tx.Tables)
	want := reflect.TypeOf(rec)
	for i := 0; i < tables.NumField(); i++ {
		m := tables.Field(i).MethodByName("Create")
		if m.IsValid() && m.Type().NumIn() == 2 && m.Type().In(1) == want {
			return m
		}
	}
	return reflect.Value{}
}
