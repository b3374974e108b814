package snapshot

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/localfs"
)

// ErrTermFrozen refuses to consolidate again a term that has ended, unless
// the committee reopens it.
var ErrTermFrozen = errors.New("该学期已结束，汇总结果已冻结")

// ErrTermNotStarted refuses to consolidate a term to come.
var ErrTermNotStarted = errors.New("该学期尚未开始")

// termPlan is the term a consolidation makes the result of.
type termPlan struct {
	term string
	prev *TermSources // the term's result so far, nil for none
	// replaces is the ended term's result a reopening replaces.
	replaces *TermSources
}

// planTerm chooses the term (the current one when name is empty) and
// refuses a term that has not started, and an ended one whose result
// exists unless reopen.
func (c *Committee) planTerm(name string, reopen bool, now time.Time) (termPlan, error) {
	cal, err := c.TermCalendar()
	if err != nil {
		return termPlan{}, err
	}
	if name == "" {
		name = TermOn(now, cal)
	}
	t, err := ParseTerm(name)
	if err != nil {
		return termPlan{}, err
	}
	p := termPlan{term: name}
	if start, _ := t.Span(cal); !t.Started(now, cal) {
		return p, fmt.Errorf("%w：%s%s开始，尚不能汇总", ErrTermNotStarted, t.Label(), start.Format(time.DateOnly))
	}
	prev, err := c.readTermSources(name)
	switch {
	case errors.Is(err, ErrNoTermResult):
		return p, nil
	case err != nil:
		// A damaged record of the term: a new result replaces it.
		return p, nil
	}
	p.prev = &prev
	if t.Ended(now, cal) {
		if !reopen {
			_, end := t.Span(cal)
			return p, fmt.Errorf("%w：%s已于%s结束，其汇总结果（%s生成，合并了%d个组织的快照）不再重新汇总；如确需重新汇总，请加 --reopen，新结果将替换它",
				ErrTermFrozen, t.Label(), end.Format(time.DateOnly), prev.When.Local().Format("2006-01-02 15:04"), prev.Merged())
		}
		p.replaces = &prev
	}
	return p, nil
}

// mergeBase is the earlier result a consolidation starts from.
type mergeBase struct {
	// orgs are the base's organizations with a snapshot merged.
	orgs map[string]TermSource
	// rebuilt says why there is no base (orgs nil), "" when there is.
	rebuilt string
	// done are the organizations dealt with: taken out or kept.
	done map[string]bool
	// inPlace, when set, is the term's own result being updated in place
	// (data.UpdateInPlace) and src its record.
	inPlace string
	src     TermSources
}

// holds reports whether the base holds the organization's accepted
// snapshot acc already.
func (b *mergeBase) holds(acc *Accepted) bool {
	if acc == nil {
		return false
	}
	s, ok := b.orgs[acc.Manifest.OrgID]
	return ok && s.Seq == acc.Seq && s.ManifestSHA256 == acc.ManifestSHA256
}

// keep notes that the organization's rows stay as they are.
func (b *mergeBase) keep(orgID string) { b.done[orgID] = true }

// remove takes the organization's rows out of the base, if it holds any.
func (b *mergeBase) remove(ctx context.Context, m *data.Merger, orgID string) error {
	if _, ok := b.orgs[orgID]; !ok || b.done[orgID] {
		return nil
	}
	b.done[orgID] = true
	return m.Remove(ctx, orgID)
}

// removeRest takes out the organizations of the base that are enrolled no
// more.
func (b *mergeBase) removeRest(ctx context.Context, m *data.Merger) error {
	for org := range b.orgs {
		if err := b.remove(ctx, m, org); err != nil {
			return err
		}
	}
	return nil
}

// startMerge starts the new result at tmpOut: a copy of the base, or an
// empty database when none can be used.
func (c *Committee) startMerge(ctx context.Context, p termPlan, tmpOut string) (*data.Merger, *mergeBase, error) {
	src, why := c.chooseBase(p)
	if why == "" {
		m, inPlace, err := c.openBase(ctx, p, src, tmpOut)
		if err == nil {
			b := &mergeBase{orgs: map[string]TermSource{}, done: map[string]bool{}, inPlace: inPlace, src: src}
			for _, o := range src.Orgs {
				if o.Seq > 0 {
					b.orgs[o.Org] = o
				}
			}
			return m, b, nil
		}
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		why = fmt.Sprintf("%s的汇总结果无法续用（%v）", TermLabel(src.Term), err)
		removeDatabaseFiles(tmpOut)
	}
	m, err := data.NewMerger(ctx, tmpOut)
	return m, &mergeBase{rebuilt: why, done: map[string]bool{}}, err
}

