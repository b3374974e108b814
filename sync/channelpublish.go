package snapshot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dangjian/data"
)

// The committee keeps what it published in its folder, channel/: the
// last seq and index hash (state.json), and a copy of each publication's
// index and body (<seq>.index.json, <seq>.body.json), from which it
// lists its tasks and continues the chain.
const (
	channelDir       = "channel"
	channelStateFile = "state.json"
)

// channelState is the committee's record of its channel.
type channelState struct {
	LastSeq    uint64 `json:"last_seq"`
	LastSHA256 string `json:"last_index_sha256"`
}

// PublishOptions is what a publication needs besides its body.
type PublishOptions struct {
	// Passphrase unlocks the committee's signing key (and makes one, in a
	// folder that has none, encrypted with the same passphrase).
	Passphrase string
	Backend    Backend // overrides the configured server (tests)
	Now        time.Time
}

// Publication is one object of the committee's channel as the committee
// keeps it.
type Publication struct {
	Index ChannelIndex
	Body  ChannelBody
	// IndexSHA256 is the SHA-256 of the index object, which the next one
	// names as its prev.
	IndexSHA256 string
}

// Publish signs body and publishes it as the next object of the
// committee's channel: the body, then the signed index that makes it
// visible, under a seq no object uses, chained to the last publication.
// A task without an id gets one (T and its seq). Nothing is overwritten;
// a publication that fails half-way leaves no index. It runs under the
// committee folder's lock.
func (c *Committee) Publish(ctx context.Context, body ChannelBody, o PublishOptions) (Publication, error) {
	var p Publication
	l, err := c.lock()
	if err != nil {
		return p, err
	}
	defer l.Unlock()
	if err := c.CheckPublication(body, o.Now); err != nil {
		return p, err
	}
	body.Format = ChannelBodyFormat
	if body.Kind == data.ChannelTask && body.TaskID == "" {
		body.TaskID = "T" // completed with the seq below; validated as such
	}
	key, err := c.unlockSigningKey(o.Passphrase)
	if err != nil {
		return p, err
	}
	backend, err := backendOr(o.Backend, c.Config.endpoint())
	if err != nil {
		return p, err
	}
	st, err := c.channelHead(ctx, backend, key)
	if err != nil {
		return p, err
	}
	keys, err := backend.List(ctx, channelPrefix)
	if err != nil {
		return p, err
	}
	seq := freeChannelSeq(keys, st.LastSeq)
	if seq == 0 {
		return p, errors.New("党委发布内容的序号已用尽")
	}
	if body.Kind == data.ChannelTask {
		auto := body.TaskID == "T"
		if auto {
			body.TaskID = fmt.Sprintf("T%d", seq)
		}
		for n := 2; ; n++ {
			err := c.checkTaskIDFree(body.TaskID)
			if err == nil {
				break
			}
			if !auto || !errors.As(err, new(*taskIDTaken)) {
				return p, err
			}
			body.TaskID = fmt.Sprintf("T%d-%d", seq, n) // an earlier task was given T<seq> by --id
		}
	}
	bodyBytes, err := body.encode()
	if err != nil {
		return p, err
	}
	if _, err := ParseChannelBody(bodyBytes); err != nil {
		return p, fmt.Errorf("%w：%w", ErrNotPublishable, err)
	}
	x := ChannelIndex{Format: ChannelIndexFormat, Seq: seq, Prev: st.LastSHA256, CreatedAt: o.Now.UTC().Truncate(time.Second),
		Kind: body.Kind, BodySHA256: sha256Hex(bodyBytes), BodySize: int64(len(bodyBytes))}
	indexBytes, err := x.seal(key)
	if err != nil {
		return p, err
	}
	if err := backend.Put(ctx, channelBodyKey(seq), bytes.NewReader(bodyBytes), int64(len(bodyBytes))); err != nil {
		return p, fmt.Errorf("上传发布内容失败: %w", err)
	}
	if err := backend.Put(ctx, channelIndexKey(seq), bytes.NewReader(indexBytes), int64(len(indexBytes))); err != nil {
		return p, fmt.Errorf("写入发布索引失败: %w", err)
	}
	if err := c.keepPublication(seq, indexBytes, bodyBytes); err != nil {
		return p, err
	}
	if body.Kind == data.ChannelCalendar {
		if err := c.SaveTermCalendar(body.Calendar); err != nil {
			return p, err
		}
	}
	x, _ = ParseChannelIndex(indexBytes)
	return Publication{Index: x, Body: body, IndexSHA256: sha256Hex(indexBytes)}, nil
}

