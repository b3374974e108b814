package data

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ChannelKind is the kind of an object the committee publishes through
// its signed channel.
type ChannelKind string

// The kinds of the committee's objects.
const (
	// ChannelThresholds is the year's rule thresholds (keys of
	// rules.SettingDefs): they take effect through the settings, and the
	// organization can no longer change those keys.
	ChannelThresholds ChannelKind = "thresholds"
	// ChannelCalendar is the term calendar.
	ChannelCalendar ChannelKind = "calendar"
	// ChannelNotice is a notice: a title, a text, an optional deadline.
	ChannelNotice ChannelKind = "notice"
	// ChannelTask is a notice the organization marks done; its TaskID is
	// what the completion refers to.
	ChannelTask ChannelKind = "task"
)

// Valid reports whether k is one of the kinds above.
func (k ChannelKind) Valid() bool {
	switch k {
	case ChannelThresholds, ChannelCalendar, ChannelNotice, ChannelTask:
		return true
	}
	return false
}

// Label names the kind for people: 考核标准, 学期安排, 通知, 任务.
func (k ChannelKind) Label() string {
	switch k {
	case ChannelThresholds:
		return "考核标准"
	case ChannelCalendar:
		return "学期安排"
	case ChannelNotice:
		return "通知"
	case ChannelTask:
		return "任务"
	}
	return string(k)
}

// CommitteeObject is one object of the committee's signed channel as the
// organization received it, after its signature, sequence and chain were
// verified (package snapshot does that): the signed index and the body as
// received, and what the screens need of them.
type CommitteeObject struct {
	Meta
	Seq         int64
	Kind        ChannelKind
	PublishedAt Stamp  // the committee's created_at
	IndexSHA256 string // hex SHA-256 of the signed index object
	Prev        string // hex SHA-256 of the previous index object, "" for the first
	TaskID      string // tasks
	Title       string // notices and tasks
	Text        string
	Deadline    Date   // notices and tasks; zero for none
	Thresholds  string // thresholds: the values as a JSON object key → value
	Signed      string // the signed index object, byte for byte
	Body        string // the body object, byte for byte
}

// Table names the SQL table.
func (*CommitteeObject) Table() string { return "committee_objects" }

// Fields lists the columns.
func (o *CommitteeObject) Fields() []Field {
	return []Field{
		{"seq", "序号", &o.Seq}, {"kind", "类别", (*string)(&o.Kind)}, {"published_at", "发布时间", &o.PublishedAt},
		{"index_sha256", "校验值", &o.IndexSHA256}, {"prev", "前一项校验值", &o.Prev}, {"task_id", "任务编号", &o.TaskID},
		{"title", "标题", &o.Title}, {"text", "内容", &o.Text}, {"deadline", "截止日期", &o.Deadline},
		{"thresholds", "考核标准", &o.Thresholds}, {"signed", "签名索引", &o.Signed}, {"body", "正文", &o.Body},
	}
}

func (o *CommitteeObject) check(c *checker) {
	if o.Seq <= 0 {
		c.fail("seq", "必须大于0")
	}
	if !o.Kind.Valid() {
		c.fail("kind", "不是党委发布的内容类别")
	}
	c.required("index_sha256", o.IndexSHA256)
	c.required("signed", o.Signed)
	c.required("body", o.Body)
	if o.Kind == ChannelTask {
		c.required("task_id", o.TaskID)
	}
	if o.Kind == ChannelThresholds {
		if _, err := o.ThresholdValues(); err != nil {
			c.fail("thresholds", err.Error())
		}
	}
}

// ThresholdValues are the thresholds of a thresholds object, key → value.
func (o *CommitteeObject) ThresholdValues() (map[string]string, error) {
	if o.Kind != ChannelThresholds {
		return nil, nil
	}
	values := map[string]string{}
	if err := json.Unmarshal([]byte(o.Thresholds), &values); err != nil {
		return nil, errors.New("考核标准无法解析")
	}
	return values, ValidateRuleSettings(values)
}

// CheckText refuses a text no text field may hold (a control character
// other than tab and line breaks, a Unicode noncharacter), as every
// record's check does.
func CheckText(s string) error {
	if bad, found := badChar(s); found {
		return fmt.Errorf("含有不可见的控制字符（U+%04X）", bad)
	}
	return nil
}

// ThresholdsText is values as a CommitteeObject keeps them.
func ThresholdsText(values map[string]string) string {
	b, _ := json.Marshal(values) // map keys are sorted
	return string(b)
}

// TaskDone is the organization's mark that it did a task the committee
// gave (任务完成情况): it travels back to the committee in its snapshot.
// A file sent with it is an attachment of the row (AttachmentsOf with
// TaskDoneTable).
type TaskDone struct {
	Meta
	TaskID string
	DoneAt Stamp
	Note   string
}

