package snapshot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"filippo.io/age"

	"dangjian/data"
)

// rejection is a snapshot refused, with the reason told to the committee.
type rejection struct {
	seq    uint64
	reason string
	kind   string // "" for a failed verification, else a Refusal* constant
}

func (r *rejection) Error() string { return r.reason }

func reject(seq uint64, format string, a ...any) error {
	return &rejection{seq: seq, reason: fmt.Sprintf(format, a...)}
}

// newerVersion refuses a snapshot of schema version, newer than this
// build's: the committee must upgrade; nothing was tampered with.
func newerVersion(seq uint64, version int) error {
	return &rejection{seq: seq, kind: RefusalNewerVersion,
		reason: fmt.Sprintf("该组织使用的程序版本较新,请升级汇总端(快照为第%d版,本程序为第%d版)", version, data.SchemaVersion())}
}

// candidate is a manifest object read from the bucket.
type candidate struct {
	seq  uint64
	body []byte
	sum  string
	m    Manifest
}

// verifier checks one organization's newest snapshot.
type verifier struct {
	b    Backend
	org  OrgView
	id   age.Identity
	work string // folder for this organization's working files
	// rebase is the committee's open decision to accept a new chain, its
	// seal checked; nil for none.
	rebase *Rebase

	read    map[uint64]*candidate // manifests read, by seq
	refused map[uint64]*rejection // manifest objects refused, by seq
}

// found is what newest found: the newest manifest that passed every check
// (nil when there is none new), the paths of its ciphertext and plaintext
// in v.work ("" when it is the one accepted already), and the manifest
// objects refused on the way (junk, forgeries, replays), newest first.
type found struct {
	top                   *candidate
	cipherPath, plainPath string
	ignored               []*rejection
}

// newest finds the organization's newest valid manifest and checks it in
// the order of DESIGN.md: signature, seq and chain (rollback, replay,
// fork), then the ciphertext, decryption, the plaintext and the database
// itself. Manifest objects that are not the organization's valid manifests
// are refused and passed over, so that one junk object cannot hide the
// organization's later snapshots; found.ignored lists them. The error is a
// *rejection when the newest valid manifest is refused; found.top is nil
// when the bucket holds nothing new of the organization.
func (v *verifier) newest(ctx context.Context) (found, error) {
	var f found
	orgID := v.org.Public.OrgID
	keys, err := v.b.List(ctx, manifestPrefix(orgID))
	if err != nil {
		return f, err
	}
	seqs := objectsOf(keys, orgID).manifests
	acc := v.org.Accepted
	floor := uint64(0)
	if acc != nil {
		floor = acc.Seq
	}
	for i := len(seqs) - 1; i >= 0 && seqs[i] >= floor && f.top == nil; i-- {
		if f.top, err = v.manifest(ctx, seqs[i]); err != nil {
			return f, err
		}
		if f.top == nil {
			f.ignored = append(f.ignored, v.refused[seqs[i]])
		}
	}
	if f.top == nil {
		switch {
		case acc == nil && len(f.ignored) > 0:
			return f, reject(f.ignored[0].seq, "%s", ignoredReason(f.ignored, 0))
		case acc == nil:
			return f, nil
		case len(seqs) == 0:
			return f, reject(0, "回滚:服务器上已没有任何清单,而已接受过第%d号", acc.Seq)
		case len(f.ignored) == 0:
			top := seqs[len(seqs)-1]
			return f, reject(top, "回滚:服务器上最新的是第%d号清单,低于已接受的第%d号", top, acc.Seq)
		}
		return f, reject(f.ignored[0].seq, "%s", ignoredReason(f.ignored, 0))
	}
	top := f.top
	if acc != nil && top.seq == acc.Seq {
		if top.sum != acc.ManifestSHA256 {
			return f, reject(top.seq, "第%d号清单与已接受的不同:清单被替换", top.seq)
		}
		return f, nil // nothing new
	}
	if err := v.chainOrRebase(ctx, seqs, top, &f); err != nil {
		return f, err
	}
	// A snapshot of a newer release is told before its blob is fetched:
	// the manifest's version is signed, and InspectSnapshot checks that
	// the database holds what the manifest says.
	if top.m.SchemaVersion > data.SchemaVersion() {
		return f, newerVersion(top.seq, top.m.SchemaVersion)
	}
	f.cipherPath, f.plainPath, err = v.content(ctx, top)
	return f, err
}

