package snapshot

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"filippo.io/age"

	"dangjian/data"
	"dangjian/data/localfs"
	"dangjian/data/rules"
)

// OrgReport is one organization's line of a consolidation.
type OrgReport struct {
	Org     string `json:"org"`  // org id
	Name    string `json:"name"` // org name
	Seq     uint64 `json:"seq"`  // the newest manifest checked
	Status  string `json:"status"`
	Reason  string `json:"reason"`
	UsedSeq uint64 `json:"used_seq"` // the snapshot merged, 0 for none
	// Refusal tells what kind of refusal a rejected status is, when it
	// is not a failed verification: RefusalNewerVersion for a snapshot of
	// a newer release than the committee's (not tampering).
	Refusal string `json:"refusal,omitempty"`
}

// Kinds of refusal that are not a failed verification (OrgReport.Refusal).
const (
	// RefusalNewerVersion: the snapshot was made by a newer release than
	// the committee's; the committee must upgrade, nothing was tampered.
	RefusalNewerVersion = "newer_version"
)

// FindingReport is one cross-organization finding.
type FindingReport struct {
	Kind   string `json:"kind"`
	Org    string `json:"org,omitempty"`
	Detail string `json:"detail"`
}

// Report is the outcome of a consolidation (consolidate --json).
type Report struct {
	Orgs     []OrgReport     `json:"orgs"`
	Findings []FindingReport `json:"findings"`
	// Term is the term consolidated, Result its database in the
	// committee's folder (terms/<term>/).
	Term   string `json:"term"`
	Result string `json:"result"`
	// Reused counts the organizations whose snapshot was taken from the
	// previous result without being read again; Rebuilt, when set, says
	// why the result was built from scratch instead.
	Reused  int    `json:"reused"`
	Rebuilt string `json:"rebuilt,omitempty"`
	// Replaced is what a reopening of an ended term replaced.
	Replaced *TermSources `json:"replaced,omitempty"`

	took timings
}

// timings is how long the parts of a consolidation took (benchmarks).
type timings struct {
	// verify is the checking of the organizations, from the first to the
	// last outcome, the merging done meanwhile included; merge is the
	// merger's own share: the base copied, rows removed and added, and
	// the indexes made.
	verify, merge time.Duration
	// findings is the cross-organization checks (the result's checksum
	// computed meanwhile), install the result put in place (flushed to
	// the disk, renamed, recorded); base is the previous result copied.
	findings, install, base time.Duration
	// indexes is the end of the merge: the indexes made (a new database)
	// or the transaction committed (in place).
	indexes time.Duration
}

// Rejected counts the organizations whose newest snapshot was refused.
func (r Report) Rejected() int {
	n := 0
	for _, o := range r.Orgs {
		if o.Status == StatusRejected {
			n++
		}
	}
	return n
}

// ConsolidateOptions is what a consolidation needs.
type ConsolidateOptions struct {
	Identity age.Identity // the committee's, from Unlock
	// Term is the term consolidated (2026-2027-1); the current one by the
	// committee's calendar when empty.
	Term string
	// Reopen lets an ended term's result be replaced (ErrTermFrozen
	// otherwise).
	Reopen bool
	// Out, when set, gets a copy of the result, replaced when it exists.
	// It must pass CheckOutput: never a file of the committee's folder or
	// another database, except a consolidated database written before.
	Out string
	// Backend overrides the configured server (tests).
	Backend Backend
	// Progress, when set, is told how far the work is (done of total steps).
	Progress func(done, total int, what string)
	Now      func() time.Time
	// Workers bounds how many organizations are verified at once; the
	// number of CPUs by default.
	Workers int
}

