package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// extraSubs are sub-commands added to a group (by its name) by files other
// than the one that makes the group: the committee's channel. The group
// runs them; its usage lists its own.
var extraSubs = map[string][]sub{
	"committee": {
		{"publish", "发布考核标准、学期安排、通知或任务（签名后供各组织同步）", runCommitteePublish},
		{"tasks", "查看各组织完成党委任务的情况", runCommitteeTasks},
	},
	"sync": {
		{"fetch", "读取党委发布的内容（核验签名后保存）", runSyncFetch},
		{"tasks", "查看党委发布的通知和任务", runSyncTasks},
		{"done", "标记党委的任务已完成", runSyncDone},
	},
}

// all are the group's sub-commands, its own then the added ones.
func (g group) all() []sub {
	return append(append([]sub{}, g.subs...), extraSubs[g.name]...)
}

// publishKinds name what committee publish publishes, as typed.
var publishKinds = map[string]data.ChannelKind{
	"thresholds": data.ChannelThresholds, "calendar": data.ChannelCalendar,
	"notice": data.ChannelNotice, "task": data.ChannelTask,
}

func runCommitteePublish(e *env, args []string) int {
	fs := e.flags("committee publish", "种类 [内容…]",
		"种类：thresholds（考核标准，每项写成 键=值，如 train.hours=40，须给出 --year）",
		"      calendar（学期安排，每个学期写成 2026-2027-1:2026-09-07:2027-01-17 的形式）",
		"      notice（通知）、task（任务）：用 --title、--text、--deadline 给出")
	dir := fs.String("dir", "", "党委的同步目录")
	year := yearFlag(fs, "考核标准适用的年度")
	title := fs.String("title", "", "通知或任务的标题")
	text := fs.String("text", "", "通知或任务的内容")
	deadline := fs.String("deadline", "", "截止日期（年-月-日，可不填）")
	id := fs.String("id", "", "任务编号（字母、数字、- 或 _；默认为 T 加发布序号）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if *dir == "" || len(pos) == 0 {
		return e.usageError(fs, "请给出 --dir 和要发布的种类")
	}
	kind, known := publishKinds[pos[0]]
	if !known {
		return e.usageError(fs, "未知的种类：%s", pos[0])
	}
	body := snapshot.ChannelBody{Kind: kind, Year: *year, Title: *title, Text: *text, Deadline: *deadline, TaskID: *id}
	switch kind {
	case data.ChannelThresholds:
		if *year == 0 {
			return e.usageError(fs, "请用 --year 给出考核标准适用的年度，如 --year 2027")
		}
		body.Thresholds = map[string]string{}
		for _, kv := range pos[1:] {
			k, v, found := strings.Cut(kv, "=")
			if !found {
				return e.usageError(fs, "考核标准应写成 键=值：%s", kv)
			}
			k = strings.TrimSpace(k)
			if _, twice := body.Thresholds[k]; twice {
				return e.usageError(fs, "考核标准 %s 给出了两次", k)
			}
			body.Thresholds[k] = strings.TrimSpace(v)
		}
	case data.ChannelCalendar:
		for _, span := range pos[1:] {
			parts := strings.Split(span, ":")
			if len(parts) != 3 {
				return e.usageError(fs, "学期应写成 2026-2027-1:2026-09-07:2027-01-17 的形式：%s", span)
			}
			body.Calendar = append(body.Calendar, snapshot.TermSpan{Term: parts[0], Start: parts[1], End: parts[2]})
		}
	default:
		if len(pos) > 1 {
			return e.usageError(fs, "多余的参数：%s", strings.Join(pos[1:], " "))
		}
	}
	if err := snapshot.CheckPublicationBody(body, e.now()); err != nil {
		return e.usageError(fs, "%v", err)
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if err := c.CheckPublication(body, e.now()); err != nil {
		return e.usageError(fs, "%v", err)
	}
	pass, err := passphrase()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	p, err := c.Publish(e.ctx, body, snapshot.PublishOptions{Passphrase: pass, Now: e.now()})
	switch {
	case errors.Is(err, snapshot.ErrUnreachable):
		return e.fail(ExitFailed, "发布失败（各组织看不到未写入索引的内容）：%v", err)
	case err != nil:
		return e.fail(ExitUsage, "%v", err)
	}
	e.printf("已发布第%d号：%s", p.Index.Seq, kind.Label())
	if p.Body.TaskID != "" {
		e.printf("（任务编号 %s）", p.Body.TaskID)
	}
	e.printf("。各组织下次同步时核验并接收。\n")
	return ExitOK
}

// taskJSON is one task of `committee tasks --json`.
type taskJSON struct {
	TaskID   string         `json:"task_id"`
	Seq      uint64         `json:"seq"`
	Title    string         `json:"title"`
	Deadline string         `json:"deadline,omitempty"`
	Done     []taskDoneJSON `json:"done"`
	NotDone  []orgJSON      `json:"not_done"`
}

type taskDoneJSON struct {
	OrgID       string    `json:"org_id"`
	OrgName     string    `json:"org_name"`
	DoneAt      time.Time `json:"done_at"`
	Note        string    `json:"note,omitempty"`
	Attachments []string  `json:"attachments,omitempty"`
}

type orgJSON struct {
	OrgID   string `json:"org_id"`
	OrgName string `json:"org_name"`
}

func runCommitteeTasks(e *env, args []string) int {
	fs := e.flags("committee tasks", "")
	dir := fs.String("dir", "", "党委的同步目录")
	merged := fs.String("db", "", "汇总数据库（默认：当前学期的汇总结果）")
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" {
		return e.usageError(fs, "--dir 为必填")
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	path := *merged
	if path == "" {
		if path, err = c.ResultToOpen(); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		if legacy := filepath.Join(c.Dir, snapshot.MergedFile); path == "" && fileExists(legacy) {
			path = legacy
		}
	}
	var store *data.Store
	if path != "" {
		s, code := openReader(e, path, e.now)
		if s == nil {
			return code
		}
		defer s.Close()
		if err := consolidatedOf(e.ctx, c, s, path); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		store = s
	}
	progress, err := c.TaskProgress(e.ctx, store)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *asJSON {
		out := []taskJSON{}
		for _, p := range progress {
			t := taskJSON{TaskID: p.Task.Body.TaskID, Seq: p.Task.Index.Seq, Title: p.Task.Body.Title, Deadline: p.Task.Body.Deadline,
				Done: []taskDoneJSON{}, NotDone: []orgJSON{}}
			for _, d := range p.Done {
				j := taskDoneJSON{OrgID: d.OrgID, OrgName: d.OrgName, DoneAt: d.DoneAt.Time, Note: d.Note}
				for _, a := range d.Attachments {
					j.Attachments = append(j.Attachments, a.Name)
				}
				t.Done = append(t.Done, j)
			}
			for _, o := range p.NotDone {
				t.NotDone = append(t.NotDone, orgJSON(o))
			}
			out = append(out, t)
		}
		return e.writeChannelJSON(out)
	}
	if store == nil {
		e.printf("尚无汇总数据库（先运行 dangjian consolidate），各组织的完成情况要在汇总后才能看到。\n")
	}
	if len(progress) == 0 {
		e.printf("党委尚未发布任务。\n")
	}
	for _, p := range progress {
		e.printf("%s  %s%s：已完成%d个组织，未完成%d个\n", p.Task.Body.TaskID, p.Task.Body.Title, deadlineText(p.Task.Body.Deadline), len(p.Done), len(p.NotDone))
		for _, d := range p.Done {
			e.printf("  已完成  %s（%s）%s\n", d.OrgName, d.DoneAt.Local().Format("2006-01-02 15:04"), noteText(d.Note, len(d.Attachments)))
		}
		for _, o := range p.NotDone {
			e.printf("  未完成  %s\n", o.OrgName)
		}
	}
	return ExitOK
}

func deadlineText(d string) string {
	if d == "" {
		return ""
	}
	return "（截止 " + d + "）"
}

func noteText(note string, files int) string {
	s := ""
	if note != "" {
		s = "  " + note
	}
	if files > 0 {
		s += fmt.Sprintf("  附件%d个", files)
	}
	return s
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// writeChannelJSON prints v as indented JSON (the channel's --json outputs).
func (e *env) writeChannelJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	return ExitOK
}

func runSyncFetch(e *env, args []string) int {
	fs := e.flags("sync fetch", "")
	db := dbFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	res, err := snapshot.Fetch(e.ctx, snapshot.FetchOptions{Store: s})
	for _, o := range res.New {
		e.printf("已接收第%d号：%s%s\n", o.Seq, o.Kind.Label(), titleText(o.Title))
	}
	switch {
	case errors.Is(err, snapshot.ErrChannelRefused):
		return e.fail(ExitRejected, "%v", err)
	case errors.Is(err, snapshot.ErrUnreachable):
		return e.fail(ExitFailed, "%v", err)
	case err != nil:
		return e.fail(ExitUsage, "%v", err)
	case len(res.New) == 0:
		e.printf("党委没有新发布的内容。\n")
	}
	return ExitOK
}

func titleText(t string) string {
	if t == "" {
		return ""
	}
	return "“" + t + "”"
}

// noticeJSON is one notice or task of `sync tasks --json`.
type noticeJSON struct {
	Seq         uint64     `json:"seq"`
	Kind        string     `json:"kind"`
	TaskID      string     `json:"task_id,omitempty"`
	Title       string     `json:"title"`
	Text        string     `json:"text"`
	Deadline    string     `json:"deadline,omitempty"`
	PublishedAt time.Time  `json:"published_at"`
	Done        bool       `json:"done"`
	DoneAt      *time.Time `json:"done_at,omitempty"`
	Note        string     `json:"note,omitempty"`
}

func runSyncTasks(e *env, args []string) int {
	fs := e.flags("sync tasks", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	s, code := openReader(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	notices, err := s.CommitteeNotices(e.ctx)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *asJSON {
		out := []noticeJSON{}
		for _, n := range notices {
			j := noticeJSON{Seq: uint64(n.Seq), Kind: string(n.Kind), TaskID: n.TaskID, Title: n.Title, Text: n.Text,
				Deadline: n.Deadline.String(), PublishedAt: n.PublishedAt.Time, Done: n.Done != nil}
			if n.Done != nil {
				j.DoneAt, j.Note = &n.Done.DoneAt.Time, n.Done.Note
			}
			out = append(out, j)
		}
		return e.writeChannelJSON(out)
	}
	if len(notices) == 0 {
		e.printf("尚未收到党委的通知或任务（同步后自动接收，也可运行 dangjian sync fetch）。\n")
	}
	for _, n := range notices {
		state := "通知"
		if n.IsTask() {
			state = "任务 " + n.TaskID + "：未完成"
			if n.Done != nil {
				state = "任务 " + n.TaskID + "：已完成（" + n.Done.DoneAt.Local().Format("2006-01-02 15:04") + "）"
			}
		}
		e.printf("[%s] %s%s\n", state, n.Title, deadlineText(n.Deadline.String()))
		if n.Text != "" {
			e.printf("    %s\n", n.Text)
		}
	}
	return ExitOK
}

func runSyncDone(e *env, args []string) int {
	fs := e.flags("sync done", "任务编号")
	db := dbFlag(fs)
	note := fs.String("note", "", "完成情况说明")
	attach := fs.String("attach", "", "随附的文件")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usageError(fs, "请给出一个任务编号（dangjian sync tasks 可查看）")
	}
	var content []byte
	if *attach != "" {
		if fi, err := os.Stat(*attach); err == nil && fi.Mode().IsRegular() && fi.Size() > data.MaxBlobSize {
			return e.fail(ExitUsage, "附件过大：%s 大小为%s，附件不能超过%d MB", *attach, data.SizeText(fi.Size()), data.MaxBlobSize>>20)
		}
		b, err := os.ReadFile(*attach)
		if err != nil {
			return e.fail(ExitUsage, "无法读取附件：%s", fileErrText(*attach, err))
		}
		content = b
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	if !flagGiven(fs, "note") {
		// Marked done again to add a file: the note stays.
		kept, err := doneNote(e, s, pos[0])
		if err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		*note = kept
	}
	if _, err := s.MarkTaskDone(e.ctx, pos[0], *note, filepath.Base(*attach), content); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	e.printf("已标记任务 %s 完成，下次同步时报送党委。\n", pos[0])
	return ExitOK
}

// doneNote is the note of the organization's completion of task id, ""
// when it is not done.
func doneNote(e *env, s *data.Store, id string) (string, error) {
	notices, err := s.CommitteeNotices(e.ctx)
	if err != nil {
		return "", err
	}
	for _, n := range notices {
		if n.IsTask() && n.TaskID == strings.TrimSpace(id) && n.Done != nil {
			return n.Done.Note, nil
		}
	}
	return "", nil
}
