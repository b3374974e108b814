package sheets

import "fmt"

// Problem is one thing wrong in a sheet: its row (the sheet's own row
// number), its column, and why, in Chinese.
type Problem struct {
	Row    int
	Column string // empty when the whole row is concerned
	Msg    string
}

// String formats the problem as 第N行 「列名」：原因.
func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("第%d行：%s", p.Row, p.Msg)
	}
	return fmt.Sprintf("第%d行 「%s」：%s", p.Row, p.Column, p.Msg)
}

// Report says what an import found and did.
type Report struct {
	Kind        Kind
	Rows        int       // non-empty data rows read
	Created     int       // rows that created a record
	Updated     int       // rows that changed an existing record
	Unchanged   int       // rows already in the database as they are
	Skipped     int       // rows with problems, not written
	Problems    []Problem // every problem of every row
	NewBranches []string  // branches a members sheet created
	DryRun      bool
	Written     bool           // the changes were committed
	Mapping     *HeaderMapping // how the sheet's headers were read
	Changes     []Change       // with Options.Update: every change to a stored member
	// Warnings are what the rules allow with a warning (the DEV- rules of
	// the steps of 发展党员): listed, not problems; the rows are written.
	Warnings []Problem
}

// InputError is an unusable file: not a readable workbook, or required
// headers missing. Nothing is written.
type InputError struct {
	Msg     string
	mapping *HeaderMapping // for headers that do not map: the mapping as far as it goes
}

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, a ...any) error { return &InputError{Msg: fmt.Sprintf(format, a...)} }
