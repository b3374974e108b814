package sheets

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"dangjian/data"
	"dangjian/data/localfs"
)

// Options change how Import writes.
type Options struct {
	DryRun      bool                  // check every row, write nothing
	SkipInvalid bool                  // write the valid rows, report the others
	Progress    func(done, total int) // called now and then; may be nil
	Today       func() time.Time      // the clock for "not in the future"; the store's by default
	// Map maps headers of the sheet onto the template's columns (or
	// Ignore), where the template's headers and their aliases do not; a
	// written import remembers it for sheets with the same headers.
	Map map[string]string
	// Update (members only): a row whose 公民身份号码 matches a member
	// changes only the cells it fills, blank ones keep the stored value,
	// and every change is listed in Report.Changes.
	Update bool
	_      struct{} // keep positional literals out
}

// outcome is what a row did to the database.
type outcome int

const (
	unchanged outcome = iota
	created
	updated
)

// importer applies the rows of one kind inside the import's transaction.
type importer interface {
	// prepare loads what rows are matched against.
	prepare(ctx context.Context, tx *data.Tx) error
	// apply parses a row and writes it; problems go into the row. It runs
	// inside a savepoint: an error undoes what it wrote.
	apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error)
	// settle is told whether the row's writes stayed, so caches can follow.
	settle(ok bool)
}

func newImporter(k Kind) importer {
	switch k {
	case Members:
		return &memberImporter{}
	case Training:
		return &trainingImporter{}
	case Meetings:
		return &meetingImporter{}
	case Dues:
		return &duesImporter{}
	case Transfers:
		return &transferImporter{}
	case Pipeline:
		return &pipelineImporter{}
	case DevSteps:
		return &devStepImporter{}
	default:
		return &recordImporter{sp: recordSpecs[k]}
	}
}

// errRollback ends the transaction without committing.
var errRollback = errors.New("rollback")

// errRowProblems marks a row whose problems are recorded in it.
var errRowProblems = errors.New("row has problems")

// ImportFile imports the workbook at path.
func ImportFile(ctx context.Context, s *data.Store, k Kind, path string, o Options) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputErrorf("无法打开文件“%s”：%s", path, openReason(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, inputErrorf("无法打开文件“%s”：%s", path, isFolderText)
	}
	rep, err := Import(ctx, s, k, f, o)
	return rep, inFile(err, path)
}

// inFile names the file in a problem of the file as a whole (「文件已损坏：…」,
// 「文件不是有效的Excel（.xlsx）文件…」): 「“名单.csv”无法导入：文件不是有效的…」,
// with a hint for a CSV or old .xls file that it be saved as .xlsx first.
func inFile(err error, path string) error {
	ie, ok := err.(*InputError)
	if !ok || path == "" {
		return err
	}
	if !strings.HasPrefix(ie.Msg, "文件") {
		return err
	}
	notExcel := strings.HasPrefix(ie.Msg, "文件不是有效的Excel")
	ie.Msg = "“" + filepath.Base(path) + "”无法导入：" + ie.Msg
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case notExcel && (ext == ".csv" || ext == ".xls" || ext == ".et" || ext == ".txt"):
		ie.Msg += "；请先在Excel或WPS中将其另存为.xlsx格式，再导入"
	}
	return ie
}

// isFolderText is why a folder chosen for import cannot be read.
const isFolderText = "这是一个文件夹，请选择要导入的.xlsx文件"

// openReason says in Chinese why the file to import could not be opened:
// it does not exist, may not be read, or is a folder; the system's own
// words only for a rarer cause.
func openReason(err error) string {
	if errors.Is(err, syscall.EISDIR) {
		return isFolderText
	}
	if reason := localfs.ReadReason(err); reason != "" {
		return reason
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is in the message already
	}
	return "系统报告“" + err.Error() + "”"
}

