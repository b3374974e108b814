// Package data is the SQLite store of one organization's records: the
// schema and its migrations, the record types, a typed API per record, the
// audit log, and the validation of what people type. It is the only package
// that touches the database; it imports no UI code.
//
// Every row carries an id (UUIDv7), the owning org_id, a version incremented
// on each write, updated_at and a deleted_at tombstone: nothing is ever
// hard-deleted. Every write appends to the audit log in the same transaction.
package data
