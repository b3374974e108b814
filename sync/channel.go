package snapshot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"dangjian/data"
)

// The committee's channel: what the committee publishes for every
// organization, under committee/channel/ in the bucket, where only it can
// write. Each publication is two objects with the same ten-digit seq:
//
//	committee/channel/body/<seq>.json   the body (ChannelBody)
//	committee/channel/index/<seq>.json  the signed index (ChannelIndex)
//
// The body is written first, the index last: a publication that fails
// half-way leaves a body no index names, which no organization reads. The
// index is signed with the committee's Ed25519 key (its public key is in
// the enrollment file) and chained like the organizations' manifests: seq
// above the previous one, prev the SHA-256 of the previous index object,
// and it carries the body's SHA-256 and size. An organization accepts an
// index only when it verifies against the enrolled key, names its own
// seq, and follows the last one it accepted; nothing is ever replaced.

// Formats of the channel's objects.
const (
	ChannelIndexFormat = "dangjian-committee-index/1"
	ChannelBodyFormat  = "dangjian-committee-body/1"
)

// channelSigningContext is prefixed to the signed bytes, so that a
// signature of the committee's channel can be taken for nothing else.
const channelSigningContext = "dangjian committee channel signature v1\n"

// Bounds of what is read of the channel's objects.
const (
	maxChannelIndexSize = 16 << 10
	maxChannelBodySize  = 64 << 10
	// maxChannelBodyRunes keeps a body within the characters a text
	// field of the organization's database holds.
	maxChannelBodyRunes = 20000
	maxNoticeTitle      = 200
	maxNoticeText       = 5000
)

// Object keys of the channel.
const (
	channelPrefix      = "committee/channel/"
	channelIndexPrefix = channelPrefix + "index/"
	channelBodyPrefix  = channelPrefix + "body/"
)

func channelIndexKey(seq uint64) string { return fmt.Sprintf("%s%010d.json", channelIndexPrefix, seq) }
func channelBodyKey(seq uint64) string  { return fmt.Sprintf("%s%010d.json", channelBodyPrefix, seq) }

// ChannelIndex is the signed record of one publication.
type ChannelIndex struct {
	Format     string           `json:"format"`
	Seq        uint64           `json:"seq"`
	Prev       string           `json:"prev"` // hex SHA-256 of the previous index object, "" for the first
	CreatedAt  time.Time        `json:"created_at"`
	Kind       data.ChannelKind `json:"kind"`
	BodySHA256 string           `json:"body_sha256"`
	BodySize   int64            `json:"body_size"`
	Signature  string           `json:"signature,omitempty"` // Ed25519, standard base64
}

// ChannelBody is what the committee publishes; the fields used depend on
// Kind.
type ChannelBody struct {
	Format string           `json:"format"`
	Kind   data.ChannelKind `json:"kind"`
	// Thresholds: the year they are for and the values (keys of
	// rules.SettingDefs).
	Year       int               `json:"year,omitempty"`
	Thresholds map[string]string `json:"thresholds,omitempty"`
	// Calendar: the terms and their dates.
	Calendar []TermSpan `json:"calendar,omitempty"`
	// Notices and tasks: a task has an id its completion refers to.
	TaskID   string `json:"task_id,omitempty"`
	Title    string `json:"title,omitempty"`
	Text     string `json:"text,omitempty"`
	Deadline string `json:"deadline,omitempty"` // YYYY-MM-DD, "" for none
}

