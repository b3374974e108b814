package snapshot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"dangjian/data"
)

// ErrNoCommitteeKey means the organization's enrollment file was made
// before the committee signed what it publishes: nothing can be checked,
// so nothing is taken until a new enrollment file is imported.
var ErrNoCommitteeKey = errors.New("本组织的登记文件中没有党委的签名公钥,无法核验党委发布的通知、任务和考核标准;请向党委组织部索取新的登记文件并重新导入(dangjian sync join),其余同步不受影响")

// ErrChannelRefused is wrapped by the error of a fetch that refused some
// of the committee's objects (FetchResult.Refused lists them).
var ErrChannelRefused = errors.New("党委发布的内容有未通过核验的,已拒收")

// ChannelRefusal is an object of the committee's channel the organization
// refused, and why (in Chinese).
type ChannelRefusal struct {
	Seq    uint64
	Reason string
}

// FetchOptions is what a fetch needs.
type FetchOptions struct {
	Store *data.Store
	// Backend overrides the enrollment's server (tests).
	Backend Backend
}

// FetchResult tells what a fetch took and refused.
type FetchResult struct {
	// New are the objects stored by this fetch, by seq.
	New []data.CommitteeObject
	// Refused are the objects refused, each with its reason; what was
	// received before stays in force.
	Refused []ChannelRefusal
}

// Fetch takes the committee's new publications from the bucket into the
// organization's database: each index must be signed with the committee's
// key from the enrollment, name its own seq, and follow the last one
// received (its prev); each body must match its index. A publication that
// fails is refused and changes nothing; one that a later publication
// would have to follow past is not skipped (its followers are refused as
// a fork). The server showing fewer publications than were received
// (rollback), or another one under a seq already received (replay), is
// refused too. The outcome is recorded in the state file. It takes the
// database's push lock (ErrPushRunning while a push runs: the push reads
// the channel itself).
func Fetch(ctx context.Context, o FetchOptions) (FetchResult, error) {
	lock, err := lockPush(o.Store.Path())
	if err != nil {
		return FetchResult{}, err
	}
	defer lock.Unlock()
	return fetchLocked(ctx, o)
}

// fetchLocked is Fetch under the push lock.
func fetchLocked(ctx context.Context, o FetchOptions) (FetchResult, error) {
	res, err := fetchUnrecorded(ctx, o)
	if reachedChannel(ctx, err) {
		UpdateState(StatePath(o.Store.Path()), func(s *State) error {
			s.recordFetch(o.Store.Now(), err)
			return nil
		})
	}
	return res, err
}

// reachedChannel reports whether a fetch that ended with err got as far as
// the committee's channel, so that its outcome is kept in the state file:
// not cancelled, the database enrolled and its sync file readable.
func reachedChannel(ctx context.Context, err error) bool {
	return ctx.Err() == nil && !errors.Is(err, ErrNotEnrolled) && !errors.Is(err, ErrStateDamaged)
}

// fetchUnrecorded is fetchLocked without keeping its outcome in the state
// file: a push keeps it with its own.
func fetchUnrecorded(ctx context.Context, o FetchOptions) (FetchResult, error) {
	st, err := LoadState(StatePath(o.Store.Path()))
	if err != nil {
		return FetchResult{}, err
	}
	if st.Enrollment == nil {
		return FetchResult{}, ErrNotEnrolled
	}
	return fetchChannel(ctx, o.Store, o.Backend, st.Enrollment)
}

// recordFetch keeps the outcome of a fetch made at now.
func (s *State) recordFetch(now time.Time, ferr error) {
	s.ChannelCheckedAt = now.UTC()
	s.ChannelError = ""
	if ferr != nil {
		s.ChannelError = ferr.Error()
	}
}

