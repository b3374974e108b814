package snapshot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"filippo.io/age"

	"dangjian/data"
)

// rejection is a snapshot refused, with the reason told to the committee.
type rejection struct {
	seq    uint64
	reason string
}

func (r *rejection) Error() string { return r.reason }

func reject(seq uint64, format string, a ...any) error {
	return &rejection{seq: seq, reason: fmt.Sprintf(format, a...)}
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
}

// newest finds the organization's highest manifest and checks it in the
// order of DESIGN.md: signature, seq and chain (rollback, replay, fork),
// then the ciphertext, decryption, the plaintext and the database itself.
// It returns the verified manifest with the paths of its ciphertext and
// plaintext in v.work; a *rejection when the input is refused, nil
// candidate when the bucket holds nothing of the organization.
func (v *verifier) newest(ctx context.Context) (*candidate, string, string, error) {
	orgID := v.org.Public.OrgID
	keys, err := v.b.List(ctx, manifestPrefix(orgID))
	if err != nil {
		return nil, "", "", err
	}
	var seqs []uint64
	for _, k := range keys {
		if seq, ok := seqOfKey(k, manifestPrefix(orgID), ".json"); ok {
			seqs = append(seqs, seq)
		}
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	acc := v.org.Accepted
	if len(seqs) == 0 {
		if acc != nil {
			return nil, "", "", reject(0, "回滚:服务器上已没有任何清单,而已接受过第%d号", acc.Seq)
		}
		return nil, "", "", nil
	}
	top, err := v.read(ctx, seqs[len(seqs)-1])
	if err != nil {
		return nil, "", "", err
	}
	if acc != nil {
		switch {
		case top.seq < acc.Seq:
			return nil, "", "", reject(top.seq, "回滚:服务器上最新的是第%d号清单,低于已接受的第%d号", top.seq, acc.Seq)
		case top.seq == acc.Seq && top.sum != acc.ManifestSHA256:
			return nil, "", "", reject(top.seq, "第%d号清单与已接受的不同:清单被替换", top.seq)
		case top.seq == acc.Seq:
			return top, "", "", nil
		}
	}
	if err := v.chain(ctx, seqs, top); err != nil {
		return nil, "", "", err
	}
	cipherPath, plainPath, err := v.content(ctx, top)
	return top, cipherPath, plainPath, err
}

// read fetches and checks one manifest: it parses, it is signed by the
// organization's enrolled key, and it says the seq its object name says.
func (v *verifier) read(ctx context.Context, seq uint64) (*candidate, error) {
	body, err := readAllLimited(ctx, v.b, manifestKey(v.org.Public.OrgID, seq), maxManifestSize)
	if err != nil {
		if errors.Is(err, ErrObjectMissing) {
			return nil, reject(seq, "第%d号清单在读取时消失", seq)
		}
		return nil, err
	}
	m, err := ParseManifest(body)
	if err != nil {
		return nil, reject(seq, "第%d号清单无法解析: %v", seq, err)
	}
	if err := m.Verify(v.org.Public); err != nil {
		return nil, reject(seq, "第%d号清单%v", seq, err)
	}
	if m.OrgID != v.org.Public.OrgID {
		return nil, reject(seq, "第%d号清单属于另一个组织", seq)
	}
	if m.Seq != seq {
		return nil, reject(seq, "重放:对象第%d号中是该组织第%d号的清单", seq, m.Seq)
	}
	return &candidate{seq: seq, body: body, sum: sha256Hex(body), m: m}, nil
}

// chain checks that top descends, by prev links, from the last accepted
// manifest (or from the first one when none was accepted), and that no
// two manifests since then share a prev (a fork).
func (v *verifier) chain(ctx context.Context, seqs []uint64, top *candidate) error {
	acc := v.org.Accepted
	from := uint64(0)
	if acc != nil {
		from = acc.Seq
	}
	bySum := map[string]*candidate{}
	byPrev := map[string]*candidate{}
	if acc != nil {
		byPrev[acc.Manifest.Prev] = &candidate{seq: acc.Seq, sum: acc.ManifestSHA256, m: acc.Manifest}
	}
	for _, seq := range seqs {
		if seq < from || (acc != nil && seq == from) {
			continue
		}
		c := top
		if seq != top.seq {
			var err error
			if c, err = v.read(ctx, seq); err != nil {
				return err
			}
		}
		if other, ok := byPrev[c.m.Prev]; ok {
			return reject(top.seq, "分叉:第%d号与第%d号清单接在同一个上一版之后", other.seq, c.seq)
		}
		byPrev[c.m.Prev] = c
		bySum[c.sum] = c
	}
	want := ""
	if acc != nil {
		want = acc.ManifestSHA256
	}
	for cur := top; cur.m.Prev != want; {
		prev, ok := bySum[cur.m.Prev]
		if !ok || prev.seq >= cur.seq {
			if acc != nil {
				return reject(top.seq, "分叉:第%d号清单没有接续已接受的第%d号", top.seq, acc.Seq)
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
	case errors.Is(err, data.ErrSchemaVersion):
		return "", reject(seq, "第%d号快照%v", seq, err)
	case err != nil:
		return "", reject(seq, "第%d号快照不是可用的数据库: %v", seq, err)
	case info.SchemaVersion != m.SchemaVersion:
		return "", reject(seq, "第%d号快照的结构版本(%d)与清单(%d)不符", seq, info.SchemaVersion, m.SchemaVersion)
	case info.OrgID != v.org.Public.OrgID:
		return "", reject(seq, "第%d号快照中的组织与登记的组织不符", seq)
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
