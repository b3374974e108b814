package merge

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dangjian/data"
	"dangjian/data/localfs"
)

// Request is one merge: a kind of records, a template, and where to write.
type Request struct {
	Kind     Kind
	Template string // the .docx template's path
	// Out is a folder receiving one .docx per record (made when missing),
	// or, with OneFile, the one .docx holding every record.
	Out     string
	OneFile bool
	Options
	// Progress, when set, is told now and then how many documents of how
	// many are made.
	Progress func(done, total int)
}

// Result is what a merge wrote.
type Result struct {
	Records int      // the records filled
	Files   []string // the files written, in the records' order
	// Renamed counts the files of a folder merge whose name was taken and
	// that got 「(2)」, 「(3)」 … added.
	Renamed int
}

// ErrNoRecords is a merge that found no record of its kind to fill;
// nothing is written. Merge returns it as a *NoRecordsError.
var ErrNoRecords = errors.New("没有可填写的记录，未生成文件")

// NoRecordsError is ErrNoRecords told with the kind, the year and whether
// one branch was chosen.
type NoRecordsError struct {
	Kind   Kind
	Year   int
	Branch bool // one branch was chosen
	Org    bool // one organization was chosen
}

func (e *NoRecordsError) Error() string {
	what, _, _ := strings.Cut(Title(e.Kind), "(")
	where := ""
	switch {
	case e.Branch:
		where = "所选党支部"
	case e.Org:
		where = "所选组织"
	}
	return fmt.Sprintf("%d年%s没有可填写的%s记录，未生成文件", e.Year, where, what)
}

func (e *NoRecordsError) Is(target error) bool { return target == ErrNoRecords }

// Merge fills the template for every record of req.Kind and writes the
// documents, whole or not at all: before anything is written the template
// is checked (a *FieldError names the placeholders the kind does not
// fill) and the records read; the documents are made in a private folder
// beside the output and only then put in place, never replacing a file —
// in a folder, a name already taken gets 「(2)」, 「(3)」 … added. The
// database, its own files and the template are never written over. It
// takes a while (about 2 ms a document into a folder): run it off the UI
// goroutine; ctx cancels it, leaving nothing written.
func Merge(ctx context.Context, s *data.Store, req Request) (Result, error) {
	t, err := OpenTemplate(req.Template)
	if err != nil {
		return Result{}, err
	}
	if err := t.Check(req.Kind); err != nil {
		return Result{}, err
	}
	if samePath(req.Out, req.Template) {
		return Result{}, &localfs.OutputError{Path: req.Out, Reason: "这是套打所用的模板"}
	}
	protected := append(localfs.OwnFiles(s.Path()), req.Template)
	if req.OneFile {
		if !strings.EqualFold(filepath.Ext(req.Out), ".docx") {
			return Result{}, &localfs.OutputError{Path: req.Out, Reason: "生成一个文件时，文件名应以.docx结尾"}
		}
		if err := (localfs.Output{Protected: protected}).Check(req.Out); err != nil {
			return Result{}, err
		}
	} else if err := checkFolder(req.Out, protected); err != nil {
		return Result{}, err
	}
	rs, err := Records(ctx, s, req.Kind, req.Options)
	if err != nil {
		return Result{}, err
	}
	if len(rs) == 0 {
		year := req.Options.Year
		if year == 0 {
			year = req.Options.Now.Year()
			if req.Options.Now.IsZero() {
				year = s.Now().Year()
			}
		}
		return Result{}, &NoRecordsError{Kind: req.Kind, Year: year, Branch: req.Options.BranchID != "", Org: req.Options.OrgID != ""}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if req.OneFile {
		err := localfs.WriteFile(req.Out, func(w io.Writer) error {
			if req.Progress != nil {
				req.Progress(0, len(rs))
			}
			return t.WriteAll(w, rs)
		})
		if err != nil {
			return Result{}, err
		}
		if req.Progress != nil {
			req.Progress(len(rs), len(rs))
		}
		return Result{Records: len(rs), Files: []string{req.Out}}, nil
	}
	files, renamed, err := writeFolder(ctx, t, rs, req.Out, req.Progress)
	if err != nil {
		return Result{}, err
	}
	return Result{Records: len(rs), Files: files, Renamed: renamed}, nil
}

// checkFolder refuses an output folder that is a file, one of the
// protected files, or a new folder whose own folder does not exist (only the
// last folder is made: a mistyped path is an error, not new folders).
func checkFolder(dir string, protected []string) error {
	if strings.TrimSpace(dir) == "" {
		return &localfs.OutputError{Path: dir, Reason: "没有给出文件夹"}
	}
	for _, p := range protected {
		if samePath(dir, p) {
			return &localfs.OutputError{Path: dir, Reason: "这是程序正在使用的文件"}
		}
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return &localfs.OutputError{Path: dir, Reason: "这是一个文件，而逐份生成需要一个文件夹（或改为生成一个文件）"}
	case errors.Is(err, os.ErrNotExist):
		return localfs.MakeableFolder(dir)
	case err != nil:
		return &localfs.PathError{Path: dir, Cause: err}
	}
	return nil
}

// writeFolder writes one .docx per record into dir, made when missing (its
// own folder must exist): first all of them into a private scratch folder
// beside, then each linked into place under a name not taken. Should one
// fail, those already placed are removed. It returns the files placed and
// how many of them got a number added to a name already taken.
func writeFolder(ctx context.Context, t *Template, rs []Record, dir string, progress func(done, total int)) ([]string, int, error) {
	made := false
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Mkdir(dir, 0o700); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, 0, localfs.MakeableFolder(dir)
			}
			return nil, 0, &localfs.PathError{Path: dir, Cause: err}
		}
		made = true
	}
	placed, renamed, err := fillFolder(ctx, t, rs, dir, progress)
	if err != nil {
		for _, p := range placed {
			os.Remove(p)
		}
		if made {
			os.Remove(dir) // only when empty
		}
		return nil, 0, err
	}
	localfs.SyncDir(dir)
	return placed, renamed, nil
}

