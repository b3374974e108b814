package snapshot

import (
	"context"
	"errors"
	"sort"
)

// maxSeq is the highest seq an object name can carry (ten digits).
const maxSeq = 9_999_999_999

// orgObjects is what the bucket holds under an organization's prefix, by
// the names the program recognises: manifests/<seq>.json and
// snapshots/<seq>.age with a ten-digit seq. Any other name is ignored.
type orgObjects struct {
	manifests []uint64        // seqs of the manifest objects, ascending
	used      map[uint64]bool // seqs taken by a manifest or a snapshot object
}

// objectsOf sorts the keys listed under the organization's prefix.
func objectsOf(keys []string, orgID string) orgObjects {
	o := orgObjects{used: map[uint64]bool{}}
	for _, k := range keys {
		if seq, ok := seqOfKey(k, manifestPrefix(orgID), ".json"); ok {
			o.manifests = append(o.manifests, seq)
			o.used[seq] = true
		}
		if seq, ok := seqOfKey(k, snapshotPrefix(orgID), ".age"); ok {
			o.used[seq] = true
		}
	}
	sort.Slice(o.manifests, func(i, j int) bool { return o.manifests[i] < o.manifests[j] })
	return o
}

// freeAfter is the lowest seq above floor that no object uses, so that
// nothing is ever overwritten; 0 when none is left.
func (o orgObjects) freeAfter(floor uint64) uint64 {
	for seq := floor + 1; seq <= maxSeq; seq++ {
		if !o.used[seq] {
			return seq
		}
	}
	return 0
}

// readManifest fetches the manifest object of seq and checks it: it
// parses, it is signed by the organization's key pub, it names the
// organization, and it says the seq its object name says. An object that
// fails is a *rejection (a junk object, a forgery, a replay); other errors
// are the server's.
func readManifest(ctx context.Context, b Backend, pub PublicKeys, seq uint64) (*candidate, error) {
	body, err := readAllLimited(ctx, b, manifestKey(pub.OrgID, seq), maxManifestSize)
	if err != nil {
		if errors.Is(err, ErrObjectMissing) {
			return nil, reject(seq, "第%d号清单在读取时消失", seq)
		}
		if errors.Is(err, errTooLarge) {
			return nil, reject(seq, "第%d号清单无法解析: 清单过大", seq)
		}
		return nil, err
	}
	m, err := ParseManifest(body)
	if err != nil {
		return nil, reject(seq, "第%d号清单无法解析: %v", seq, err)
	}
	if err := m.Verify(pub); err != nil {
		return nil, reject(seq, "第%d号清单%v", seq, err)
	}
	if m.OrgID != pub.OrgID {
		return nil, reject(seq, "第%d号清单属于另一个组织", seq)
	}
	if m.Seq != seq {
		return nil, reject(seq, "重放:对象第%d号中是该组织第%d号的清单", seq, m.Seq)
	}
	return &candidate{seq: seq, body: body, sum: sha256Hex(body), m: m}, nil
}

// newestSigned is the seq of the newest of the manifest objects seqs
// (ascending) that is a valid manifest of the organization, 0 for none.
func newestSigned(ctx context.Context, b Backend, pub PublicKeys, seqs []uint64) (uint64, error) {
	for i := len(seqs) - 1; i >= 0; i-- {
		c, err := readManifest(ctx, b, pub, seqs[i])
		var rej *rejection
		switch {
		case errors.As(err, &rej):
			continue
		case err != nil:
			return 0, err
		}
		return c.seq, nil
	}
	return 0, nil
}