// Consolidate checks every enrolled organization's newest snapshot, keeps
// each one that passes as its last accepted, and makes the term's
// consolidated database from the accepted snapshots only. A refused
// snapshot is reported and the organization's last accepted one is merged
// instead. The work starts from the previous result (the term's own, or
// the newest of this build's schema): an organization whose accepted
// snapshot is the one already there is neither downloaded nor decrypted
// again; the others' rows are replaced, and the cross-organization
// findings made again over the whole. One operation at a time changes the
// committee's folder (ErrCommitteeBusy for the others). The database is
// built in a private folder and replaces the term's result, read-only,
// once complete; Out gets a copy.
func (c *Committee) Consolidate(ctx context.Context, o ConsolidateOptions) (Report, error) {
	var rep Report
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	progress := o.Progress
	if progress == nil {
		progress = func(int, int, string) {}
	}
	l, err := c.lock()
	if err != nil {
		return rep, err
	}
	defer l.Unlock()
	if o.Out != "" {
		if err := c.CheckOutput(o.Out); err != nil {
			return rep, err
		}
	}
	key, err := decisionKey(o.Identity)
	if err != nil {
		return rep, err
	}
	plan, err := c.planTerm(o.Term, o.Reopen, now())
	if err != nil {
		return rep, err
	}
	rep.Term, rep.Replaced = plan.term, plan.replaces
	orgs, err := c.Orgs()
	if err != nil {
		return rep, err
	}
	backend, err := backendOr(o.Backend, c.Config.endpoint())
	if err != nil {
		return rep, err
	}
	// Decrypted snapshots and the new database live in a private folder
	// of the committee's, removed at the end, or at the next start if
	// this run dies.
	work, err := localfs.NewScratch(c.Dir)
	if err != nil {
		return rep, err
	}
	defer work.Close()

	total := len(orgs) + 2
	tmpOut := filepath.Join(work.Dir(), MergedFile)
	start := time.Now()
	merger, base, err := c.startMerge(ctx, plan, tmpOut)
	if err != nil {
		return rep, err
	}
	rep.took.merge, rep.took.base = time.Since(start), time.Since(start)
	if base.inPlace != "" {
		rep.took.base = 0 // nothing copied
	}
	rep.Rebuilt = base.rebuilt
	start = time.Now()
	outcomes, err := c.verifyAndMerge(ctx, orgs, backend, o, key, work.Dir(), merger, base, func(done int, name string) {
		progress(done, total, name)
	}, now, &rep.took.merge)
	if err != nil {
		merger.Abort()
		if base.inPlace != "" {
			os.Chmod(base.inPlace, 0o400)
		}
		return rep, err
	}
	rep.took.verify = time.Since(start)
	rep.Orgs = make([]OrgReport, len(orgs))
	for i, out := range outcomes {
		rep.Orgs[i] = out.report
		if out.reused {
			rep.Reused++
		}
	}
	progress(len(orgs), total, "建立索引")
	start = time.Now()
	err = merger.Finish(ctx)
	if errors.Is(err, data.ErrInPlaceTooLarge) {
		// Too many snapshots for one transaction: from a copy instead.
		base.inPlace, rep.took.base = "", 0
		copyStart := time.Now()
		m, cerr := c.copyBase(ctx, base.src, tmpOut)
		rep.took.base = time.Since(copyStart)
		if cerr == nil {
			cerr = merger.Replay(ctx, m)
			merger, err = m, cerr
			if cerr == nil {
				err = merger.Finish(ctx)
			} else {
				m.Abort()
			}
		} else {
			merger.Abort()
			err = cerr
		}
		os.Chmod(filepath.Join(c.termDir(base.src.Term), base.src.File), 0o400)
	}
	if base.inPlace != "" {
		defer os.Chmod(base.inPlace, 0o400)
	}
	if err != nil {
		return rep, err
	}
	state, noBase := merger.State(), merger.Unusable()
	rep.took.merge += time.Since(start)
	progress(len(orgs)+1, total, "跨组织核查")
	result := tmpOut
	if base.inPlace != "" {
		result = base.inPlace
	}
	rep.took.indexes = time.Since(start)
	// The findings read the database while the checksum of a new one is
	// computed and its pages are flushed to the disk (which installTerm
	// then finds done).
	start = time.Now()
	sums := make(chan fileSum, 1)
	go func() {
		if base.inPlace != "" {
			sums <- fileSum{}
			return
		}
		sum := checksumOf(ctx, tmpOut)
		if sum.err == nil {
			sum.err = syncFile(tmpOut)
		}
		sums <- sum
	}()
	rep.Findings, err = c.findings(ctx, result, now())
	sum := <-sums
	rep.took.findings = time.Since(start)
	switch {
	case err != nil:
		return rep, err
	case sum.err != nil:
		return rep, sum.err
	}
	start = time.Now()
	src := TermSources{Format: termSourcesFmt, Term: plan.term, When: now().UTC().Truncate(time.Second),
		SchemaVersion: data.SchemaVersion(), Checksum: sum.crc, Size: sum.n, Findings: rep.Findings, Merge: state, NoBase: noBase}
	if plan.replaces != nil {
		src.Replaces = &plan.replaces.When
	}
	for _, out := range outcomes {
		src.Orgs = append(src.Orgs, out.source())
	}
	if base.inPlace != "" {
		rep.Result, err = c.finishInPlace(base.inPlace, src)
	} else {
		rep.Result, err = c.installTerm(plan, tmpOut, src)
	}
	if err != nil {
		return rep, err
	}
	rep.took.install = time.Since(start)
	if o.Out != "" {
		if err := c.copyResult(ctx, rep.Result, o.Out, work.Dir()); err != nil {
			return rep, err
		}
	}
	progress(total, total, "已完成")
	return rep, nil
}