// freeChannelSeq is the lowest seq above floor that no object of the
// channel uses (an index, or a body a failed publication left); 0 when
// none is left.
func freeChannelSeq(keys []string, floor uint64) uint64 {
	used := map[uint64]bool{}
	for _, k := range keys {
		if seq, ok := seqOfKey(k, channelIndexPrefix, ".json"); ok {
			used[seq] = true
		}
		if seq, ok := seqOfKey(k, channelBodyPrefix, ".json"); ok {
			used[seq] = true
		}
	}
	for seq := floor + 1; seq <= maxSeq; seq++ {
		if !used[seq] {
			return seq
		}
	}
	return 0
}

// keepPublication copies a publication into the committee's folder and
// records it as the last.
func (c *Committee) keepPublication(seq uint64, indexBytes, bodyBytes []byte) error {
	dir := filepath.Join(c.Dir, channelDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, fmt.Sprintf("%010d.body.json", seq)), bodyBytes); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, fmt.Sprintf("%010d.index.json", seq)), indexBytes); err != nil {
		return err
	}
	return writeJSON(filepath.Join(dir, channelStateFile), channelState{LastSeq: seq, LastSHA256: sha256Hex(indexBytes)}, true)
}

// channelHead is the publication the next one follows. It is the one the
// committee's folder records, checked against the bucket: put back when
// it is missing there (from the folder's copy), refused when replaced.
// Publications in the bucket above it that descend from it (a publication
// whose record was not written) are taken into the folder; any other
// publication signed with the committee's key above it (another copy of
// the folder publishing) is refused, as building on either would fork the
// chain.
func (c *Committee) channelHead(ctx context.Context, b Backend, key ed25519.PrivateKey) (channelState, error) {
	var st channelState
	err := readJSON(filepath.Join(c.Dir, channelDir, channelStateFile), &st)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return st, fmt.Errorf("党委发布记录 %s 已损坏,无法读取;请从备份恢复,或删除该文件(下次发布时按服务器上党委签名的发布重新确定)", filepath.Join(c.Dir, channelDir, channelStateFile))
	case st.LastSeq == 0 || !isSHA256Hex(st.LastSHA256):
		return st, fmt.Errorf("党委发布记录 %s 无效;请从备份恢复", filepath.Join(channelDir, channelStateFile))
	}
	pub := publicSigningKey(key)
	if st.LastSeq > 0 {
		got, err := readAllLimited(ctx, b, channelIndexKey(st.LastSeq), maxChannelIndexSize)
		switch {
		case errors.Is(err, ErrObjectMissing):
			if err := c.restorePublication(ctx, b, st); err != nil {
				return st, err
			}
		case err != nil:
			return st, err
		case sha256Hex(got) != st.LastSHA256:
			return st, fmt.Errorf("服务器上党委发布的第%d号内容已被替换,与本目录的记录不符;为免各组织把之后的发布当作分叉拒收,本次未发布,请核实服务器", st.LastSeq)
		default:
			if err := c.checkLastBody(ctx, b, st); err != nil {
				return st, err
			}
		}
	}
	keys, err := b.List(ctx, channelIndexPrefix)
	if err != nil {
		return st, err
	}
	var above []uint64
	for _, k := range keys {
		if seq, ok := seqOfKey(k, channelIndexPrefix, ".json"); ok && seq > st.LastSeq {
			above = append(above, seq)
		}
	}
	sort.Slice(above, func(i, j int) bool { return above[i] < above[j] })
	for _, seq := range above {
		x, raw, err := readChannelIndex(ctx, b, seq, pub)
		if err != nil {
			if errors.Is(err, errChannelObject) {
				continue // not the committee's: never built on
			}
			return st, err
		}
		if x.Prev != st.LastSHA256 {
			return st, fmt.Errorf("服务器上有本目录未记录的党委发布(第%d号),且不接续本目录最后的第%d号(可能另一台电脑也在用党委的目录发布);为免分叉,本次未发布", seq, st.LastSeq)
		}
		bodyBytes, err := readAllLimited(ctx, b, channelBodyKey(seq), maxChannelBodySize)
		if errors.Is(err, ErrObjectMissing) || errors.Is(err, errTooLarge) ||
			err == nil && (sha256Hex(bodyBytes) != x.BodySHA256 || int64(len(bodyBytes)) != x.BodySize) {
			// The organizations refuse it, and every publication after it.
			return st, fmt.Errorf("服务器上党委发布的第%d号正文缺失或已被改动,与签名的校验和不符,本目录也没有它的副本,各组织会拒收它和之后的发布;本次未发布。请在服务器上删除它的索引对象 %s,之后的发布将接续第%d号", seq, channelIndexKey(seq), st.LastSeq)
		}
		if err != nil {
			return st, fmt.Errorf("无法读取服务器上的第%d号党委发布: %w", seq, err)
		}
		if err := c.keepPublication(seq, raw, bodyBytes); err != nil {
			return st, err
		}
		st = channelState{LastSeq: seq, LastSHA256: sha256Hex(raw)}
	}
	return st, nil
}