// TaskDoneTable is the table of TaskDone rows, the owner table of their
// attachments.
const TaskDoneTable = "task_completions"

// Table names the SQL table.
func (*TaskDone) Table() string { return TaskDoneTable }

// Fields lists the columns.
func (d *TaskDone) Fields() []Field {
	return []Field{{"task_id", "任务编号", &d.TaskID}, {"done_at", "完成时间", &d.DoneAt}, {"note", "说明", &d.Note}}
}

func (d *TaskDone) check(c *checker) {
	c.required("task_id", d.TaskID)
	if d.DoneAt.IsZero() {
		c.fail("done_at", "不能为空")
	}
}

// Columns of the channel's tables for queries.
const (
	colTaskID   Column = "task_id"
	colDeadline Column = "deadline"
)

// channelTables are the typed tables of the channel, on the store or
// inside a transaction.
type channelTables struct {
	objects Table[CommitteeObject, *CommitteeObject]
	done    Table[TaskDone, *TaskDone]
}

func (s *Store) channel() channelTables {
	x := storeExec{s}
	return channelTables{newTable[CommitteeObject](x), newTable[TaskDone](x)}
}

func (tx *Tx) channel() channelTables {
	x := txExec{tx.w}
	return channelTables{newTable[CommitteeObject](x), newTable[TaskDone](x)}
}

// ReceiveCommitteeObjects stores objects of the committee's channel that
// package snapshot verified, in one transaction, and applies the
// thresholds they carry to the organization's settings (the latest
// thresholds object wins). Objects whose seq is already stored are
// refused: nothing is replaced.
func (s *Store) ReceiveCommitteeObjects(ctx context.Context, objs []CommitteeObject) error {
	return s.Write(ctx, func(tx *Tx) error {
		ch := tx.channel()
		for i := range objs {
			o := objs[i]
			n, err := ch.objects.Count(ctx, Where(ColOrgID, s.Org().ID), Where(ColSeq, o.Seq))
			if err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("党委发布的第%d号内容已收到过，不会替换", o.Seq)
			}
			o.ID, o.OrgID = "", ""
			if err := ch.objects.Create(ctx, &o); err != nil {
				return err
			}
			values, err := o.ThresholdValues()
			if err != nil {
				return err
			}
			for _, key := range sortedKeys(values) {
				if err := setSetting(ctx, tx, key, values[key]); err != nil {
					return err
				}
			}
			objs[i].Meta = o.Meta
		}
		return nil
	})
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

// CommitteeObjects are the objects of the committee's channel this
// organization received, by seq ascending (in a consolidated database,
// those of the organization orgID; "" for the store's own).
func (s *Store) CommitteeObjects(ctx context.Context, orgID string) ([]CommitteeObject, error) {
	if orgID == "" {
		orgID = s.Org().ID
	}
	return s.channel().objects.List(ctx, Where(ColOrgID, orgID), OrderBy(ColSeq))
}

// LastCommitteeObject is the received object of the highest seq; nil
// when none was received.
func (s *Store) LastCommitteeObject(ctx context.Context) (*CommitteeObject, error) {
	objs, err := s.CommitteeObjects(ctx, "")
	if err != nil || len(objs) == 0 {
		return nil, err
	}
	return &objs[len(objs)-1], nil
}

// CommitteeSettings are the rule settings the committee set (key →
// value): those of the latest thresholds object received. The 设置 screen
// marks them 「由党委设定」, and SetSettings refuses to change them.
func (s *Store) CommitteeSettings(ctx context.Context) (map[string]string, error) {
	return committeeSettings(ctx, s.channel(), s.Org().ID)
}

func committeeSettings(ctx context.Context, ch channelTables, orgID string) (map[string]string, error) {
	objs, err := ch.objects.List(ctx, Where(ColOrgID, orgID), Where(ColKind, string(ChannelThresholds)), OrderBy(ColSeq))
	if err != nil || len(objs) == 0 {
		return map[string]string{}, err
	}
	last := objs[len(objs)-1]
	return last.ThresholdValues()
}

// SetByCommitteeLabel is how a setting the committee set is marked.
const SetByCommitteeLabel = "由党委设定"

// ErrSetByCommittee is wrapped by SetSettings' refusal to change a
// setting the committee set.
var ErrSetByCommittee = errors.New("该项由党委设定，本组织不能修改")

// CommitteeNotice is a notice or a task of the committee as the
// organization sees it, with its completion for a task.
type CommitteeNotice struct {
	CommitteeObject
	// Done is the organization's completion of a task; nil while not done
	// (and for notices).
	Done *TaskDone
}

// IsTask reports whether the notice is a task to mark done.
func (n CommitteeNotice) IsTask() bool { return n.Kind == ChannelTask }

