package snapshot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"filippo.io/age"

	"dangjian/data"
	"dangjian/data/localfs"
)

// Stage is a step of a push, told to PushOptions.OnStage as it starts.
// Its value is what the user is shown (String).
type Stage string

// The stages of a push, in order.
const (
	StageCopying         Stage = "复制数据库"
	StageSealing         Stage = "检查、压缩并加密"
	StageUploading       Stage = "上传快照"
	StageWritingManifest Stage = "写入清单"
)

// pushStages are the stages of a push, in order.
var pushStages = [...]Stage{StageCopying, StageSealing, StageUploading, StageWritingManifest}

// Stages are the stages of a push, in order.
func Stages() []Stage { return pushStages[:] }

// String is the stage's name, in Chinese.
func (s Stage) String() string { return string(s) }

// Step is the stage's place among the n stages of a push, from 1; 0 for a
// value that is no stage of a push.
func (s Stage) Step() (step, n int) {
	for i, st := range pushStages {
		if st == s {
			return i + 1, len(pushStages)
		}
	}
	return 0, len(pushStages)
}

// ErrNotEnrolled means the organization has not taken an enrollment yet.
var ErrNotEnrolled = errors.New("本组织尚未加入同步(请先导入党委发来的登记文件)")

// ErrWrongOrg means the enrollment or the key file beside the database
// belongs to another organization.
var ErrWrongOrg = errors.New("登记文件或密钥文件不属于本数据库的组织")

// PushOptions is what a push needs.
type PushOptions struct {
	Store *data.Store
	// Keys are the organization's unlocked keys; or, when nil, Unlock
	// gives them, and runs while the push does its work (the private keys
	// are needed only to sign the manifest).
	Keys   *Keys
	Unlock func() (*Keys, error)
	// Backend overrides the enrollment's server (tests inject faults).
	Backend Backend
	// OnStage, when set, is told each stage as it starts.
	OnStage func(Stage)
	// TempDir is the folder under which the push makes its private
	// scratch folder (localfs.NewScratch) for the working copies: the
	// database's folder by default, never the system's temporary folder.
	TempDir string
}

// PushResult tells what a push did.
type PushResult struct {
	Unchanged bool // nothing changed since the last push: nothing uploaded
	Seq       uint64
	Size      int64 // ciphertext bytes uploaded
	PlainSize int64
	Duration  time.Duration
	// NewChain is set when the push started a new chain of manifests,
	// after the committee re-based the organization.
	NewChain bool
	// Channel is what the fetch of the committee's channel that comes
	// before the snapshot took and refused, and ChannelErr its error (also
	// kept in the state file's ChannelError); nothing when the server
	// could not be reached (the push's error says so).
	Channel    FetchResult
	ChannelErr error

	// pushed is what the state file remembers of the snapshot now newest
	// on the server; nil when push learnt nothing new.
	pushed *pushedSnapshot
}

// pushedSnapshot is the newest snapshot on the server, as the state file
// keeps it.
type pushedSnapshot struct {
	seq                   uint64
	manifestSum, plainSum string
}

// Push takes a consistent copy of the database, and unless it is unchanged
// since the last push, seals it to the organization and the committee and
// uploads it, then its signed manifest. A push that fails leaves no
// manifest. The outcome is recorded in the state file, unless ctx was
// cancelled or another push of the database was under way
// (ErrPushRunning).
func Push(ctx context.Context, o PushOptions) (PushResult, error) {
	start := time.Now()
	// The lock is held until the outcome is recorded, so that the next
	// push reads it; a push refused because another runs writes nothing.
	lock, err := lockPush(o.Store.Path())
	if err != nil {
		return PushResult{}, err
	}
	defer lock.Unlock()
	statePath := StatePath(o.Store.Path())
	// The committee's channel is read before the snapshot is taken, so
	// that what the committee set (the year's thresholds) travels in this
	// push and its figures equal the organization's; a server the fetch
	// could not reach is not tried again.
	channel, channelErr := fetchUnrecorded(ctx, FetchOptions{Store: o.Store, Backend: o.Backend})
	fetched := reachedChannel(ctx, channelErr) && !errors.Is(channelErr, ErrUnreachable)
	var res PushResult
	switch {
	case ctx.Err() != nil:
		err = ctx.Err()
	case errors.Is(channelErr, ErrUnreachable):
		err = channelErr
	default:
		res, err = push(ctx, o, statePath)
	}
	if fetched {
		res.Channel, res.ChannelErr = channel, channelErr
	}
	res.Duration = time.Since(start)
	if err != nil && ctx.Err() != nil {
		return res, err // cancelled (pause, restore, closing): not a failure to record
	}
	rec := PushRecord{At: o.Store.Now().UTC(), Seq: res.Seq, Size: res.Size, Duration: res.Duration}
	switch {
	case err != nil:
		rec.Result, rec.Error = ResultFailed, err.Error()
	case res.Unchanged:
		rec.Result = ResultUnchanged
	default:
		rec.Result = ResultPushed
	}
	update := func(s *State) error {
		if p := res.pushed; p != nil {
			s.LastSeq, s.LastManifest, s.LastPlain = p.seq, p.manifestSum, p.plainSum
		}
		s.record(rec)
		if fetched {
			s.recordFetch(o.Store.Now(), channelErr)
		}
		return nil
	}
	if _, serr := UpdateState(statePath, update); serr != nil && err == nil {
		err = serr
	}
	return res, err
}

