package merge

// Record is what one document is filled with: a member, or a member and one
// of their records.
type Record struct {
	// Name and StaffNo name the document's file (「姓名-工号或学号.docx」).
	Name, StaffNo string
	// Values holds each placeholder's value by its name.
	Values map[string]string
	// Items holds, for a record with a list (an agreement's targets), each
	// item's values of the list placeholders (目标序号, 目标, 完成情况).
	Items []map[string]string
}

// value is the record's value of a placeholder.
func (r *Record) value(name string) string { return r.Values[name] }

// itemValue gives the values of item k: its own for the list
// placeholders ("" past the last item), the record's for the others.
func (r *Record) itemValue(k int) values {
	return func(name string) string {
		if !isListField(name) {
			return r.Values[name]
		}
		if k < len(r.Items) {
			return r.Items[k][name]
		}
		return ""
	}
}
