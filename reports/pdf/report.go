package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"dangjian/data"
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
	// BranchID is the one branch covered, by id; every branch when empty.
	// (The command line resolves a name with data.Store.ResolveBranch.)
	BranchID string
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

// request is what a document's writer works from.
type request struct {
	ctx      context.Context
	store    *data.Store
	opts     Options
	year     int
	now      time.Time
	branches []data.Branch // the branches covered, by name
	doc      *Document
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

type writer struct {
	title     string
	landscape bool
	write     func(r *request) error
}

// writers holds each document's writer; each document's file registers
// its own in an init function.
var writers = map[Kind]writer{}

// Title is a document's Chinese title.
func Title(k Kind) string { return writers[k].title }

// ParseKind reads a document name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			if _, ok := writers[k]; !ok {
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

// errUnprintable is why a document the PDF library could not make was
// refused; it names no person.
var errUnprintable = errors.New("生成PDF失败:文档中有打印字体不能处理的字符(如基本多文种平面以外的生僻字),未写入任何文件")

// Write renders document k of the store's organization to w. Nothing is
// written to w unless the whole document was made.
func Write(ctx context.Context, s *data.Store, k Kind, w io.Writer, o Options) (err error) {
	// The PDF library panics on some text (characters outside the Basic
	// Multilingual Plane); the document is then refused, not the program.
	defer func() {
		if p := recover(); p != nil {
			err = errUnprintable
		}
	}()
	wr, ok := writers[k]
	if !ok {
		return fmt.Errorf("未知的文档类型: %s", k)
	}
	r := &request{ctx: ctx, store: s, opts: o, year: o.Year, now: o.Now}
	if r.now.IsZero() {
		r.now = s.Now()
	}
	if r.year == 0 {
		r.year = r.now.Year()
	}
	if err := r.chooseBranches(); err != nil {
		return err
	}
	title := wr.title
	if o.BranchID != "" {
		title = r.branches[0].Name + title
	}
	r.doc = NewDocument(Meta{Org: s.Org().Name, Title: title, Year: r.year, Printed: r.now, Landscape: wr.landscape})
	if err := wr.write(r); err != nil {
		return err
	}
	if err := r.doc.Err(); err != nil {
		return fmt.Errorf("生成PDF失败: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return r.doc.Output(w)
}

// chooseBranches sets the branches the document covers: every branch, by
// name, or the one Options.BranchID names.
func (r *request) chooseBranches() error {
	refs, err := r.store.BranchRefs(r.ctx)
	if err != nil {
		return err
	}
	all := make([]data.Branch, len(refs))
	for i := range refs {
		all[i] = refs[i].Branch
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	r.branches = all
	labels := make([]string, len(refs))
	for i, b := range refs {
		labels[i] = b.Label
	}
	id := r.opts.BranchID
	if id == "" {
		return nil
	}
	for _, b := range refs {
		if b.ID == id {
			r.branches = []data.Branch{b.Branch}
			return nil
		}
	}
	return &BranchError{ID: id, Branches: labels}
}