// chooseBase is the result to start from: the term's own, else the newest
// of another term made by this build's schema; "" and why there is none.
func (c *Committee) chooseBase(p termPlan) (TermSources, string) {
	var candidates []TermSources
	if p.prev != nil {
		candidates = append(candidates, *p.prev)
	}
	terms, _ := c.Terms()
	for _, t := range terms {
		if t.Term != p.term {
			candidates = append(candidates, t.Sources)
		}
	}
	why := "尚无可续用的汇总结果"
	for i, s := range candidates {
		reason := ""
		switch {
		case s.SchemaVersion != data.SchemaVersion():
			reason = fmt.Sprintf("%s的汇总结果为第%d版数据库结构，本程序为第%d版", TermLabel(s.Term), s.SchemaVersion, data.SchemaVersion())
		case s.NoBase != "":
			reason = fmt.Sprintf("%s的汇总结果不能续用（%s）", TermLabel(s.Term), s.NoBase)
		default:
			return s, ""
		}
		if i == 0 {
			why = reason
		}
	}
	return TermSources{}, why
}

// openBase goes on from the base: the term's own latest result in place
// (its path returned), any other one from a copy at tmpOut. Either is
// used only when it is the file its record describes.
func (c *Committee) openBase(ctx context.Context, p termPlan, src TermSources, tmpOut string) (*data.Merger, string, error) {
	path := filepath.Join(c.termDir(src.Term), src.File)
	if p.prev != nil && p.replaces == nil && src.Term == p.term && src.Generation != 0 {
		if err := checkGeneration(path, src); err != nil {
			return nil, "", err
		}
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, "", err
		}
		m, err := data.UpdateInPlace(ctx, path, src.Merge)
		if err != nil {
			os.Chmod(path, 0o400)
			return nil, "", err
		}
		return m, path, nil
	}
	m, err := c.copyBase(ctx, src, tmpOut)
	return m, "", err
}

// copyBase copies the base's database to tmpOut, checking it is the file
// its record describes, and goes on from the copy.
func (c *Committee) copyBase(ctx context.Context, src TermSources, tmpOut string) (*data.Merger, error) {
	path := filepath.Join(c.termDir(src.Term), src.File)
	if src.Generation != 0 {
		if err := checkGeneration(path, src); err != nil {
			return nil, err
		}
	}
	sum, n, err := copyChecked(ctx, path, tmpOut)
	if err != nil {
		return nil, err
	}
	if src.Checksum != "" && sum != src.Checksum || n != src.Size {
		return nil, errMismatch
	}
	if src.Generation != 0 {
		// Checked again on the copy: the file did not change meanwhile.
		if err := checkGeneration(tmpOut, src); err != nil {
			return nil, err
		}
	}
	return data.ResumeMerger(ctx, tmpOut, src.Merge)
}

// errMismatch: the base's file is not the one its record describes.
var errMismatch = errors.New("数据库文件与汇总记录不符，可能已被改动或损坏")

// checkGeneration refuses the file at path unless it has the size and
// change counter its record src gave it.
func checkGeneration(path string, src TermSources) error {
	g, n, err := generationOf(path)
	if err != nil {
		return err
	}
	if g != src.Generation || n != src.Size {
		return errMismatch
	}
	return nil
}

// generationOf is the SQLite database's file change counter (its header's
// bytes 24-27, which every write in rollback-journal mode bumps, valid when
// bytes 92-95 hold the same) and the file's size. A database in WAL mode,
// whose writes the counter does not tell, has none (0).
func generationOf(path string) (uint32, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return 0, 0, errMismatch
	}
	counter, valid := binary.BigEndian.Uint32(h[24:]), binary.BigEndian.Uint32(h[92:])
	if h[18] != 1 || h[19] != 1 || counter != valid {
		return 0, st.Size(), nil
	}
	return counter, st.Size(), nil
}

// finishInPlace records the term's result updated in place: its record,
// written last and atomically, gives its new generation. The file is
// read-only again whatever happens.
func (c *Committee) finishInPlace(path string, src TermSources) (string, error) {
	defer func() { os.Chmod(path, 0o400) }()
	if err := os.Chmod(path, 0o400); err != nil {
		return "", err
	}
	// A new name, as every new result gets, so that what named the
	// previous one tells them apart; a window reading the file reads on
	// (where the system renames no open file, it keeps its name). Should
	// the record not follow, it names a missing file: a rebuild.
	dir := filepath.Dir(path)
	for n := resultNumber(filepath.Base(path)) + 1; ; n++ {
		next := filepath.Join(dir, fmt.Sprintf("%s%04d.db", termResultPrefix, n))
		if _, err := os.Lstat(next); errors.Is(err, os.ErrNotExist) {
			if localfs.Rename(path, next) == nil {
				path = next
			}
			break
		}
	}
	g, n, err := generationOf(path)
	if err != nil {
		return "", err
	}
	src.File, src.Generation, src.Size, src.Checksum = filepath.Base(path), g, n, ""
	if err := writeJSON(filepath.Join(c.termDir(src.Term), termSourcesFile), src, true); err != nil {
		return "", err
	}
	return path, nil
}