// outcome is what checking one organization gave.
type outcome struct {
	report    OrgReport
	plainPath string // the verified plaintext to merge, "" for none
	// reused: the snapshot to merge is the one the base holds already.
	reused bool
	// merged is the accepted snapshot merged (plainPath's or the
	// base's), nil for none.
	merged *Accepted
}

// checkOrg verifies the organization's newest snapshot, records the
// result, and finds the plaintext to merge: the new snapshot when it
// passed, the last accepted one otherwise.
func (c *Committee) checkOrg(ctx context.Context, v *verifier, key []byte, base *mergeBase, now time.Time) (outcome, error) {
	org := v.org
	rep := OrgReport{Org: org.Public.OrgID, Name: org.Public.OrgName}
	if err := c.trustedState(v, key); err != nil {
		rep.Status, rep.Reason = StatusRejected, err.Error()
		return outcome{report: rep}, c.writeStatus(rep, now)
	}
	f, err := v.newest(ctx)
	plainPath := f.plainPath
	var rej *rejection
	switch {
	case errors.As(err, &rej):
		rep.Status, rep.Seq, rep.Reason, rep.Refusal = StatusRejected, rej.seq, rej.reason, rej.kind
		if len(f.ignored) > 0 && f.ignored[0].seq > rej.seq {
			rep.Seq, rep.Reason = f.ignored[0].seq, joinReasons(ignoredReason(f.ignored, 0), rej.reason)
		}
	case errors.Is(err, ErrUnreachable):
		rep.Status, rep.Reason = StatusRejected, "无法读取服务器: "+err.Error()
	case err != nil:
		return outcome{}, fmt.Errorf("%s: %w", org.Public.OrgName, err)
	case f.top == nil:
		rep.Status, rep.Reason = StatusMissing, "服务器上没有该组织的快照"
	default:
		rep.Status, rep.Seq = StatusAccepted, f.top.seq
		if f.cipherPath != "" {
			if err := c.keep(org.Public.OrgID, f.top, f.cipherPath, now); err != nil {
				return outcome{}, err
			}
			v.org.Accepted = &Accepted{Seq: f.top.seq, ManifestSHA256: f.top.sum, Manifest: f.top.m}
			if v.rebase.open() && f.top.seq > v.rebase.AfterSeq {
				if err := c.useRebase(v.rebase, key, f.top.seq, now); err != nil {
					return outcome{}, err
				}
			}
		}
		// Objects refused on the way are told, though they hid nothing.
		if len(f.ignored) > 0 {
			rep.Status, rep.Seq, rep.Reason = StatusRejected, f.ignored[0].seq, ignoredReason(f.ignored, f.top.seq)
		}
	}
	if plainPath == "" && rep.Status != StatusMissing && base.holds(v.org.Accepted) {
		rep.UsedSeq = v.org.Accepted.Seq
		return outcome{report: rep, reused: true, merged: v.org.Accepted}, c.writeStatus(rep, now)
	}
	if plainPath == "" && rep.Status != StatusMissing {
		p, err := c.openAccepted(ctx, v)
		switch {
		case errors.As(err, &rej):
			rep.Status, rep.Reason = StatusRejected, joinReasons(rep.Reason, rej.reason)
		case err != nil:
			return outcome{}, err
		}
		plainPath = p
	}
	out := outcome{report: rep, plainPath: plainPath}
	if plainPath != "" && v.org.Accepted != nil {
		out.report.UsedSeq, out.merged = v.org.Accepted.Seq, v.org.Accepted
	}
	return out, c.writeStatus(out.report, now)
}