// CommitteeNotices are the committee's notices and tasks, newest first; a
// task published again under the same id shows once, as last published.
func (s *Store) CommitteeNotices(ctx context.Context) ([]CommitteeNotice, error) {
	ch := s.channel()
	objs, err := ch.objects.List(ctx, Where(ColOrgID, s.Org().ID),
		WhereIn(ColKind, []string{string(ChannelNotice), string(ChannelTask)}), OrderBy(ColSeq))
	if err != nil {
		return nil, err
	}
	done, err := ch.done.List(ctx, Where(ColOrgID, s.Org().ID))
	if err != nil {
		return nil, err
	}
	byTask := map[string]*TaskDone{}
	for i := range done {
		byTask[done[i].TaskID] = &done[i]
	}
	seen := map[string]bool{}
	var out []CommitteeNotice
	for i := len(objs) - 1; i >= 0; i-- {
		o := objs[i]
		if o.Kind == ChannelTask {
			if seen[o.TaskID] {
				continue
			}
			seen[o.TaskID] = true
		}
		out = append(out, CommitteeNotice{CommitteeObject: o, Done: byTask[o.TaskID]})
	}
	return out, nil
}

// ErrUnknownTask means no task of the committee has that id.
var ErrUnknownTask = errors.New("党委没有发布该编号的任务")

// MarkTaskDone records that the organization did the committee's task
// taskID, with an optional note and an optional file (attachName and
// content; none when content is nil), in one transaction. Marking a task
// done again replaces the note and adds the file.
func (s *Store) MarkTaskDone(ctx context.Context, taskID, note, attachName string, content []byte) (*TaskDone, error) {
	taskID = strings.TrimSpace(taskID)
	if len(content) > MaxBlobSize {
		return nil, fmt.Errorf("%w：“%s”大小为%s，附件不能超过%d MB", ErrTooLarge, attachmentName(attachName), SizeText(int64(len(content))), MaxBlobSize>>20)
	}
	var d TaskDone
	err := s.Write(ctx, func(tx *Tx) error {
		ch := tx.channel()
		n, err := ch.objects.Count(ctx, Where(ColOrgID, s.Org().ID), Where(ColKind, string(ChannelTask)), Where(colTaskID, taskID))
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w：%s", ErrUnknownTask, taskID)
		}
		old, err := ch.done.List(ctx, Where(ColOrgID, s.Org().ID), Where(colTaskID, taskID))
		if err != nil {
			return err
		}
		if len(old) > 0 {
			d = old[0]
			d.Note, d.DoneAt = note, Stamp{tx.w.at}
			err = ch.done.Update(ctx, &d)
		} else {
			d = TaskDone{TaskID: taskID, Note: note, DoneAt: Stamp{tx.w.at}}
			err = ch.done.Create(ctx, &d)
		}
		if err != nil || content == nil {
			return err
		}
		key, err := tx.PutBlob(ctx, content)
		if err != nil {
			return err
		}
		name := attachmentName(attachName)
		return tx.Attachments.Create(ctx, &Attachment{OwnerTable: TaskDoneTable, OwnerID: Ref(d.ID), Name: name,
			MIME: mimeOf(name, content), Size: int64(len(content)), SHA256: key})
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// UnmarkTaskDone takes back the organization's completion of a task (the
// row and its files go to the recycle bin); nothing when it was not done.
func (s *Store) UnmarkTaskDone(ctx context.Context, taskID string) error {
	return s.Write(ctx, func(tx *Tx) error {
		ch := tx.channel()
		old, err := ch.done.List(ctx, Where(ColOrgID, s.Org().ID), Where(colTaskID, taskID))
		if err != nil {
			return err
		}
		for i := range old {
			if err := deleteAttachmentsOf(ctx, tx.w, TaskDoneTable, old[i].ID); err != nil {
				return err
			}
			if err := ch.done.Delete(ctx, &old[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// TaskCompletion is one organization's completion of a task, as a
// consolidated database holds it.
type TaskCompletion struct {
	TaskDone
	OrgName     string
	Attachments []Attachment
}

// TaskCompletions are every organization's completions of the committee's
// tasks (a consolidated database holds those of every organization), by
// task id then organization id.
func (s *Store) TaskCompletions(ctx context.Context) ([]TaskCompletion, error) {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	done, err := s.channel().done.List(ctx, OrderBy(colTaskID, ColOrgID))
	if err != nil {
		return nil, err
	}
	out := make([]TaskCompletion, 0, len(done))
	for _, d := range done {
		files, err := s.AttachmentsOf(ctx, TaskDoneTable, d.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, TaskCompletion{TaskDone: d, OrgName: names[d.OrgID], Attachments: files})
	}
	return out, nil
}
