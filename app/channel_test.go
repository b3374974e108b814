package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// committeeObject is an object of the committee's channel as the
// organization's database keeps it once verified.
func committeeObject(seq int64, kind data.ChannelKind, published time.Time) data.CommitteeObject {
	return data.CommitteeObject{Seq: seq, Kind: kind, PublishedAt: data.Stamp{Time: published},
		IndexSHA256: strings.Repeat("0", 63) + string(rune('0'+seq%10)), Signed: "{}", Body: "{}"}
}

// receive stores objects of the committee's channel in the database.
func receive(t *testing.T, s *data.Store, objs ...data.CommitteeObject) {
	t.Helper()
	if err := s.ReceiveCommitteeObjects(context.Background(), objs); err != nil {
		t.Fatal(err)
	}
}

// noticeAndTask has the organization receive a notice, then a task whose
// deadline passed yesterday.
func noticeAndTask(t *testing.T, s *data.Store) {
	t.Helper()
	now := s.Now()
	n := committeeObject(1, data.ChannelNotice, now.Add(-48*time.Hour))
	n.Title, n.Text = "关于开展主题党日活动的通知", "请各二级党组织于本月内开展。"
	k := committeeObject(2, data.ChannelTask, now.Add(-24*time.Hour))
	k.TaskID, k.Title, k.Text = "T2", "完成民主评议并上报", "请上报评议结果汇总表。"
	k.Deadline = data.DateOf(now.AddDate(0, 0, -1))
	receive(t, s, n, k)
}

// channelOf is the 工作台's card of the committee's notices.
func channelOf(t *testing.T, u *UI) *channelPanel {
	t.Helper()
	p, ok := u.built["channel"].(*channelPanel)
	if !ok {
		t.Fatal("the 工作台 has no card of the committee's notices")
	}
	return p
}

// channelRowTexts are the texts a line of the card shows: kind, title,
// deadline, state (hidden ones left out) and the importance of the
// deadline.
func channelRowTexts(p *channelPanel, id int) ([]string, widget.Importance) {
	row := newChannelRow()
	p.showRow(id, row)
	box := row.(*fyne.Container)
	right := box.Objects[2].(*fyne.Container)
	var out []string
	for _, o := range []fyne.CanvasObject{box.Objects[1], box.Objects[0], right.Objects[0], right.Objects[1], right.Objects[2]} {
		if !o.Visible() {
			continue
		}
		switch w := o.(type) {
		case *hoverText:
			out = append(out, w.Text)
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	}
	return out, right.Objects[0].(*widget.Label).Importance
}

func TestDashboardShowsTheCommitteesNoticesAndTasks(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "工作台")
	q.settle(u)
	if p := channelOf(t, u); p.box.Visible() || len(p.lines) != 0 {
		t.Fatalf("with nothing from the committee the card shows (%d lines)", len(p.lines))
	}

	noticeAndTask(t, u.store)
	openScreen(t, u, "工作台")
	q.settle(u)
	p := channelOf(t, u)
	if !p.box.Visible() || len(p.lines) != 2 {
		t.Fatalf("card visible %v with %d lines, want the task and the notice", p.box.Visible(), len(p.lines))
	}
	task, imp := channelRowTexts(p, 0)
	if strings.Join(task[:2], "|") != "任务|完成民主评议并上报" || !strings.HasPrefix(task[2], "已逾期") ||
		task[3] != "未完成" || task[4] != "标记完成" {
		t.Errorf("the task, newest, shows %q", task)
	}
	if imp != widget.DangerImportance {
		t.Errorf("an overdue task's deadline is not red: %v", imp)
	}
	notice, _ := channelRowTexts(p, 1)
	if strings.Join(notice, "|") != "通知|关于开展主题党日活动的通知" {
		t.Errorf("the notice shows %q", notice)
	}
	if p.checked.Text != "1项任务未完成" {
		t.Errorf("beside the title: %q", p.checked.Text)
	}
}

