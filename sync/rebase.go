package snapshot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"filippo.io/age"
)

// A re-base lets an organization whose chain of manifests was damaged in
// the bucket (its latest manifest deleted or replaced) start a new chain.
// Without it the committee refuses any manifest that does not descend from
// the last one it accepted (rollback and fork protection), and the
// organization's push refuses to build on a chain it does not recognise,
// so the organization would stay blocked for good.
//
// The committee decides it explicitly (dangjian committee rebase): the
// decision, kept in orgs/<org-id>/rebase.json and sealed with a key only
// the committee's unlocked identity gives, lets the organization's next
// accepted manifest start a new chain (prev "") above seq N. It is used up
// by the first manifest above N that the committee accepts; before and
// after that every manifest must descend from the last accepted one as
// usual. The committee also publishes a notice at
// committee/rebase/<org-id>/<N>.json, which organizations may read and
// not write; the organization's push, when it no longer finds its last
// manifest, starts a new chain only when such a notice covers its last
// seq. A notice alone lets nothing into a consolidation: only the
// committee's own decision does.

const rebaseFormat = "dangjian-rebase/1"

// rebaseFile is the committee's decision in an organization's folder.
const rebaseFile = "rebase.json"

// decisionContext is prefixed to the key that seals the committee's
// decisions, so that it can serve nothing else.
const decisionContext = "dangjian committee decisions v1\n"

// RebaseNotice is what the committee publishes in the bucket for the
// organization: its next chain starts above AfterSeq.
type RebaseNotice struct {
	Format    string    `json:"format"`
	OrgID     string    `json:"org_id"`
	AfterSeq  uint64    `json:"after_seq"`
	DecidedAt time.Time `json:"decided_at"`
}

// Rebase is the committee's decision to accept a new chain of the
// organization's manifests above AfterSeq.
type Rebase struct {
	RebaseNotice
	// Abandoned is the SHA-256 of the last accepted manifest when the
	// decision was taken, "" for none.
	Abandoned string `json:"abandoned_manifest_sha256,omitempty"`
	// UsedSeq is the first manifest above AfterSeq that the committee
	// accepted since; 0 while the decision is open.
	UsedSeq uint64    `json:"used_seq,omitempty"`
	UsedAt  time.Time `json:"used_at,omitzero"`
	MAC     string    `json:"mac"`
}

// open reports whether the decision still lets a new chain in.
func (r *Rebase) open() bool { return r != nil && r.UsedSeq == 0 }

// decisionKey is the key that seals the committee's decisions, derived
// from its private key: whoever can write the folder but not unlock the
// key cannot forge one.
func decisionKey(id age.Identity) ([]byte, error) {
	x, ok := id.(*age.X25519Identity)
	if !ok || x == nil {
		return nil, errors.New("需要党委的密钥")
	}
	k := sha256.Sum256([]byte(decisionContext + x.String()))
	return k[:], nil
}