// trustedState refuses to check an organization whose records in the
// committee's folder cannot be trusted: a damaged org.json, accepted.json
// or rebase.json, or a re-base decision not sealed by the committee. A
// damaged accepted.json is no obstacle once the committee has re-based
// the organization: the new chain does not depend on it.
func (c *Committee) trustedState(v *verifier, key []byte) error {
	org := &v.org
	if r := org.Rebase; r != nil && org.DamagedFile != orgFile && org.DamagedFile != rebaseFile {
		if err := r.verify(key, org.Public.OrgID); err != nil {
			return fmt.Errorf("委员会保存的该组织状态已损坏(%s: %v),该组织未核验、未汇总;请重新运行 dangjian committee rebase",
				filepath.ToSlash(filepath.Join(orgsDir, org.Public.OrgID, rebaseFile)), err)
		}
		// A manifest accepted above the decision's seq used it up, even
		// when its record says otherwise (a consolidation killed between
		// the two writes, an older copy of the file put back).
		if r.open() && (org.Accepted == nil || org.Accepted.Seq <= r.AfterSeq) {
			v.rebase = r
		}
	}
	switch {
	case org.Damaged == "":
		return nil
	case org.DamagedFile == acceptedFile && v.rebase != nil:
		org.Accepted = nil
		return nil
	}
	return errors.New(org.Damaged)
}

// writeStatus records the outcome of the organization's check for the GUI.
func (c *Committee) writeStatus(rep OrgReport, now time.Time) error {
	st := OrgStatus{CheckedAt: now.UTC().Truncate(time.Second), Seq: rep.Seq, Status: rep.Status, Reason: rep.Reason, UsedSeq: rep.UsedSeq}
	return writeJSON(filepath.Join(c.orgDir(rep.Org), statusFile), st, true)
}

// joinReasons adds a second reason to a first, if any.
func joinReasons(first, second string) string {
	if first == "" {
		return second
	}
	return first + ";" + second
}

// keep makes a verified snapshot the organization's last accepted one.
// The snapshot file is named after its seq and accepted.json names it, so
// that a crash between the two writes leaves the previous pair intact.
func (c *Committee) keep(orgID string, top *candidate, cipherPath string, now time.Time) error {
	dir := c.orgDir(orgID)
	name := fmt.Sprintf("accepted-%010d.age", top.seq)
	// On disk before accepted.json names it, so that a crash cannot
	// leave the record naming an empty file.
	if err := syncFile(cipherPath); err != nil {
		return err
	}
	if err := localfs.Rename(cipherPath, filepath.Join(dir, name)); err != nil {
		return err
	}
	acc := Accepted{Seq: top.seq, ManifestSHA256: top.sum, Manifest: top.m, File: name, AcceptedAt: now.UTC().Truncate(time.Second)}
	if err := writeJSON(filepath.Join(dir, acceptedFile), acc, true); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, "accepted-*.age"))
	for _, f := range old {
		if filepath.Base(f) != name {
			os.Remove(f)
		}
	}
	return nil
}

// openAccepted decrypts the kept last accepted snapshot, checking it again
// against its manifest; "" when there is none.
func (c *Committee) openAccepted(ctx context.Context, v *verifier) (string, error) {
	acc := v.org.Accepted
	if acc == nil {
		return "", nil
	}
	path := filepath.Join(c.orgDir(v.org.Public.OrgID), acc.file())
	sum, n, err := hashFile(ctx, path)
	if err != nil && ctx.Err() != nil {
		return "", err
	}
	if err != nil || sum != acc.Manifest.CipherSHA256 || n != acc.Manifest.Size {
		return "", reject(acc.Seq, "本机保存的已接受快照(第%d号)缺失或已损坏,该组织未汇总", acc.Seq)
	}
	return v.open(ctx, acc.Seq, acc.Manifest, path)
}