func TestATaskDueSoonIsHighlighted(t *testing.T) {
	today := time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)
	for _, c := range []struct {
		deadline data.Date
		open     bool
		text     string
		imp      widget.Importance
	}{
		{data.NewDate(2026, 12, 2), true, "已逾期 · 截止 12月2日", widget.DangerImportance},
		{data.NewDate(2026, 12, 3), true, "今天截止", widget.WarningImportance},
		{data.NewDate(2026, 12, 10), true, "还剩7天 · 截止 12月10日", widget.WarningImportance},
		{data.NewDate(2027, 1, 10), true, "截止 2027年1月10日", widget.MediumImportance},
		{data.NewDate(2026, 12, 2), false, "截止 12月2日", widget.MediumImportance}, // done: no longer late
		{data.Date{}, true, "", widget.MediumImportance},
	} {
		text, imp := deadlineText(c.deadline, today, c.open)
		if text != c.text || imp != c.imp {
			t.Errorf("deadline %v open %v: %q %v, want %q %v", c.deadline, c.open, text, imp, c.text, c.imp)
		}
	}
}

func TestMarkingATaskDoneWritesTheCompletionAndUndoTakesItBack(t *testing.T) {
	u, q := newTestUI(t)
	noticeAndTask(t, u.store)
	openScreen(t, u, "工作台")
	q.settle(u)
	u.win.Resize(u.win.Canvas().Size().AddWidthHeight(1, 0)) // lays the card shown out
	mark := findButtonOrNil(u, "标记完成")
	if mark == nil {
		t.Fatal("no 标记完成 on the task's line")
	}
	test.Tap(mark)
	f, ok := u.built["taskDone"].(*taskDoneForm)
	if !ok {
		t.Fatal("标记完成 opened no form")
	}
	test.Type(f.note, "已召开评议大会")
	file := filepath.Join(t.TempDir(), "评议结果.pdf")
	if err := os.WriteFile(file, []byte("%PDF-1.4 评议结果"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.setFile(file) // what the file dialog hands back
	test.Tap(findButtonIn(t, u, "标记完成"))
	q.settle(u)

	ctx := context.Background()
	done := func() *data.TaskDone {
		ns, err := u.store.CommitteeNotices(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return ns[0].Done
	}
	d := done()
	if d == nil || d.Note != "已召开评议大会" {
		t.Fatalf("completion %+v, want the note", d)
	}
	files, err := u.store.AttachmentsOf(ctx, data.TaskDoneTable, d.ID)
	if err != nil || len(files) != 1 || files[0].Name != "评议结果.pdf" {
		t.Fatalf("files of the completion %v (%v)", files, err)
	}
	if got := u.noticeText(); !strings.Contains(got, "已标记完成") {
		t.Errorf("status bar says %q", got)
	}
	if state, _ := channelRowTexts(channelOf(t, u), 0); state[len(state)-1] != "已完成" {
		t.Errorf("the task's line after marking: %q", state)
	}

	if !u.tapUndo() {
		t.Fatal("no 撤销 after marking")
	}
	q.settle(u)
	if d := done(); d != nil {
		t.Errorf("撤销 left the completion %+v", d)
	}
	if state, _ := channelRowTexts(channelOf(t, u), 0); state[len(state)-2] != "未完成" {
		t.Errorf("the task's line after 撤销: %q", state)
	}
}

func TestDashboardTellsARefusalOfTheCommitteesObjects(t *testing.T) {
	u, q := newTestUI(t)
	refusal := snapshot.ErrChannelRefused.Error() + "(第3号:签名无效);已收到的内容继续有效"
	if _, err := snapshot.UpdateState(snapshot.StatePath(u.store.Path()), func(s *snapshot.State) error {
		s.ChannelCheckedAt, s.ChannelError = time.Now(), refusal
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "工作台")
	q.settle(u)
	p := channelOf(t, u)
	if !p.box.Visible() || len(p.lines) != 1 {
		t.Fatalf("card visible %v with %d lines, want the refusal", p.box.Visible(), len(p.lines))
	}
	if got, _ := channelRowTexts(p, 0); strings.Join(got, "|") != "拒收|"+refusal {
		t.Errorf("the refusal shows as %q", got)
	}
	line := syncLineText(syncInfo{hasKeys: true, state: snapshot.State{Enrollment: &snapshot.Enrollment{},
		ChannelError: refusal}}, true, time.Time{})
	if !strings.HasSuffix(line, "；党委发布的内容有被拒收的") {
		t.Errorf("status line %q does not tell the refusal", line)
	}
}

func TestSettingsMarkWhatTheCommitteeSet(t *testing.T) {
	u, q := newTestUI(t)
	o := committeeObject(1, data.ChannelThresholds, time.Now())
	o.Thresholds = data.ThresholdsText(map[string]string{"train.hours": "40", "train.self_study": "true"})
	receive(t, u.store, o)
	openScreen(t, u, "设置")
	q.settle(u)
	r := u.settings.rules
	if e := r.entries["train.hours"]; e.Text != "40" || !e.Disabled() || !r.badges["train.hours"].Visible() {
		t.Errorf("train.hours shows %q, disabled %v, marked %v", e.Text, e.Disabled(), r.badges["train.hours"].Visible())
	}
	if c := r.yesNo["train.self_study"]; c.Selected != yes || !c.Disabled() || !r.badges["train.self_study"].Visible() {
		t.Errorf("个人自学 shows %q, disabled %v", c.Selected, c.Disabled())
	}
	if r.badges["train.hours"].Text != "由党委设定" || !r.lockNote.Visible() {
		t.Errorf("mark %q, note shown %v", r.badges["train.hours"].Text, r.lockNote.Visible())
	}
	if e := r.entries["eval.pass_score"]; e.Disabled() || r.badges["eval.pass_score"].Visible() {
		t.Error("a setting the committee did not set is locked")
	}
	// The rest still saves; the committee's values stay.
	r.entries["eval.pass_score"].SetText("70")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	set, err := u.store.RuleSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v := set.Values(); v["eval.pass_score"] != "70" || v["train.hours"] != "40" {
		t.Errorf("saved %q %q; message %q", v["eval.pass_score"], v["train.hours"], u.settings.message.Text)
	}
}

func TestTheCommitteesNoticesFitA1024x768Screen(t *testing.T) {
	u, q := demoUI(t, 300, smallScreen)
	noticeAndTask(t, u.store)
	more := committeeObject(3, data.ChannelNotice, time.Now())
	more.Title = "关于做好年度党员统计工作的通知,请各二级党组织认真核对党员信息并于规定时间内报送统计表"
	receive(t, u.store, more)
	if _, err := snapshot.UpdateState(snapshot.StatePath(u.store.Path()), func(s *snapshot.State) error {
		s.ChannelError = snapshot.ErrNoCommitteeKey.Error()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "工作台")
	q.settle(u)
	if p := channelOf(t, u); len(p.lines) != 4 {
		t.Fatalf("%d lines, want the refusal and three", len(p.lines))
	}
	room := u.content.Size()
	if min := u.shown.MinSize(); min.Width > room.Width || min.Height > room.Height {
		t.Errorf("工作台 with the committee's notices needs %.0f×%.0f, more than the %.0f×%.0f of a 1024×768 screen",
			min.Width, min.Height, room.Width, room.Height)
	}
}

func TestADoneTaskOpensWithItsNoteAndFile(t *testing.T) {
	u, q := newTestUI(t)
	noticeAndTask(t, u.store)
	if _, err := u.store.MarkTaskDone(context.Background(), "T2", "已召开评议大会", "评议结果.pdf", []byte("%PDF-1.4")); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "工作台")
	q.settle(u)
	p := channelOf(t, u)
	p.list.OnSelected(0)
	q.settle(u)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the task's line opened nothing")
	}
	var texts []string
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	})
	all := strings.Join(texts, "|")
	for _, want := range []string{"完成民主评议并上报", "请上报评议结果汇总表。", "标记完成：已召开评议大会", "评议结果.pdf"} {
		if !strings.Contains(all, want) {
			t.Errorf("the task's dialog does not show %q: %s", want, all)
		}
	}
	if findButtonAmong(t, []fyne.CanvasObject{top}, "打开") == nil {
		t.Error("the completion's file cannot be opened")
	}
}
