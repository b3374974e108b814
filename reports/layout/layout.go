package layout

import "time"

// Document is one printed document.
type Document struct {
	Title     string    // e.g. 党员花名册; printed on the first page of each part
	Org       string    // the organization, left in the running header
	Period    string    // right in the running header: 「2026年度」 or 「截至2026年12月3日」; may be empty
	Printed   time.Time // the print date, in the footer
	Landscape bool      // a landscape ledger (binding edge at the top)
	Parts     []Part
}

// Part is a run of pages numbered by itself (「第 1 页 共 2 页」 counts the
// part's pages, not the batch's). A part starts on a new page.
type Part struct {
	Title    string  // printed on the part's first page; the document's Title when empty
	Subtitle string  // under the title, e.g. 「(2026年度)」 or a branch's name; may be empty
	Record   string  // names the record this part prints, for messages about characters that could not be printed
	Blocks   []Block // in order
}

// Block is one element of a part: *Heading, *Paragraph, *Table, *Form,
// *Fields, *Signatures, *Spacer or *PageBreak.
type Block interface{ block() }

// Align is a text alignment.
type Align int

// The alignments.
const (
	Left Align = iota
	Center
	Right
	Justify
)

// Heading is a section heading (黑体).
type Heading struct {
	Text  string
	Level int // 1 or 2
}

// Paragraph is running text, wrapped to the body width.
type Paragraph struct {
	Text   string
	Align  Align
	Indent bool    // first line indented by two characters, as in official prose
	Size   float64 // points; the body size when 0
}

// Column is one column of a table.
type Column struct {
	Title string
	Width float64 // mm; columns with Width 0 share what is left equally
	Align Align
	Keep  bool // the column's text is never broken across lines (names, numbers): it is set smaller to fit
	// Carry: a group's label (a member's name, a month) is given on the
	// group's first row only, the following rows blank; a renderer
	// repeats the last label on the first row of each further page.
	Carry bool
}

// Group is a heading over adjacent columns, in a header row above the
// columns' titles (e.g. 「年龄」 over its bands).
type Group struct {
	Title string
	Span  int // the number of columns under it; a Group with an empty Title leaves its columns' cells merged with their titles
}

// Row is one row of a table.
type Row struct {
	Cells  []string // missing cells are blank, extra cells are ignored
	Total  bool     // a total or subtotal row, set apart
	Record string   // names the record of the row, for messages about characters that could not be printed
	// MinHeight is the least height of the row, mm (e.g. 10 mm left for
	// handwriting); the text decides when larger. 0: as high as its text.
	MinHeight float64
}

// Table is a ruled table whose header repeats on every page; a row is
// never split across pages.
type Table struct {
	Caption string  // a line above the table, e.g. 「一、党员队伍基本情况」; may be empty
	Groups  []Group // an optional header row of groups; their spans add up to len(Columns)
	Columns []Column
	Rows    []Row
	Note    string // a line under the table, e.g. 「注:……」; may be empty
}

// Form is a ruled form as registration forms are printed: rows of label
// and value cells. A row marked Fill takes the height the page has left;
// text that still does not fit continues on a 续页 (a following page with
// the form's title, 「(续页)」 and the row's label), never shrunk below a
// legible size or cut.
type Form struct {
	Rows []FormRow
}

// FormRow is one row of a form.
type FormRow struct {
	Cells  []Cell
	Height float64 // mm, the least height; the text decides when larger
	Fill   bool    // takes the page height left (one row of a form at most)
}

// Cell is one cell of a form row.
type Cell struct {
	Text  string
	Label bool    // a caption cell (centred, may be shaded)
	Width float64 // mm; cells with Width 0 share what is left of the row equally
	Align Align
	Sign  []SignLine // lines at the cell's foot for a hand signature and a date
	// Indent: the first line of each paragraph of the text (lines split
	// at \n) indented by two characters, as official prose in a form's
	// cell (个人自我评价, 党支部意见) is written.
	Indent bool
}

// SignLine is a place to sign: a caption, a blank to sign on, and
// optionally the seal mark and a 「年 月 日」 date.
type SignLine struct {
	Who  string // e.g. 「本人签字:」, 「党支部书记签字:」
	Seal bool   // adds 「(盖章)」 after the caption
	Date bool   // adds 「    年  月  日」
}

// Fields is a line (or lines) of labelled values spread across the
// width, e.g. 「填报单位:×××  填表人:______  报出日期:2026年12月3日」. An empty Value
// leaves a blank to write on.
type Fields struct {
	Items []Field
}

// Field is one labelled value of a Fields line.
type Field struct {
	Label string
	Value string
}

// Signatures is a block of signature lines, e.g. at the end of a ledger.
type Signatures struct {
	Lines []SignLine
}

// Spacer leaves vertical space.
type Spacer struct {
	MM float64
}

// PageBreak starts a new page within the part.
type PageBreak struct{}

func (*Heading) block()    {}
func (*Paragraph) block()  {}
func (*Table) block()      {}
func (*Form) block()       {}
func (*Fields) block()     {}
func (*Signatures) block() {}
func (*Spacer) block()     {}
func (*PageBreak) block()  {}

// Add appends blocks to the part.
func (p *Part) Add(blocks ...Block) { p.Blocks = append(p.Blocks, blocks...) }

// NewPart appends a part to the document and returns it.
func (d *Document) NewPart(title, subtitle, record string) *Part {
	d.Parts = append(d.Parts, Part{Title: title, Subtitle: subtitle, Record: record})
	return &d.Parts[len(d.Parts)-1]
}