// taskIDPattern is the form of a task's id: it is typed on command lines.
var taskIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$`)

// Validate checks the body as an organization will: its kind, and for
// each kind the values it needs (thresholds as the 设置 screen checks
// them, dates, a calendar whose terms are valid and do not overlap).
func (b ChannelBody) Validate() error {
	if b.Format != ChannelBodyFormat {
		return fmt.Errorf("格式不受支持: %q", b.Format)
	}
	notice := b.Kind == data.ChannelNotice || b.Kind == data.ChannelTask
	switch {
	case !b.Kind.Valid():
		return fmt.Errorf("未知的类别: %q", b.Kind)
	case b.Kind != data.ChannelThresholds && (b.Year != 0 || b.Thresholds != nil):
		return errors.New("只有考核标准才有年度和考核指标")
	case b.Kind != data.ChannelCalendar && b.Calendar != nil:
		return errors.New("只有学期安排才有学期")
	case !notice && (b.Title != "" || b.Text != "" || b.Deadline != ""):
		return errors.New("只有通知和任务才有标题、内容和截止日期")
	case b.Kind != data.ChannelTask && b.TaskID != "":
		return errors.New("只有任务才有任务编号")
	}
	switch b.Kind {
	case data.ChannelThresholds:
		if b.Year < 2000 || b.Year > 2100 {
			return fmt.Errorf("考核标准的年度无效: %d", b.Year)
		}
		if len(b.Thresholds) == 0 {
			return errors.New("考核标准没有任何指标")
		}
		if err := data.ValidateRuleSettings(b.Thresholds); err != nil {
			return fmt.Errorf("考核标准无效: %w", err)
		}
	case data.ChannelCalendar:
		return validateCalendar(b.Calendar)
	case data.ChannelTask:
		if !taskIDPattern.MatchString(b.TaskID) {
			return fmt.Errorf("任务编号无效: %q(只能用字母、数字、- 和 _,不超过40个字符)", b.TaskID)
		}
		fallthrough
	case data.ChannelNotice:
		switch n := utf8.RuneCountInString(strings.TrimSpace(b.Title)); {
		case n == 0:
			return errors.New("缺少标题")
		case n > maxNoticeTitle:
			return fmt.Errorf("标题超过%d个字", maxNoticeTitle)
		case utf8.RuneCountInString(b.Text) > maxNoticeText:
			return fmt.Errorf("内容超过%d个字", maxNoticeText)
		}
		if err := data.CheckText(b.Title + b.Text); err != nil {
			return fmt.Errorf("标题或内容%v", err)
		}
		if _, err := channelDate(b.Deadline); err != nil {
			return fmt.Errorf("截止日期%v", err)
		}
	}
	return nil
}

// channelDate reads a YYYY-MM-DD date; "" is none.
func channelDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Format(time.DateOnly) != s {
		return data.Date{}, fmt.Errorf("无效: %q(应为 2027-01-10 这样的日期)", s)
	}
	return data.DateOf(t), nil
}

// validateCalendar checks a term calendar as the committee keeps it
// (CheckCalendar), and that it names at least one term.
func validateCalendar(spans []TermSpan) error {
	if len(spans) == 0 {
		return errors.New("学期安排没有任何学期")
	}
	return CheckCalendar(spans)
}

// checkCalendarYears refuses, at publication, a calendar whose term's days
// do not lie in its own academic year (termBounds): a year mistyped in a
// date would otherwise end the current term, and freeze its result, at
// once. Only publish checks it: a calendar signed before (by a build
// that did not) stays readable and is taken by the organizations, so
// that the chain goes on.
func checkCalendarYears(spans []TermSpan) error {
	for _, s := range spans {
		t, err := ParseTerm(s.Term)
		if err != nil {
			return err
		}
		from, to := termBounds(t)
		if s.Start < from || s.End > to {
			return fmt.Errorf("校历中学期 %s（%s）的日期应在%s到%s之间，现为%s到%s", s.Term, t.Label(), from, to, s.Start, s.End)
		}
	}
	return nil
}

// termBounds are the first and last days (YYYY-MM-DD) a term's calendar
// may give it: the first term of 2026-2027 within 2026-07-01 and
// 2027-03-31, the second within 2027-01-01 and 2027-09-30.
func termBounds(t Term) (from, to string) {
	y := t.StartYear
	if t.Half == 1 {
		return fmt.Sprintf("%04d-07-01", y), fmt.Sprintf("%04d-03-31", y+1)
	}
	return fmt.Sprintf("%04d-01-01", y+1), fmt.Sprintf("%04d-09-30", y+1)
}

// ParseChannelBody reads a body object strictly (known fields only, no
// trailing data, within the bounds) and validates it.
func ParseChannelBody(b []byte) (ChannelBody, error) {
	var body ChannelBody
	if len(b) > maxChannelBodySize || utf8.RuneCount(b) > maxChannelBodyRunes {
		return body, errors.New("正文过大")
	}
	if !utf8.Valid(b) {
		return body, errors.New("正文不是 UTF-8 文本")
	}
	if err := decodeStrict(b, &body); err != nil {
		return body, fmt.Errorf("正文格式错误: %v", err)
	}
	if err := body.Validate(); err != nil {
		return body, err
	}
	return body, nil
}

// encode is the body's bytes as published.
func (b ChannelBody) encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// signedBytes is what the index's signature covers: the context string
// and the index's JSON without its signature.
func (x ChannelIndex) signedBytes() ([]byte, error) {
	x.Signature = ""
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	return append([]byte(channelSigningContext), b...), nil
}

// seal signs the index with key and returns the bytes to upload.
func (x ChannelIndex) seal(key ed25519.PrivateKey) ([]byte, error) {
	msg, err := x.signedBytes()
	if err != nil {
		return nil, err
	}
	x.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, msg))
	b, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// errUnknownKind is an index of a kind this build does not know: from a
// newer release of the committee's when its signature holds.
var errUnknownKind = errors.New("未知的类别")

// newerCommitteeReason is why an organization does not take a
// publication, signed by the committee, that this build cannot read (a
// kind or a body format of a newer release): the program must be
// upgraded, and nothing was tampered with.
func newerCommitteeReason(what string) string {
	return newerCommitteePrefix + "(" + what + "),请升级本程序;升级前暂不接收该项及之后的发布"
}

// newerCommitteePrefix begins newerCommitteeReason.
const newerCommitteePrefix = "党委使用的程序版本较新"

// channelBodyFormatName is the body format's name before its version.
const channelBodyFormatName = "dangjian-committee-body/"

// ParseChannelIndex reads an index object strictly: known fields only,
// the format, a seq, hashes of the right length, a size in range and a
// signature present. It does not check the signature (see Verify).
func ParseChannelIndex(b []byte) (ChannelIndex, error) {
	var x ChannelIndex
	if len(b) > maxChannelIndexSize {
		return x, errors.New("索引过大")
	}
	if err := decodeStrict(b, &x); err != nil {
		return x, fmt.Errorf("索引格式错误: %v", err)
	}
	switch {
	case x.Format != ChannelIndexFormat:
		return x, fmt.Errorf("索引格式不受支持: %q", x.Format)
	case x.Seq == 0 || x.Seq > maxSeq:
		return x, errors.New("序号无效")
	case x.Prev != "" && !isSHA256Hex(x.Prev):
		return x, errors.New("prev 不是 SHA-256")
	case !x.Kind.Valid():
		return x, fmt.Errorf("%w: %q", errUnknownKind, x.Kind)
	case !isSHA256Hex(x.BodySHA256):
		return x, errors.New("正文校验和不是 SHA-256")
	case x.BodySize <= 0 || x.BodySize > maxChannelBodySize:
		return x, errors.New("正文大小无效")
	case x.CreatedAt.IsZero():
		return x, errors.New("缺少 created_at")
	case x.Signature == "":
		return x, errors.New("没有签名")
	}
	return x, nil
}

// Verify checks the index's signature against the committee's public
// signing key (standard base64, as in the enrollment file).
func (x ChannelIndex) Verify(committeeKey string) error {
	key, err := parseSigningKey(committeeKey)
	if err != nil {
		return err
	}
	sig, err := base64.StdEncoding.DecodeString(x.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errors.New("签名格式错误")
	}
	msg, err := x.signedBytes()
	if err != nil {
		return err
	}
	if !ed25519.Verify(key, msg, sig) {
		return errors.New("签名无效:不是党委登记的密钥签署的")
	}
	return nil
}

// parseSigningKey reads an Ed25519 public key in standard base64.
func parseSigningKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("党委的签名公钥无效")
	}
	return ed25519.PublicKey(b), nil
}

// object is the row an organization stores for a verified publication.
func (x ChannelIndex) object(indexBytes, bodyBytes []byte, body ChannelBody) data.CommitteeObject {
	deadline, _ := channelDate(body.Deadline)
	o := data.CommitteeObject{
		Seq: int64(x.Seq), Kind: x.Kind, PublishedAt: data.Stamp{Time: x.CreatedAt.UTC()},
		IndexSHA256: sha256Hex(indexBytes), Prev: x.Prev, TaskID: body.TaskID, Title: body.Title, Text: body.Text,
		Deadline: deadline, Signed: string(indexBytes), Body: string(bodyBytes),
	}
	if x.Kind == data.ChannelThresholds {
		o.Thresholds = data.ThresholdsText(body.Thresholds)
	}
	return o
}