// ignoredReason tells which manifest objects were refused and passed
// over; used, when not 0, is the seq merged instead.
func ignoredReason(ignored []*rejection, used uint64) string {
	const shown = 3
	var parts []string
	for i, r := range ignored {
		if i == shown {
			parts = append(parts, fmt.Sprintf("等%d个", len(ignored)))
			break
		}
		parts = append(parts, r.reason)
	}
	text := "服务器上有无法验证的清单对象(" + strings.Join(parts, ";") + "),已忽略"
	if used > 0 {
		text += fmt.Sprintf(",采用第%d号", used)
	}
	return text
}

// manifest reads and checks the manifest object of seq once: nil, with
// the reason in v.refused, when the object is not a valid manifest of the
// organization.
func (v *verifier) manifest(ctx context.Context, seq uint64) (*candidate, error) {
	if c, ok := v.read[seq]; ok {
		return c, nil
	}
	if v.read == nil {
		v.read, v.refused = map[uint64]*candidate{}, map[uint64]*rejection{}
	}
	c, err := readManifest(ctx, v.b, v.org.Public, seq)
	var rej *rejection
	switch {
	case errors.As(err, &rej):
		v.read[seq], v.refused[seq] = nil, rej
		return nil, nil
	case err != nil:
		return nil, err
	}
	v.read[seq] = c
	return c, nil
}

// chainOrRebase checks that top descends from the last accepted manifest,
// or, when the committee decided to re-base the organization, that it
// belongs to a new chain above the decision's seq.
func (v *verifier) chainOrRebase(ctx context.Context, seqs []uint64, top *candidate, f *found) error {
	acc := v.org.Accepted
	var base *candidate
	from, want := uint64(0), ""
	if acc != nil {
		base = &candidate{seq: acc.Seq, sum: acc.ManifestSHA256, m: acc.Manifest}
		from, want = acc.Seq, acc.ManifestSHA256
	}
	err := v.chain(ctx, seqs, top, from, want, base, f)
	var rej *rejection
	if !errors.As(err, &rej) || !v.rebase.open() || top.seq <= v.rebase.AfterSeq {
		return err
	}
	after := v.rebase.AfterSeq
	rerr := v.chain(ctx, seqs, top, after, "", nil, f)
	if errors.As(rerr, new(*rejection)) {
		// An organization whose push still recognised its own chain when
		// the committee decided goes on with it: its chain above the
		// decision then follows its newest manifest at or below it.
		last, err := v.newestUpTo(ctx, seqs, after)
		if err != nil {
			return err
		}
		if last != nil {
			switch err := v.chain(ctx, seqs, top, after, last.sum, last, f); {
			case err == nil:
				return nil
			case !errors.As(err, new(*rejection)):
				return err
			}
		}
	}
	var rrej *rejection
	if errors.As(rerr, &rrej) {
		return reject(top.seq, "%s;它也不属于党委重新确立的、第%d号之后的新链: %s", rej.reason, after, rrej.reason)
	}
	return rerr
}

// newestUpTo is the organization's newest valid manifest at or below seq,
// nil for none.
func (v *verifier) newestUpTo(ctx context.Context, seqs []uint64, seq uint64) (*candidate, error) {
	for i := len(seqs) - 1; i >= 0; i-- {
		if seqs[i] > seq {
			continue
		}
		c, err := v.manifest(ctx, seqs[i])
		if c != nil || err != nil {
			return c, err
		}
	}
	return nil, nil
}

// chain checks that top descends, by prev links, from the manifest whose
// SHA-256 is want (base, above which the manifests are read; "" and nil
// for the start of a chain), and that no two manifests above from share a
// prev (a fork). Objects that are not valid manifests are passed over and
// added to f.ignored.
func (v *verifier) chain(ctx context.Context, seqs []uint64, top *candidate, from uint64, want string, base *candidate, f *found) error {
	bySum := map[string]*candidate{}
	byPrev := map[string]*candidate{}
	if base != nil {
		byPrev[base.m.Prev] = base
	}
	for _, seq := range seqs {
		if seq <= from || seq > top.seq {
			continue
		}
		c, err := v.manifest(ctx, seq)
		if err != nil {
			return err
		}
		if c == nil {
			if !slices.Contains(f.ignored, v.refused[seq]) {
				f.ignored = append(f.ignored, v.refused[seq])
			}
			continue
		}
		if other, ok := byPrev[c.m.Prev]; ok {
			return reject(top.seq, "分叉:第%d号与第%d号清单接在同一个上一版之后", other.seq, c.seq)
		}
		byPrev[c.m.Prev] = c
		bySum[c.sum] = c
	}
	for cur := top; cur.m.Prev != want; {
		prev, ok := bySum[cur.m.Prev]
		if !ok || prev.seq >= cur.seq {
			if base != nil {
				return reject(top.seq, "分叉:第%d号清单没有接续已接受的第%d号", top.seq, base.seq)
			}
			return reject(top.seq, "清单链断裂:第%d号清单的上一版不在服务器上", cur.seq)
		}
		cur = prev
	}
	return nil
}