// checkLastBody checks the body of the last publication in the bucket
// against the folder's copy: put back when missing, refused when changed
// (organizations would refuse it, and every later publication with it).
func (c *Committee) checkLastBody(ctx context.Context, b Backend, st channelState) error {
	got, err := readAllLimited(ctx, b, channelBodyKey(st.LastSeq), maxChannelBodySize)
	switch {
	case errors.Is(err, ErrObjectMissing):
		return c.restorePublication(ctx, b, st)
	case err != nil && !errors.Is(err, errTooLarge):
		return err
	}
	kept, kerr := os.ReadFile(filepath.Join(c.Dir, channelDir, fmt.Sprintf("%010d.body.json", st.LastSeq)))
	if err != nil || kerr != nil || !bytes.Equal(got, kept) {
		return fmt.Errorf("服务器上党委发布的第%d号正文已被改动,与本目录的副本不符,各组织会拒收它和之后的发布;本次未发布,请用本目录 %s 中的副本恢复服务器上的该对象", st.LastSeq, channelDir)
	}
	return nil
}

// restorePublication puts the folder's copy of the last publication back
// into the bucket, where it is missing.
func (c *Committee) restorePublication(ctx context.Context, b Backend, st channelState) error {
	dir := filepath.Join(c.Dir, channelDir)
	index, err1 := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%010d.index.json", st.LastSeq)))
	body, err2 := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%010d.body.json", st.LastSeq)))
	if err1 != nil || err2 != nil || sha256Hex(index) != st.LastSHA256 {
		return fmt.Errorf("服务器上没有党委发布的第%d号内容,本目录也没有完好的副本;请从备份恢复 %s", st.LastSeq, channelDir)
	}
	if err := b.Put(ctx, channelBodyKey(st.LastSeq), bytes.NewReader(body), int64(len(body))); err != nil && !errors.Is(err, ErrObjectExists) {
		return err
	}
	if err := b.Put(ctx, channelIndexKey(st.LastSeq), bytes.NewReader(index), int64(len(index))); err != nil && !errors.Is(err, ErrObjectExists) {
		return err
	}
	return nil
}

// errChannelObject marks an object of the channel that is refused: it is
// not a valid publication of the committee.
var errChannelObject = errors.New("党委发布的内容无效")

// readChannelIndex fetches the index of seq and checks it: it parses, it
// is signed by the committee's key pub, and it names seq. Refusals wrap
// errChannelObject; other errors are the server's.
func readChannelIndex(ctx context.Context, b Backend, seq uint64, pub string) (ChannelIndex, []byte, error) {
	raw, err := readAllLimited(ctx, b, channelIndexKey(seq), maxChannelIndexSize)
	switch {
	case errors.Is(err, ErrObjectMissing):
		return ChannelIndex{}, nil, fmt.Errorf("%w: 索引在读取时消失", errChannelObject)
	case errors.Is(err, errTooLarge):
		return ChannelIndex{}, nil, fmt.Errorf("%w: 索引过大", errChannelObject)
	case err != nil:
		return ChannelIndex{}, nil, err
	}
	x, err := ParseChannelIndex(raw)
	if errors.Is(err, errUnknownKind) && x.Seq == seq && x.Verify(pub) == nil {
		return x, nil, fmt.Errorf("%w: %s", errChannelObject, newerCommitteeReason(fmt.Sprintf("本程序不认识第%d号的类别“%s”", seq, x.Kind)))
	}
	if err != nil {
		return x, nil, fmt.Errorf("%w: %v", errChannelObject, err)
	}
	if err := x.Verify(pub); err != nil {
		return x, nil, fmt.Errorf("%w: %v", errChannelObject, err)
	}
	if x.Seq != seq {
		return x, nil, fmt.Errorf("%w: 重放:第%d号对象中是第%d号的索引", errChannelObject, seq, x.Seq)
	}
	return x, raw, nil
}