// fillFolder makes the documents in a scratch folder and places them; it
// returns the files placed, also when it fails, and how many were renamed.
func fillFolder(ctx context.Context, t *Template, rs []Record, dir string, progress func(done, total int)) ([]string, int, error) {
	scratch, err := localfs.NewScratch(dir)
	if err != nil {
		return nil, 0, err
	}
	defer scratch.Close()
	tmp := make([]string, len(rs))
	for i := range rs {
		if i%20 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
			if progress != nil {
				progress(i, len(rs))
			}
		}
		tmp[i] = filepath.Join(scratch.Dir(), fmt.Sprintf("%06d.docx", i))
		if err := writeNew(tmp[i], func(w io.Writer) error { return t.Write(w, &rs[i]) }); err != nil {
			if localfs.Reason(err) != "" {
				err = &localfs.PathError{Path: dir, Cause: err}
			}
			return nil, 0, err
		}
	}
	var placed []string
	renamed := 0
	for i := range rs {
		name := FileName(&rs[i])
		p, err := place(tmp[i], dir, name)
		if err != nil {
			return placed, renamed, err
		}
		if filepath.Base(p) != name {
			renamed++
		}
		placed = append(placed, p)
	}
	if progress != nil {
		progress(len(rs), len(rs))
	}
	return placed, renamed, nil
}

// writeNew writes a new private file, synced.
func writeNew(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// place puts the file tmp into dir as name, or name(2), name(3) … when the
// name is taken, never replacing a file; it returns the path used.
func place(tmp, dir, name string) (string, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 10000; n++ {
		p := filepath.Join(dir, name)
		if n > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s(%d)%s", stem, n, ext))
		}
		if _, err := os.Lstat(p); err == nil {
			continue
		}
		err := os.Link(tmp, p)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			// No hard links here (FAT on a USB stick): the name was
			// free a moment ago.
			if _, serr := os.Lstat(p); serr == nil {
				continue
			}
			err = localfs.Rename(tmp, p)
		}
		if err != nil {
			if localfs.Reason(err) != "" {
				return "", &localfs.PathError{Path: p, Cause: err}
			}
			return "", fmt.Errorf("无法写入%s：%w", p, err)
		}
		return p, nil
	}
	return "", fmt.Errorf("文件夹%s中同名文件过多", dir)
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