func push(ctx context.Context, o PushOptions, statePath string) (PushResult, error) {
	var res PushResult
	progress := func(st Stage) {
		if o.OnStage != nil {
			o.OnStage(st)
		}
	}
	keys := unlockAsync(o)
	st, err := LoadState(statePath)
	if err != nil {
		return res, err
	}
	if st.Enrollment == nil {
		return res, ErrNotEnrolled
	}
	org := o.Store.Org()
	pub, err := ReadPublicKeys(KeyPath(o.Store.Path()))
	if o.Keys != nil {
		pub, err = o.Keys.Public, nil
	}
	if err != nil {
		return res, err
	}
	if st.Enrollment.OrgID != org.ID || pub.OrgID != org.ID {
		return res, ErrWrongOrg
	}
	own, err := age.ParseX25519Recipient(pub.AgeRecipient)
	if err != nil {
		return res, err
	}
	committee, err := age.ParseX25519Recipient(st.Enrollment.CommitteeRecipient)
	if err != nil {
		return res, err
	}
	backend, err := backendOr(o.Backend, st.Enrollment.endpoint())
	if err != nil {
		return res, err
	}
	// The plaintext copy lives in a private folder beside the database,
	// removed at the end, or at the next start when this run dies.
	tempDir := o.TempDir
	if tempDir == "" {
		tempDir = filepath.Dir(o.Store.Path())
	}
	scratch, err := localfs.NewScratch(tempDir)
	if err != nil {
		return res, err
	}
	defer scratch.Close()
	dir := scratch.Dir()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	progress(StageCopying)
	plainPath := filepath.Join(dir, "snapshot.db")
	if err := o.Store.Snapshot(ctx, plainPath); err != nil {
		return res, err
	}
	// The integrity check and the bucket's head run while the copy is
	// sealed; the manifest is written only once the check has passed.
	integrity := make(chan error, 1)
	checked := make(chan struct{})
	go func() {
		integrity <- data.CheckSnapshot(ctx, plainPath)
		close(checked)
	}()
	// The copy must be closed before its folder is removed (Windows keeps
	// open files), whichever way this returns.
	defer func() {
		cancel()
		<-checked
	}()
	type headResult struct {
		h   head
		err error
	}
	heads := make(chan headResult, 1)
	go func() {
		h, err := readHead(ctx, backend, pub, st)
		heads <- headResult{h, err}
	}()

	progress(StageSealing)
	sealedPath := filepath.Join(dir, "snapshot.age")
	sf, err := sealFile(ctx, plainPath, sealedPath, own, committee)
	if err != nil {
		return res, err
	}
	signer, err := keys() // a wrong passphrase is told even when nothing changed
	if err != nil {
		return res, err
	}
	res.PlainSize = sf.plainSize
	hr := <-heads
	unchanged := sf.plainSum == st.LastPlain
	switch {
	case hr.err != nil && unchanged && !errors.Is(hr.err, ErrChainUnrecognised):
		// Nothing to upload; the server need not be reachable to say so.
		res.Unchanged, res.Seq = true, st.LastSeq
		return res, <-integrity
	case hr.err != nil:
		return res, hr.err
	}
	h := hr.h
	newChain := h.rebased && h.manifest == nil
	if unchanged && !h.rebased {
		res.Unchanged, res.Seq = true, st.LastSeq
		return res, <-integrity
	}
	if m := h.manifest; m != nil && m.PlainSHA256 == sf.plainSum {
		res.Unchanged, res.Seq = true, m.Seq
		res.pushed = &pushedSnapshot{m.Seq, h.manifestSum, sf.plainSum}
		return res, nil
	}
	seq := h.next
	progress(StageUploading)
	if err := putFile(ctx, backend, snapshotKey(org.ID, seq), sealedPath, sf.cipherSize); err != nil {
		return res, err
	}
	// A damaged copy may have been uploaded, but without a manifest it is
	// never taken.
	if err := <-integrity; err != nil {
		return res, fmt.Errorf("数据库副本%w,未写入清单", err)
	}
	// Another push (another copy of this database, or a program that does
	// not share the lock) that went ahead meanwhile would make two
	// manifests share a prev: a fork the committee refuses. Give way
	// instead.
	if now, err := readHead(ctx, backend, pub, st); err != nil {
		return res, err
	} else if now.manifestSum != h.manifestSum || now.rebased != h.rebased {
		return res, errors.New("另一个同步同时上传了快照,本次未写入清单;请稍后再同步")
	}
	progress(StageWritingManifest)
	m := Manifest{
		Format: ManifestFormat, OrgID: org.ID, OrgName: org.Name, Seq: seq, Prev: h.manifestSum,
		CreatedAt: o.Store.Now().UTC().Truncate(time.Second), SchemaVersion: data.SchemaVersion(),
		PlainSHA256: sf.plainSum, PlainSize: sf.plainSize, CipherSHA256: sf.cipherSum, Size: sf.cipherSize,
	}
	body, err := m.seal(signer)
	if err != nil {
		return res, err
	}
	if err := backend.Put(ctx, manifestKey(org.ID, seq), bytes.NewReader(body), int64(len(body))); err != nil {
		return res, err
	}
	res.Seq, res.Size, res.NewChain = seq, sf.cipherSize, newChain
	res.pushed = &pushedSnapshot{seq, sha256Hex(body), sf.plainSum}
	return res, nil
}

// unlockAsync starts unlocking the keys (a deliberately slow key
// derivation) and returns a function that waits for them.
func unlockAsync(o PushOptions) func() (*Keys, error) {
	if o.Keys != nil {
		return func() (*Keys, error) { return o.Keys, nil }
	}
	if o.Unlock == nil {
		return func() (*Keys, error) { return nil, errors.New("没有可用的密钥") }
	}
	type result struct {
		k   *Keys
		err error
	}
	done := make(chan result, 1)
	go func() {
		k, err := o.Unlock()
		done <- result{k, err}
	}()
	return func() (*Keys, error) {
		r := <-done
		return r.k, r.err
	}
}