// fetchChannel is Fetch with the enrollment read.
func fetchChannel(ctx context.Context, store *data.Store, b Backend, e *Enrollment) (FetchResult, error) {
	var res FetchResult
	if e.CommitteeSigningKey == "" {
		return res, ErrNoCommitteeKey
	}
	if e.OrgID != store.Org().ID {
		return res, ErrWrongOrg
	}
	backend, err := backendOr(b, e.endpoint())
	if err != nil {
		return res, err
	}
	keys, err := backend.List(ctx, channelIndexPrefix)
	if err != nil {
		return res, err
	}
	var seqs []uint64
	for _, k := range keys {
		if seq, ok := seqOfKey(k, channelIndexPrefix, ".json"); ok {
			seqs = append(seqs, seq)
		}
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	last, err := store.LastCommitteeObject(ctx)
	if err != nil {
		return res, err
	}
	refuse := func(seq uint64, format string, args ...any) {
		res.Refused = append(res.Refused, ChannelRefusal{Seq: seq, Reason: fmt.Sprintf(format, args...)})
	}
	var head uint64
	headSum := ""
	if last != nil {
		head, headSum = uint64(last.Seq), last.IndexSHA256
		if len(seqs) == 0 || seqs[len(seqs)-1] < head {
			newest := uint64(0)
			if len(seqs) > 0 {
				newest = seqs[len(seqs)-1]
			}
			refuse(head, "回滚:服务器上党委发布的内容只到第%d号,本组织已收到第%d号", newest, head)
			return res, refusedError(res)
		}
		if err := checkReceived(ctx, backend, last, seqs, refuse); err != nil {
			return res, err
		}
	}
	for _, seq := range seqs {
		if seq <= head {
			continue
		}
		obj, reason, err := readPublication(ctx, backend, seq, e.CommitteeSigningKey, head, headSum)
		if err != nil {
			return res, err
		}
		if reason != "" {
			refuse(seq, "%s", reason)
			if strings.HasPrefix(reason, newerCommitteePrefix) {
				break // every later one follows it: taken once this build can read it
			}
			continue
		}
		// Each is stored as it is verified, so that a failure keeps the
		// ones before it.
		batch := []data.CommitteeObject{obj}
		if err := store.ReceiveCommitteeObjects(ctx, batch); err != nil {
			if ctx.Err() != nil {
				return res, err
			}
			refuse(seq, "无法保存: %v", err)
			break
		}
		res.New = append(res.New, batch[0])
		head, headSum = seq, obj.IndexSHA256
	}
	return res, refusedError(res)
}

// checkReceived refuses a replay: the server holding, under the seq of
// the last publication received, another object than the one received.
func checkReceived(ctx context.Context, b Backend, last *data.CommitteeObject, seqs []uint64,
	refuse func(uint64, string, ...any)) error {
	seq := uint64(last.Seq)
	if i := sort.Search(len(seqs), func(i int) bool { return seqs[i] >= seq }); i == len(seqs) || seqs[i] != seq {
		return nil // gone, but later ones are there: they must follow it
	}
	raw, err := readAllLimited(ctx, b, channelIndexKey(seq), maxChannelIndexSize)
	switch {
	case errors.Is(err, ErrObjectMissing) || errors.Is(err, errTooLarge):
		return nil
	case err != nil:
		return err
	}
	if sha256Hex(raw) != last.IndexSHA256 {
		refuse(seq, "重放:服务器上第%d号的内容与本组织已收到的不同,已收到的继续有效", seq)
	}
	return nil
}

// readPublication reads and checks the publication of seq, which must
// follow the one received last, headSeq, whose index hashes to prev: the
// reason it is refused, or the object to store.
func readPublication(ctx context.Context, b Backend, seq uint64, committeeKey string, headSeq uint64, prev string) (data.CommitteeObject, string, error) {
	x, raw, err := readChannelIndex(ctx, b, seq, committeeKey)
	if errors.Is(err, errChannelObject) {
		return data.CommitteeObject{}, strings.TrimPrefix(err.Error(), errChannelObject.Error()+": "), nil
	}
	if err != nil {
		return data.CommitteeObject{}, "", err
	}
	if x.Prev != prev {
		return data.CommitteeObject{}, forkReason(headSeq), nil
	}
	body, err := readAllLimited(ctx, b, channelBodyKey(seq), maxChannelBodySize)
	switch {
	case errors.Is(err, ErrObjectMissing):
		return data.CommitteeObject{}, "正文不存在", nil
	case errors.Is(err, errTooLarge):
		return data.CommitteeObject{}, "正文过大", nil
	case err != nil:
		return data.CommitteeObject{}, "", err
	}
	if sha256Hex(body) != x.BodySHA256 || int64(len(body)) != x.BodySize {
		return data.CommitteeObject{}, "正文已被改动,与签名的校验和不符", nil
	}
	parsed, err := ParseChannelBody(body)
	if err != nil {
		var head struct{ Format string }
		if json.Unmarshal(body, &head) == nil && head.Format != ChannelBodyFormat && strings.HasPrefix(head.Format, channelBodyFormatName) {
			return data.CommitteeObject{}, newerCommitteeReason(fmt.Sprintf("本程序不认识第%d号正文的格式“%s”", seq, head.Format)), nil
		}
		return data.CommitteeObject{}, "正文无效: " + err.Error(), nil
	}
	if parsed.Kind != x.Kind {
		return data.CommitteeObject{}, "正文的类别与索引不符", nil
	}
	return x.object(raw, body, parsed), "", nil
}

// forkReason is why a publication that does not follow the last one
// received (headSeq, 0 for none) is refused: one missing from the server
// or replaced there refuses every later one, and so does another chain.
func forkReason(headSeq uint64) string {
	if headSeq == 0 {
		return "分叉:不是党委的第一项发布,而本组织尚未收到任何内容(之前的发布可能在服务器上缺失或被替换)"
	}
	return fmt.Sprintf("分叉:不接续本组织已收到的第%d号(其间的发布可能在服务器上缺失或被替换)", headSeq)
}

// refusedError sums up the refusals of a fetch, nil for none; refusals of
// consecutive seqs for the same reason (all those after a missing
// publication) are told once, as a range.
func refusedError(res FetchResult) error {
	if len(res.Refused) == 0 {
		return nil
	}
	var parts []string
	for i := 0; i < len(res.Refused); {
		r, j := res.Refused[i], i+1
		for j < len(res.Refused) && res.Refused[j].Reason == r.Reason && res.Refused[j].Seq > res.Refused[j-1].Seq {
			j++
		}
		if j-i == 1 {
			parts = append(parts, fmt.Sprintf("第%d号:%s", r.Seq, r.Reason))
		} else {
			parts = append(parts, fmt.Sprintf("第%d号至第%d号(%d项):%s", r.Seq, res.Refused[j-1].Seq, j-i, r.Reason))
		}
		i = j
	}
	return fmt.Errorf("%w(%s);已收到的内容继续有效", ErrChannelRefused, strings.Join(parts, ";"))
}

// Calendar is the term calendar the organization received last from the
// committee; nil before the first.
func Calendar(ctx context.Context, store *data.Store) ([]TermSpan, error) {
	objs, err := store.CommitteeObjects(ctx, "")
	if err != nil {
		return nil, err
	}
	for i := len(objs) - 1; i >= 0; i-- {
		if objs[i].Kind != data.ChannelCalendar {
			continue
		}
		body, err := ParseChannelBody([]byte(objs[i].Body))
		if err != nil {
			return nil, err
		}
		return body.Calendar, nil
	}
	return nil, nil
}
