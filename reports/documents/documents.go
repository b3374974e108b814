package documents

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/reports/layout"
)

// Kind names a printed document.
type Kind string

// The documents.
const (
	Roster     Kind = "roster"
	Training   Kind = "training"
	Meetings   Kind = "meetings"
	Dues       Kind = "dues"
	Appraisal  Kind = "appraisal"
	Agreement  Kind = "agreement"
	Transfers  Kind = "transfers"
	Stats      Kind = "stats"
	Evaluation Kind = "evaluation"
)

// Kinds lists every document.
var Kinds = []Kind{Roster, Training, Meetings, Dues, Appraisal, Agreement, Transfers, Stats, Evaluation}

// Options choose what a document covers.
type Options struct {
	Year int // the year; the current one when 0
	// OrgID is the one 二级党组织 covered, by id, in the committee's
	// consolidated database; every organization (the whole university)
	// when empty. A document of one organization is the one its own
	// database gives: its branches by their own names, its figures under
	// its own settings (data.Store.FiguresOf).
	OrgID string
	// BranchID is the one branch covered, by id; every branch when empty.
	// (The command line resolves a name with data.Store.ResolveBranch.)
	// In a consolidated database it sets the organization too.
	BranchID string
	// AsOf is the reference day of a roster or of the statistics: who is
	// on the rolls and in which category, ages and 党龄. When zero, the
	// print day, or 31 December for a past year.
	AsOf time.Time
	// Columns are the roster's columns, by title (RosterColumns lists
	// them); nil gives the default set.
	Columns []string
	// MemberID, when set, prints only this member's forms (民主评议党员登记表,
	// 党员目标管理责任书).
	MemberID string
	// From and To bound the period of the documents of 发展党员 that cover
	// one (the 台账, the 公示, the 备案 sheets, the 转正 list), both days
	// included; when both are zero, the year.
	From, To time.Time
	Progress func(done, total int) // called now and then; may be nil
	Now      time.Time             // the print date; the store's clock when zero
}

// BranchError is a branch chosen by an id that no branch of the database
// has.
type BranchError struct {
	ID       string   // the id asked for
	Branches []string // the labels of the branches there are
}

func (e *BranchError) Error() string {
	what := fmt.Sprintf("编号为“%s”", e.ID)
	if len(e.Branches) == 0 {
		return fmt.Sprintf("没有%s的支部:本组织还没有任何支部。", what)
	}
	return fmt.Sprintf("没有%s的支部。现有支部: %s", what, strings.Join(e.Branches, "、"))
}

// builder is how one document is made.
type builder struct {
	title     string
	landscape bool
	period    func(r *request) string // the running header's right side; the year when nil
	build     func(r *request) error
}

// builders holds each document's builder; each document's file registers
// its own in an init function.
var builders = map[Kind]builder{}

// Title is a document's Chinese title.
func Title(k Kind) string { return builders[k].title }

// ParseKind reads a document name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			if _, ok := builders[k]; !ok {
				return "", fmt.Errorf("“%s”尚未提供", s)
			}
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("未知的文档类型“%s”,应为: %s", s, strings.Join(names, " | "))
}

// request is what a document's builder works from.
type request struct {
	ctx      context.Context
	store    *data.Store
	opts     Options
	year     int
	now      time.Time
	scope    scope
	branches []data.BranchRef // the branches covered, in the store's natural order
	doc      *layout.Document
}

// Build makes document k of the store's organization.
func Build(ctx context.Context, s *data.Store, k Kind, o Options) (*layout.Document, error) {
	b, ok := builders[k]
	if !ok {
		return nil, fmt.Errorf("未知的文档类型: %s", k)
	}
	r := &request{ctx: ctx, store: s, opts: o, year: o.Year, now: o.Now}
	if r.now.IsZero() {
		r.now = s.Now()
	}
	if r.year == 0 {
		r.year = r.now.Year()
	}
	if err := r.chooseScope(); err != nil {
		return nil, err
	}
	title := b.title
	if o.BranchID != "" {
		title = r.branches[0].Label + title
	}
	period := fmt.Sprintf("%d年度", r.year)
	if b.period != nil {
		period = b.period(r)
	}
	r.doc = &layout.Document{Title: title, Org: r.scope.name, Period: period, Printed: r.now, Landscape: b.landscape}
	if err := b.build(r); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.doc, nil
}

// inBranch reports whether a branch id is covered.
func (r *request) inBranch(id data.Ref) bool {
	for _, b := range r.branches {
		if b.ID == string(id) {
			return true
		}
	}
	return false
}

// progress reports done of total.
func (r *request) progress(done, total int) {
	if r.opts.Progress != nil {
		r.opts.Progress(done, total)
	}
}

// tick reports progress and checks for cancellation every so many steps.
func (r *request) tick(done, total, every int) error {
	if done%every != 0 {
		return nil
	}
	r.progress(done, total)
	return r.ctx.Err()
}

// part starts the document's one part (a ledger) or its next one.
func (r *request) part(title, subtitle, record string) *layout.Part {
	return r.doc.NewPart(title, subtitle, record)
}

// nothing makes the document one part saying there is nothing to print.
func (r *request) nothing(text string) {
	r.part("", "", "").Add(&layout.Paragraph{Text: text})
}