// Import reads a workbook of kind k and writes its rows in one transaction:
// all of them, or, when any row has a problem, none (unless SkipInvalid,
// which writes the valid rows). Every problem of every row is reported.
// An unusable file is an *InputError and writes nothing: one that is not a
// workbook, lacks required headers, is damaged anywhere (a bad checksum,
// data cut short, XML that is not well-formed), or passes a limit of
// limits.go. A cancelled context returns its error and writes nothing.
//
// Nothing is written to the system's temporary folder: a copy of the input
// that is needed (when in is neither a file nor in memory) goes into a
// private scratch folder beside the database, removed on return (and at
// the next start if the program dies).
func Import(ctx context.Context, s *data.Store, k Kind, in io.Reader, o Options) (*Report, error) {
	layout := LayoutOf(k)
	if layout.Kind == "" {
		return nil, inputErrorf("未知的表格类型：%s", k)
	}
	scratch, err := localfs.NewScratch(filepath.Dir(s.Path()))
	if err != nil {
		return nil, err
	}
	defer scratch.Close()
	ra, size, done, err := readerAt(ctx, in, scratch.Dir())
	if err != nil {
		return nil, err
	}
	defer done()
	mp, err := newMapper(ctx, s, k, o)
	if err != nil {
		return nil, err
	}
	sr, err := openSheet(ctx, ra, size, layout, mp)
	if err != nil {
		return nil, err
	}
	defer sr.Close()
	clock := o.Today
	if clock == nil {
		clock = s.Now
	}
	y, m, d := clock().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)

	rep := &Report{Kind: k, DryRun: o.DryRun, Mapping: sr.mapping}
	imp := newImporter(k)
	withOptions(imp, o)
	rows, stop := sr.stream()
	defer stop()
	err = s.Write(ctx, func(tx *data.Tx) error {
		if err := imp.prepare(ctx, tx); err != nil {
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			next, ok := <-rows
			if !ok {
				break
			}
			if next.err != nil {
				return next.err
			}
			r := next.row
			r.today = today
			rep.Rows++
			if err := importRow(ctx, tx, imp, r, rep, o.SkipInvalid); err != nil {
				return err
			}
			if o.Progress != nil && rep.Rows%200 == 0 {
				o.Progress(rep.Rows, sr.progressTotal(rep.Rows))
			}
		}
		if members, ok := imp.(*memberImporter); ok {
			rep.NewBranches = members.newBranches
		}
		if err := afterRows(ctx, tx, imp, rep, o); err != nil {
			return err
		}
		if o.DryRun || (len(rep.Problems) > 0 && !o.SkipInvalid) {
			return errRollback
		}
		return nil
	})
	if o.Progress != nil {
		o.Progress(rep.Rows, rep.Rows)
	}
	switch {
	case errors.Is(err, errRollback):
		return rep, nil
	case err != nil:
		return rep, err
	}
	rep.Written = true
	return rep, nil
}

// importRow applies one row and books its outcome. When valid rows are to
// be kept (skipInvalid), each row runs in a savepoint so that a bad row
// leaves nothing behind. Otherwise a bad row dooms the whole transaction,
// so what it half-wrote may stay until the rollback, and the caches keep
// following the database; this saves two statements a row.
func importRow(ctx context.Context, tx *data.Tx, imp importer, r *row, rep *Report, skipInvalid bool) error {
	var out outcome
	apply := func() error {
		var err error
		out, err = imp.apply(ctx, tx, r)
		if err == nil && len(r.problems) > 0 {
			err = errRowProblems
		}
		return err
	}
	var err error
	if skipInvalid {
		err = tx.Try(ctx, apply)
		imp.settle(err == nil)
	} else {
		err = apply()
		imp.settle(true)
	}
	if err != nil && len(r.problems) == 0 {
		return err // not the row's fault: the database failed
	}
	if len(r.problems) > 0 {
		rep.Problems = append(rep.Problems, r.problems...)
		rep.Skipped++
		return nil
	}
	switch out {
	case created:
		rep.Created++
	case updated:
		rep.Updated++
	default:
		rep.Unchanged++
	}
	return nil
}

// rowErr turns a store validation error into the row's problems (naming
// columns through cols) and any other error into a failure of the import.
func rowErr(r *row, err error, cols map[string]string) error {
	if err == nil {
		return nil
	}
	if r.storeProblems(err, cols) {
		return errRowProblems
	}
	return err
}