// verifyAndMerge checks the organizations on several goroutines and
// merges each accepted plaintext as soon as it is ready (the merge does
// not depend on the order), removing it once merged. An organization the
// base holds is taken out of it first, unless its snapshot is the one
// there; one the base holds that is no longer enrolled is taken out too.
func (c *Committee) verifyAndMerge(ctx context.Context, orgs []OrgView, backend Backend, o ConsolidateOptions,
	key []byte, work string, merger *data.Merger, base *mergeBase, progress func(done int, name string), now func() time.Time,
	merging *time.Duration) ([]outcome, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		out outcome
	}
	results := make(chan result)
	verified := make(chan error, 1)
	go func() {
		verified <- forEach(ctx, len(orgs), o.Workers, func(i int) error {
			dir := filepath.Join(work, orgs[i].Public.OrgID)
			if err := os.Mkdir(dir, 0o700); err != nil {
				return err
			}
			v := &verifier{b: backend, org: orgs[i], id: o.Identity, work: dir}
			out, err := c.checkOrg(ctx, v, key, base, now())
			if err != nil {
				return err
			}
			select {
			case results <- result{i, out}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(results)
	}()
	outcomes := make([]outcome, len(orgs))
	var mergeErr error
	done := 0
	merge := func(out outcome) error {
		if out.reused {
			base.keep(out.report.Org)
			return nil
		}
		if err := base.remove(ctx, merger, out.report.Org); err != nil {
			return err
		}
		if out.plainPath == "" {
			return nil
		}
		return merger.Add(ctx, out.plainPath)
	}
	for r := range results {
		outcomes[r.i] = r.out
		if mergeErr == nil {
			start := time.Now()
			if mergeErr = merge(r.out); mergeErr != nil {
				cancel()
			}
			*merging += time.Since(start)
		}
		// An update in place reads the snapshots at its end; the work
		// folder is removed then.
		if r.out.plainPath != "" && !merger.Deferred() {
			os.Remove(r.out.plainPath)
		}
		done++
		progress(done, orgs[r.i].Public.OrgName)
	}
	err := <-verified
	if mergeErr != nil {
		return nil, mergeErr // the workers' "cancelled" is its consequence
	}
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := base.removeRest(ctx, merger); err != nil {
		return nil, err
	}
	*merging += time.Since(start)
	return outcomes, nil
}

// replaceFile puts the finished database at path in place of the old one.
func replaceFile(finished, path string) error {
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	return localfs.Rename(finished, path)
}

// findings runs the cross-organization checks over the consolidated
// database.
func (c *Committee) findings(ctx context.Context, path string, now time.Time) ([]FindingReport, error) {
	orgs, err := c.Orgs()
	if err != nil {
		return nil, err
	}
	s, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	f, err := s.CrossOrgFacts(ctx)
	if err != nil {
		return nil, err
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	f.AsOf, f.TermStart, f.DefaultValidDays = day, rules.TermStart(day), rules.DefaultSettings().TransferValidDays
	for _, o := range orgs {
		x := rules.XOrg{ID: o.Public.OrgID, Name: o.Public.OrgName}
		if o.Accepted != nil {
			x.LastSnapshot = o.Accepted.Manifest.CreatedAt
		}
		f.Orgs = append(f.Orgs, x)
	}
	out := []FindingReport{}
	for _, x := range rules.CrossOrgFindings(f) {
		out = append(out, FindingReport{Kind: x.Kind, Org: x.OrgID, Detail: x.Detail})
	}
	return out, nil
}

// forEach runs fn for 0..n-1 on up to workers goroutines, stopping at the
// first error.
func forEach(ctx context.Context, n, workers int, fn func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := fn(i); err != nil {
					errs <- err
					cancel()
					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return ctx.Err()
	}
}