// content downloads the candidate's ciphertext and checks its size and
// hash, decrypts it with the committee's key, checks the plaintext's hash,
// and opens the database to check its integrity, schema and organization.
func (v *verifier) content(ctx context.Context, c *candidate) (string, string, error) {
	m := c.m
	cipherPath := filepath.Join(v.work, "snapshot.age")
	r, err := v.b.Get(ctx, snapshotKey(m.OrgID, c.seq))
	if errors.Is(err, ErrObjectMissing) {
		return "", "", reject(c.seq, "第%d号快照文件不存在", c.seq)
	}
	if err != nil {
		return "", "", err
	}
	sum, n, err := copyHashed(ctx, cipherPath, r, m.Size)
	r.Close()
	if err != nil {
		return "", "", err
	}
	if n != m.Size {
		return "", "", reject(c.seq, "第%d号快照大小不符(截断或改动):清单为%d字节,实际%d字节", c.seq, m.Size, n)
	}
	if sum != m.CipherSHA256 {
		return "", "", reject(c.seq, "第%d号快照的密文校验和不符:文件已被改动", c.seq)
	}
	plainPath, err := v.open(ctx, c.seq, m, cipherPath)
	return cipherPath, plainPath, err
}

// open decrypts a ciphertext whose hash was checked and verifies what it
// holds; it is used for new snapshots and for the kept accepted one.
func (v *verifier) open(ctx context.Context, seq uint64, m Manifest, cipherPath string) (string, error) {
	plainPath := filepath.Join(v.work, fmt.Sprintf("snapshot-%d.db", seq))
	in, err := os.Open(cipherPath)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.OpenFile(plainPath, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	sum, n, err := unseal(ctx, in, out, v.id, m.PlainSize)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, ErrNotForUs):
		return "", reject(seq, "第%d号快照无法用党委密钥解密:没有加密给党委", seq)
	case errors.Is(err, ErrDecrypt), errors.Is(err, ErrDecompress):
		return "", reject(seq, "第%d号快照%v", seq, err)
	case err != nil:
		return "", err
	case n != m.PlainSize || sum != m.PlainSHA256:
		return "", reject(seq, "第%d号快照的明文校验和不符", seq)
	}
	info, err := data.InspectSnapshot(ctx, plainPath)
	switch {
	case errors.Is(err, data.ErrDamaged):
		return "", reject(seq, "第%d号快照的数据库完整性检查未通过", seq)
	case errors.Is(err, data.ErrSchemaVersion) && info.SchemaVersion > data.SchemaVersion():
		// Newer than this build: told as such only when the signed
		// manifest says so; a manifest that hides it does not match.
		if info.SchemaVersion != m.SchemaVersion {
			return "", reject(seq, "第%d号快照的结构版本(%d)与清单(%d)不符", seq, info.SchemaVersion, m.SchemaVersion)
		}
		return "", newerVersion(seq, info.SchemaVersion)
	case errors.Is(err, data.ErrSchemaVersion):
		return "", reject(seq, "第%d号快照%v", seq, err)
	case err != nil:
		return "", reject(seq, "第%d号快照不是可用的数据库: %v", seq, err)
	case info.SchemaVersion != m.SchemaVersion:
		return "", reject(seq, "第%d号快照的结构版本(%d)与清单(%d)不符", seq, info.SchemaVersion, m.SchemaVersion)
	case info.OrgID != v.org.Public.OrgID:
		return "", reject(seq, "第%d号快照中的组织与登记的组织不符", seq)
	}
	// A snapshot of an earlier release, verified against that release's
	// schema, is brought forward on this private copy before it merges.
	if info.SchemaVersion < data.SchemaVersion() {
		if _, _, err := data.UpgradeSnapshot(ctx, plainPath); err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return "", reject(seq, "第%d号快照%v", seq, err)
		}
	}
	return plainPath, nil
}

// copyHashed writes at most limit+1 bytes of r to a new file at path and
// returns their SHA-256 and count.
func copyHashed(ctx context.Context, path string, r io.Reader, limit int64) (string, int64, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", 0, err
	}
	d := newDigest()
	_, err = io.Copy(io.MultiWriter(f, d), ctxReader{ctx, io.LimitReader(r, limit+1)})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, describe(err)
	}
	return d.hex(), d.n, nil
}
