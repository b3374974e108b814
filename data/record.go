package data

// Meta is the bookkeeping every row carries.
type Meta struct {
	ID        string // UUIDv7, assigned on create
	OrgID     string // the owning organization; the store's own when empty on create
	Version   int64  // incremented on every write; updates must carry the current one
	UpdatedAt Stamp  // time of the last write
	DeletedAt Stamp  // tombstone; zero while the row is live
}

// Deleted reports whether the row has been soft-deleted.
func (m *Meta) Deleted() bool { return !m.DeletedAt.IsZero() }

func (m *Meta) meta() *Meta { return m }

// Field is one business column of a record: its column name, its Chinese
// label (for messages and the audit history), and a pointer to the value.
type Field struct {
	Col   string
	Label string
	Ptr   any
}

// Record is implemented by every record type (through a pointer).
type Record interface {
	meta() *Meta
	// Table is the SQL table that holds the record.
	Table() string
	// Fields lists the business columns in schema order.
	Fields() []Field
	// check validates the record's own values (no database access).
	check(c *checker)
}

// recordPtr ties a record struct T to its pointer type.
type recordPtr[T any] interface {
	*T
	Record
}
