// Package data is the SQLite store of one organization's records: the
// schema and its migrations, the record types, a typed API per record, the
// audit log, and the validation of what people type. It is the only package
// that touches the database; it imports no UI code.
//
// Every row carries an id (UUIDv7), the owning org_id, a version incremented
// on each write, updated_at and a deleted_at tombstone: nothing is ever
// hard-deleted. Every write appends to the audit log in the same transaction.
//
// A deleted record can be restored (Table.Restore, Store.RestoreDeleted)
// from the recycle bin (Store.Trash). The rows deleted with a record in the
// same transaction — a session's or a meeting's attendance — share its
// deleted_at instant; that is how they are known as its parts and come back
// with it. A row in use by live rows cannot be deleted, and the refusal
// names the record and what uses it.
package data
