package snapshot

import (
	"context"
	"errors"
	"fmt"
)

// ErrChainUnrecognised means the bucket no longer holds the chain of
// manifests this database pushed: building on it would make the committee
// refuse every later snapshot as a fork. The organization needs the
// committee to re-base it (see rebase.go).
var ErrChainUnrecognised = errors.New("服务器上本组织的快照链与本机的记录不符,同步已停止")

// head is what a push builds on: the manifest it follows and the seq it
// takes.
type head struct {
	manifest    *Manifest // the manifest the next one follows; nil starts a chain
	manifestSum string    // hex SHA-256 of that manifest object, "" to start a chain
	next        uint64    // the lowest seq above it that no object uses
	// rebased is set when the push follows the committee's re-base: it
	// starts a new chain, or follows the one a killed push started.
	rebased bool
}

// readHead finds, among the organization's objects in the bucket, the
// manifest the next push follows, and checks it against the state's
// record of the last manifest this database pushed:
//   - with no record (a first push, or the record lost), the newest
//     manifest signed with the organization's key;
//   - with a record, the newest manifest descending from it; when the
//     recorded manifest is gone or replaced, or a newer one does not descend
//     from it, ErrChainUnrecognised, unless the committee has announced a
//     re-base covering the recorded seq: then a new chain above it.
//
// Objects that are not the organization's valid manifests (junk, other
// names, a forged or replayed manifest) are passed over, never built on;
// their seqs are not reused.
func readHead(ctx context.Context, b Backend, pub PublicKeys, st State) (head, error) {
	var h head
	orgID := pub.OrgID
	keys, err := b.List(ctx, orgPrefix(orgID))
	if err != nil {
		return h, err
	}
	objs := objectsOf(keys, orgID)
	read := func(seq uint64) (*candidate, error) {
		c, err := readManifest(ctx, b, pub, seq)
		var rej *rejection
		if errors.As(err, &rej) {
			return nil, nil
		}
		return c, err
	}
	// newest is the newest valid manifest above floor, nil for none.
	newest := func(floor uint64) (*candidate, error) {
		for i := len(objs.manifests) - 1; i >= 0 && objs.manifests[i] > floor; i-- {
			c, err := read(objs.manifests[i])
			if c != nil || err != nil {
				return c, err
			}
		}
		return nil, nil
	}
	var base *candidate
	floor := uint64(0)
	switch {
	case st.LastManifest == "":
		if base, err = newest(0); err != nil {
			return h, err
		}
	default:
		base, floor, err = followRecord(ctx, b, pub, st, objs, read, newest, &h)
		if err != nil {
			return h, err
		}
	}
	if base != nil {
		h.manifest, h.manifestSum, floor = &base.m, base.sum, base.seq
	}
	if h.next = objs.freeAfter(floor); h.next == 0 {
		return h, errors.New("本组织在服务器上的快照序号已用尽,请联系党委")
	}
	return h, nil
}

// followRecord finds the manifest to follow when the state records the
// last one pushed; see readHead. floor is the seq the next one must be
// above.
func followRecord(ctx context.Context, b Backend, pub PublicKeys, st State, objs orgObjects,
	read func(uint64) (*candidate, error), newest func(uint64) (*candidate, error), h *head) (*candidate, uint64, error) {
	last := st.LastSeq
	var known *candidate
	if contains(objs.manifests, last) {
		var err error
		if known, err = read(last); err != nil {
			return nil, 0, err
		}
	}
	var what string
	needSeq := false
	switch {
	case known != nil && known.sum == st.LastManifest:
		// Newer manifests (another push of this database that was not
		// recorded, killed after its manifest) must descend from it.
		bySum := map[string]*candidate{known.sum: known}
		top := known
		for _, seq := range objs.manifests {
			if seq <= last {
				continue
			}
			c, err := read(seq)
			if err != nil {
				return nil, 0, err
			}
			if c != nil {
				bySum[c.sum], top = c, c
			}
		}
		descends := true
		for cur := top; cur != known; {
			prev, ok := bySum[cur.m.Prev]
			if !ok || prev.seq >= cur.seq {
				descends = false
				break
			}
			cur = prev
		}
		if descends {
			return top, 0, nil
		}
		what = fmt.Sprintf("服务器上的第%d号清单用本组织的密钥签署,却不接续本机最后上传的第%d号(可能另一台电脑也在用本组织的数据库和密钥同步)", top.seq, last)
	default:
		what = fmt.Sprintf("本机最后上传的第%d号清单在服务器上已不存在(可能被删除)", last)
		if contains(objs.manifests, last) {
			what = fmt.Sprintf("本机最后上传的第%d号清单在服务器上已被替换", last)
		}
		// The committee's re-base starts above the newest manifest the
		// organization's key signed; when that is below the last one
		// pushed, it must be told the seq.
		above, err := newest(last)
		if err != nil {
			return nil, 0, err
		}
		needSeq = above == nil
	}
	after, found, err := latestNotice(ctx, b, pub.OrgID)
	hint := ""
	switch {
	case errors.Is(err, ErrAccessDenied):
		hint = "(本组织的访问密钥无权读取党委在 committee/ 下的通知:请党委按新版的存储桶策略更新本组织的用户)"
	case err != nil:
		return nil, 0, err
	}
	if !found || after < last {
		return nil, 0, chainError(pub.OrgID, last, needSeq, what, hint)
	}
	// The committee re-based the organization above after: a new chain,
	// or the one a push killed before recording it (or another copy of
	// the database) has started there.
	h.rebased = true
	base, err := newest(after)
	if err != nil {
		return nil, 0, err
	}
	return base, after, nil
}

func contains(seqs []uint64, seq uint64) bool {
	for _, s := range seqs {
		if s == seq {
			return true
		}
	}
	return false
}

// chainError tells the organization what happened and how to recover:
// the committee's re-base, above the last seq it pushed when needSeq (the
// bucket holds no manifest of the organization above it).
func chainError(orgID string, last uint64, needSeq bool, what, hint string) error {
	command := "dangjian committee rebase --org " + orgID
	if needSeq {
		command += fmt.Sprintf(" --seq %d", last)
	}
	return fmt.Errorf("%w:%s。为免党委把之后的快照当作分叉拒收,本次没有上传。请联系党委组织部核实,并请其运行 "+
		"%s 为本组织重新确立快照链;之后再同步即可%s", ErrChainUnrecognised, what, command, hint)
}