func (r Rebase) seal(key []byte) string {
	r.MAC = ""
	b, _ := json.Marshal(r)
	h := hmac.New(sha256.New, key)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// verify checks the decision's seal and fields.
func (r Rebase) verify(key []byte, orgID string) error {
	mac, err := hex.DecodeString(r.MAC)
	if err != nil || !hmac.Equal(mac, mustHex(r.seal(key))) {
		return errors.New("不是党委的密钥签署的")
	}
	if r.Format != rebaseFormat || r.OrgID != orgID || r.AfterSeq >= maxSeq {
		return errors.New("内容无效")
	}
	return nil
}

func mustHex(s string) []byte {
	b, _ := hex.DecodeString(s)
	return b
}

// RebaseOptions is what a re-base needs.
type RebaseOptions struct {
	Identity age.Identity // the committee's, from Unlock
	OrgID    string
	// AfterSeq is the seq above which the new chain starts; 0 means the
	// seq of the newest manifest in the bucket that the organization's key
	// signed, or of the one the committee accepted when higher. It may not
	// be lower than that.
	AfterSeq uint64
	Backend  Backend // overrides the configured server (tests)
	Now      time.Time
}

// Rebase records the committee's decision that the organization's next
// accepted manifest may start a new chain above a seq, and publishes the
// notice the organization's push looks for. See the comment at the top
// of rebase.go.
func (c *Committee) Rebase(ctx context.Context, o RebaseOptions) (Rebase, error) {
	var r Rebase
	l, err := c.lock()
	if err != nil {
		return r, err
	}
	defer l.Unlock()
	key, err := decisionKey(o.Identity)
	if err != nil {
		return r, err
	}
	if !validOrgID(o.OrgID) {
		return r, fmt.Errorf("%w: %q 不是有效的组织编号", ErrUnknownOrg, o.OrgID)
	}
	v, err := c.org(o.OrgID)
	if err != nil {
		return r, err
	}
	if v.DamagedFile == orgFile {
		return r, fmt.Errorf("%s;请先恢复或重新登记该组织", v.Damaged)
	}
	backend, err := backendOr(o.Backend, c.Config.endpoint())
	if err != nil {
		return r, err
	}
	keys, err := backend.List(ctx, orgPrefix(o.OrgID))
	if err != nil {
		return r, err
	}
	// Only manifests the organization's key signed count: anyone with its
	// access key can put objects under the highest seqs, and a new chain
	// above them would have no seq left to push under.
	floor, err := newestSigned(ctx, backend, v.Public, objectsOf(keys, o.OrgID).manifests)
	if err != nil {
		return r, err
	}
	if v.Accepted != nil {
		floor = max(floor, v.Accepted.Seq)
	}
	after := o.AfterSeq
	switch {
	case after == 0:
		after = floor
	case after < floor:
		return r, fmt.Errorf("%w: --seq %d 低于该组织在服务器上已用或已被接受的第%d号", ErrBadRebase, after, floor)
	}
	if after >= maxSeq {
		return r, fmt.Errorf("%w: --seq %d 过大", ErrBadRebase, after)
	}
	r.RebaseNotice = RebaseNotice{Format: rebaseFormat, OrgID: o.OrgID, AfterSeq: after, DecidedAt: o.Now.UTC().Truncate(time.Second)}
	if v.Accepted != nil {
		r.Abandoned = v.Accepted.ManifestSHA256
	}
	body, err := json.MarshalIndent(r.RebaseNotice, "", "  ")
	if err != nil {
		return r, err
	}
	body = append(body, '\n')
	err = backend.Put(ctx, rebaseNoticeKey(o.OrgID, after), bytes.NewReader(body), int64(len(body)))
	if err != nil && !errors.Is(err, ErrObjectExists) {
		return r, err
	}
	r.MAC = r.seal(key)
	if err := writeJSON(filepath.Join(c.orgDir(o.OrgID), rebaseFile), r, true); err != nil {
		return r, err
	}
	return r, nil
}

// Errors of a re-base that are the caller's input.
var (
	ErrUnknownOrg = errors.New("没有登记该组织")
	ErrBadRebase  = errors.New("无法重新确立快照链")
)

// useRebase records that the organization's manifest seq, accepted, used
// the open decision up.
func (c *Committee) useRebase(r *Rebase, key []byte, seq uint64, now time.Time) error {
	r.UsedSeq, r.UsedAt = seq, now.UTC().Truncate(time.Second)
	r.MAC = r.seal(key)
	return writeJSON(filepath.Join(c.orgDir(r.OrgID), rebaseFile), *r, true)
}

// Notices live under committee/, where only the committee writes.
func rebaseNoticePrefix(orgID string) string { return "committee/rebase/" + orgID + "/" }
func rebaseNoticeKey(orgID string, after uint64) string {
	return fmt.Sprintf("%s%010d.json", rebaseNoticePrefix(orgID), after)
}

// latestNotice is the highest seq after which the committee has announced
// a new chain for the organization; found is false when there is none.
func latestNotice(ctx context.Context, b Backend, orgID string) (after uint64, found bool, err error) {
	keys, err := b.List(ctx, rebaseNoticePrefix(orgID))
	if err != nil {
		return 0, false, err
	}
	var seqs []uint64
	for _, k := range keys {
		digits, ok := strings.CutPrefix(k, rebaseNoticePrefix(orgID))
		if !ok {
			continue
		}
		digits, ok = strings.CutSuffix(digits, ".json")
		if !ok || len(digits) != 10 {
			continue
		}
		if n, err := strconv.ParseUint(digits, 10, 64); err == nil {
			seqs = append(seqs, n)
		}
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] > seqs[j] })
	for _, seq := range seqs {
		body, err := readAllLimited(ctx, b, rebaseNoticeKey(orgID, seq), maxManifestSize)
		if err != nil {
			if errors.Is(err, ErrObjectMissing) || errors.Is(err, errTooLarge) {
				continue
			}
			return 0, false, err
		}
		var n RebaseNotice
		if decodeStrict(body, &n) != nil || n.Format != rebaseFormat || n.OrgID != orgID || n.AfterSeq != seq {
			continue
		}
		return seq, true, nil
	}
	return 0, false, nil
}