// Publications are what the committee published, by seq ascending, from
// the copies in its folder.
func (c *Committee) Publications() ([]Publication, error) {
	dir := filepath.Join(c.Dir, channelDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Publication
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".index.json")
		if !ok {
			continue
		}
		index, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		x, err := ParseChannelIndex(index)
		if err != nil || fmt.Sprintf("%010d", x.Seq) != name {
			return nil, fmt.Errorf("党委发布记录 %s 已损坏;请从备份恢复", filepath.Join(channelDir, e.Name()))
		}
		raw, err := os.ReadFile(filepath.Join(dir, name+".body.json"))
		if err != nil {
			return nil, err
		}
		body, err := ParseChannelBody(raw)
		if err != nil || sha256Hex(raw) != x.BodySHA256 {
			return nil, fmt.Errorf("党委发布记录 %s 已损坏;请从备份恢复", filepath.Join(channelDir, name+".body.json"))
		}
		out = append(out, Publication{Index: x, Body: body, IndexSHA256: sha256Hex(index)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index.Seq < out[j].Index.Seq })
	return out, nil
}

// ErrNotPublishable wraps why the committee cannot publish something:
// its error says what, in words for the user, before anything is signed
// or sent.
var ErrNotPublishable = errors.New("无法发布")

// taskIDTaken is the refusal of a task id an earlier task has.
type taskIDTaken struct{ text string }

func (e *taskIDTaken) Error() string { return e.text }
func (e *taskIDTaken) Unwrap() error { return ErrNotPublishable }

// CheckPublication refuses (ErrNotPublishable), before the passphrase is
// asked, what Publish refuses of body on the day now: a body that is not
// valid, a calendar outside its academic years, a deadline already past
// (a mistyped year, most likely) and a task id an earlier task has. The
// command line and the 党委发布 screen both ask it first.
func (c *Committee) CheckPublication(body ChannelBody, now time.Time) error {
	if err := CheckPublicationBody(body, now); err != nil {
		return err
	}
	if body.Kind == data.ChannelTask && body.TaskID != "" {
		return c.checkTaskIDFree(body.TaskID)
	}
	return nil
}

// CheckPublicationBody is CheckPublication of what body alone tells,
// without the committee's folder.
func CheckPublicationBody(body ChannelBody, now time.Time) error {
	body.Format = ChannelBodyFormat
	probe := body
	if probe.Kind == data.ChannelTask && probe.TaskID == "" {
		probe.TaskID = "T1" // numbered when published
	}
	if err := probe.Validate(); err != nil {
		return fmt.Errorf("%w：%w", ErrNotPublishable, err)
	}
	if body.Kind == data.ChannelCalendar {
		if err := checkCalendarYears(body.Calendar); err != nil {
			return fmt.Errorf("%w：%w", ErrNotPublishable, err)
		}
	}
	if body.Deadline != "" && body.Deadline < now.Format(time.DateOnly) {
		return fmt.Errorf("%w：截止日期%s已经过去", ErrNotPublishable, body.Deadline)
	}
	return nil
}

// checkTaskIDFree refuses a task id that an earlier task of the committee
// already has: an organization keeps one task per id, so the new task
// would take the earlier one's place (and its completions) everywhere.
func (c *Committee) checkTaskIDFree(id string) error {
	pubs, err := c.Publications()
	if err != nil {
		return err
	}
	for _, p := range pubs {
		if p.Body.Kind == data.ChannelTask && strings.EqualFold(p.Body.TaskID, id) {
			return &taskIDTaken{fmt.Sprintf("%v：任务编号 %s 已被第%d号发布的任务“%s”使用，请另取一个任务编号", ErrNotPublishable, id, p.Index.Seq, p.Body.Title)}
		}
	}
	return nil
}