// installTerm puts the finished database in the term's folder, read-only,
// under a new name, then its record (which names it), and removes the
// term's older databases.
func (c *Committee) installTerm(p termPlan, tmpOut string, src TermSources) (string, error) {
	dir := c.termDir(p.term)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	n := 1
	if p.prev != nil {
		n = resultNumber(p.prev.File) + 1
	}
	for ; ; n++ {
		src.File = fmt.Sprintf("%s%04d.db", termResultPrefix, n)
		if _, err := os.Lstat(filepath.Join(dir, src.File)); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	if err := syncFile(tmpOut); err != nil {
		return "", err
	}
	g, _, err := generationOf(tmpOut)
	if err != nil {
		return "", err
	}
	src.Generation = g
	if err := os.Chmod(tmpOut, 0o400); err != nil {
		return "", err
	}
	path := filepath.Join(dir, src.File)
	if err := localfs.Rename(tmpOut, path); err != nil {
		return "", err
	}
	if err := writeJSON(filepath.Join(dir, termSourcesFile), src, true); err != nil {
		os.Chmod(path, 0o600)
		os.Remove(path)
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(dir, termResultPrefix+"*.db"))
	for _, f := range old {
		if filepath.Base(f) != src.File {
			// Still open in a window on Windows: removed next time.
			os.Chmod(f, 0o600)
			removeDatabaseFiles(f)
		}
	}
	return path, nil
}

// resultNumber is n of a result's name merged-<n>.db, 0 for another name.
func resultNumber(name string) int {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, termResultPrefix), ".db"))
	if err != nil {
		return 0
	}
	return n
}

// copyResult writes a copy of the term's database to out, replacing it:
// built in a private folder beside out, then renamed, readable by the
// user only.
func (c *Committee) copyResult(ctx context.Context, result, out, work string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return err
	}
	dir := work
	if !localfs.SamePath(filepath.Dir(out), c.Dir) {
		build, err := localfs.NewScratch(filepath.Dir(out))
		if err != nil {
			return err
		}
		defer build.Close()
		dir = build.Dir()
	}
	tmp := filepath.Join(dir, "copy-"+MergedFile)
	if _, _, err := copyChecked(ctx, result, tmp); err != nil {
		return err
	}
	if err := replaceFile(tmp, out); err != nil {
		return fmt.Errorf("无法替换汇总数据库(可能正被其他程序打开): %w", err)
	}
	c.recordOutput(out)
	return nil
}

// castagnoli is the CRC-32C table: computed by the processor, several
// times faster than reading the file.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// copyChecked copies the file at from to a new file at to (readable by
// the user only) and returns the CRC-32C and size of what it copied: the
// system copies (copy_file_range where there is one) while the checksum
// is computed over the same file.
func copyChecked(ctx context.Context, from, to string) (string, int64, error) {
	sums := make(chan fileSum, 1)
	go func() { sums <- checksumOf(ctx, from) }()
	copied, err := copyFile(ctx, from, to)
	s := <-sums
	switch {
	case err != nil:
		return "", 0, err
	case s.err != nil:
		os.Remove(to)
		return "", 0, s.err
	case copied != s.n:
		os.Remove(to)
		return "", 0, errors.New("复制中文件发生了变化")
	}
	return s.crc, s.n, nil
}

// copyFile copies the file at from to a new file at to, readable by the
// user only.
func copyFile(ctx context.Context, from, to string) (int64, error) {
	in, err := os.Open(from)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		os.Remove(to)
		return 0, describe(err)
	}
	return n, nil
}

// fileSum is a file's CRC-32C and size, or why they could not be read.
type fileSum struct {
	crc string
	n   int64
	err error
}

func checksumOf(ctx context.Context, path string) fileSum {
	crc, n, err := checksumFile(ctx, path)
	return fileSum{crc, n, err}
}

// checksumFile is the CRC-32C and size of the file at path.
func checksumFile(ctx context.Context, path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.CopyBuffer(h, ctxReader{ctx, f}, make([]byte, 1<<20))
	if err != nil {
		return "", 0, err
	}
	return fmt.Sprintf("%08x", h.Sum32()), n, nil
}

// removeDatabaseFiles removes a database and SQLite's files beside it.
func removeDatabaseFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// source is the organization's line of the term's record.
func (o outcome) source() TermSource {
	r := o.report
	s := TermSource{Org: r.Org, Name: r.Name, Status: r.Status, Reason: r.Reason, CheckedSeq: r.Seq, Refusal: r.Refusal}
	if o.merged != nil {
		s.Seq, s.ManifestSHA256, s.PlainSHA256 = o.merged.Seq, o.merged.ManifestSHA256, o.merged.Manifest.PlainSHA256
	}
	return s
}
