package data

// Attachment links a stored file (sign-in sheet, photo, slides, a signed
// agreement) to the record it documents. The bytes live in a Blob, keyed by
// their SHA-256, so the same file is stored once.
type Attachment struct {
	Meta
	OwnerTable string // the table of the record documented
	OwnerID    Ref
	Name       string // the file name as given
	MIME       string
	Size       int64
	SHA256     string // the Blob holding the bytes
}

// Table names the SQL table.
func (*Attachment) Table() string { return "attachments" }

// Fields lists the columns.
func (a *Attachment) Fields() []Field {
	return []Field{
		{"owner_table", "所属表", &a.OwnerTable}, {"owner_id", "所属记录", &a.OwnerID}, {"name", "文件名", &a.Name},
		{"mime", "类型", &a.MIME}, {"size", "大小", &a.Size}, {"sha256", "校验值", &a.SHA256},
	}
}

func (a *Attachment) check(c *checker) {
	c.required("owner_table", a.OwnerTable)
	c.requiredRef("owner_id", a.OwnerID)
	c.required("name", a.Name)
	c.required("sha256", a.SHA256)
	c.nonNegative("size", float64(a.Size))
}
