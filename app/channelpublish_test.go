package app

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"filippo.io/age"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// publishPass is the committee's passphrase in these tests.
const publishPass = "党委汇总口令-2026"

// channelWorld is a committee folder whose bucket is in memory, with the
// organizations enrolled in it and their own databases.
type channelWorld struct {
	dir  string
	c    *snapshot.Committee
	mem  *snapshot.MemoryBackend
	orgs []*data.Store
	// enrolled are the organizations' enrollments, made before the
	// committee's first publication made its signing key.
	enrolled []snapshot.Enrollment
}

// newChannelWorld makes the committee's folder and enrolls an
// organization of each name, each with its own database that takes the
// committee's channel from the bucket.
func newChannelWorld(t *testing.T, names ...string) *channelWorld {
	t.Helper()
	ctx := context.Background()
	dir, stray := committeeFolder(t, publishPass)
	if err := os.RemoveAll(filepath.Join(dir, "orgs", stray)); err != nil {
		t.Fatal(err)
	}
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := &channelWorld{dir: dir, c: c, mem: snapshot.NewMemoryBackend()}
	for i, name := range names {
		s, err := data.Create(ctx, filepath.Join(t.TempDir(), "own.db"), name, "O"+strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		w.orgs = append(w.orgs, s)
		id, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		sign, _, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		e, err := c.Enroll(snapshot.PublicKeys{OrgID: s.Org().ID, OrgName: name, AgeRecipient: id.Recipient().String(),
			SigningKey: base64.StdEncoding.EncodeToString(sign)}, "org-"+strconv.Itoa(i), "org-secret", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		w.enrolled = append(w.enrolled, e)
	}
	return w
}

// fetch has every organization take the committee's channel, as its
// next sync does.
func (w *channelWorld) fetch(t *testing.T) {
	t.Helper()
	for i, s := range w.orgs {
		e := w.enrolled[i]
		e.CommitteeSigningKey = w.c.SigningKey() // as a new enrollment file gives it
		if _, err := snapshot.UpdateState(snapshot.StatePath(s.Path()), func(st *snapshot.State) error {
			st.Enrollment = &e
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := snapshot.Fetch(context.Background(), snapshot.FetchOptions{Store: s, Backend: w.mem}); err != nil {
			t.Fatal(err)
		}
	}
}

// consolidate merges the organizations' snapshots into the committee's
// consolidated database and opens the committee's window on it.
func (w *channelWorld) consolidate(t *testing.T, size fyne.Size) (*UI, *uiQueue) {
	t.Helper()
	ctx := context.Background()
	var snaps []string
	for _, s := range w.orgs {
		snap := filepath.Join(t.TempDir(), "org.snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, snap)
	}
	if err := data.Merge(ctx, filepath.Join(w.dir, snapshot.MergedFile), snaps); err != nil {
		t.Fatal(err)
	}
	return w.window(t, size)
}

// window opens the committee's window on its consolidated database.
func (w *channelWorld) window(t *testing.T, size fyne.Size) (*UI, *uiQueue) {
	t.Helper()
	store, err := openMerged(context.Background(), w.dir)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	win := a.NewWindow("test")
	win.Resize(size)
	q := &uiQueue{}
	u := newCommitteeUI(a, win, w.c, store, q.post)
	t.Cleanup(func() { u.store.Close() })
	q.settle(u)
	return u, q
}

// publishOf opens the 党委发布 screen.
func publishOf(t *testing.T, u *UI, q *uiQueue) *publishScreen {
	t.Helper()
	openScreen(t, u, publishTitle)
	q.settle(u)
	s, ok := u.built["publish"].(*publishScreen)
	if !ok {
		t.Fatal("no 党委发布 screen")
	}
	return s
}

// doneTask publishes a task, has both organizations take it and the
// first mark it done with a note and a file.
func doneTask(t *testing.T, w *channelWorld) {
	t.Helper()
	ctx := context.Background()
	if _, err := w.c.Publish(ctx, snapshot.ChannelBody{Kind: data.ChannelTask, TaskID: "T-EVAL",
		Title: "1月10日前完成民主评议并上报", Text: "请上报评议结果汇总表。", Deadline: "2027-01-10"},
		snapshot.PublishOptions{Passphrase: publishPass, Backend: w.mem, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	w.fetch(t)
	if _, err := w.orgs[0].MarkTaskDone(ctx, "T-EVAL", "已召开评议大会", "评议结果.pdf", []byte("%PDF-1.4")); err != nil {
		t.Fatal(err)
	}
}

func TestCommitteeSeesWhichOrganizationsDidATask(t *testing.T) {
	w := newChannelWorld(t, "甲学院党委", "乙学院党委")
	doneTask(t, w)
	u, q := w.consolidate(t, fyne.NewSize(1200, 800))
	s := publishOf(t, u, q)

	v := s.progress
	if len(v.tasks) != 1 || v.tasks[0].Task.Body.TaskID != "T-EVAL" {
		t.Fatalf("tasks listed: %d", len(v.tasks))
	}
	var rows []string
	for row := range v.rows {
		var cells []string
		for col := range progressColumns {
			cells = append(cells, v.cell(row, col))
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	want := []string{"甲学院党委|已完成|(完成时间)|已召开评议大会|评议结果.pdf", "乙学院党委|未完成|||"}
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "甲学院党委|已完成|2") || !strings.HasSuffix(rows[0], "|已召开评议大会|评议结果.pdf") ||
		rows[1] != want[1] {
		t.Errorf("the task's organizations:\n%s\nwant like\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(v.head.Text, "已完成 1 个组织，未完成 1 个") {
		t.Errorf("the task's heading: %q", v.head.Text)
	}
	if len(s.pubs.pubs) != 1 || s.pubs.cell(0, 1) != "任务" || !strings.Contains(s.pubs.cell(0, 3), "T-EVAL") ||
		s.pubs.cell(0, 4) != "2027-01-10" {
		t.Errorf("publications listed: %d, first %q %q", len(s.pubs.pubs), s.pubs.cell(0, 1), s.pubs.cell(0, 3))
	}
}

// answerPassphrase types the passphrase into the dialog asking it.
func answerPassphrase(t *testing.T, u *UI, q *uiQueue, pass string) {
	t.Helper()
	q.settle(u)
	d := passphraseOpen(t, u)
	test.Type(d.entry, pass)
	test.Tap(d.ok)
	q.settle(u)
}

func TestCommitteePublishesFromItsScreen(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	w := newChannelWorld(t, "甲学院党委")
	u, q := w.window(t, fyne.NewSize(1200, 800))
	s := publishOf(t, u, q)
	s.backend = w.mem

	// A deadline already past (a mistyped year) is refused as the command
	// line refuses it, before anything is confirmed or the passphrase asked.
	test.Type(s.notice.title, "关于开展主题党日活动的通知")
	test.Type(s.notice.deadline, "2020-01-01")
	test.Tap(s.notice.send)
	if got := s.notice.message.Text; got != "无法发布：截止日期2020-01-01已经过去" {
		t.Fatalf("a past deadline: %q", got)
	}
	if pubs, err := w.c.Publications(); err != nil || len(pubs) != 0 {
		t.Fatalf("a notice with a past deadline was published: %v %v", pubs, err)
	}
	s.notice.title.SetText("")
	s.notice.deadline.SetText("")

	// A notice: typed, confirmed, signed with the passphrase asked.
	test.Type(s.notice.title, "关于开展主题党日活动的通知")
	test.Type(s.notice.text, "请各二级党组织于本月内开展。")
	test.Type(s.notice.deadline, "2027年1月10日")
	test.Tap(s.notice.send)
	test.Tap(findButtonIn(t, u, "发布"))
	answerPassphrase(t, u, q, publishPass)
	if !strings.HasPrefix(s.notice.message.Text, "已发布第1号通知") || s.notice.title.Text != "" {
		t.Fatalf("after publishing: %q, title left %q", s.notice.message.Text, s.notice.title.Text)
	}

	// Thresholds: only the settings checked go out.
	for k, c := range s.rules.rules.picks {
		c.SetChecked(k == "train.hours")
	}
	s.rules.rules.entries["train.hours"].SetText("40")
	s.rules.year.SetText("2027")
	test.Tap(s.rules.send)
	test.Tap(findButtonIn(t, u, "发布"))
	answerPassphrase(t, u, q, publishPass)

	pubs, err := w.c.Publications()
	if err != nil {
		t.Fatal(err)
	}
	if len(pubs) != 2 {
		t.Fatalf("%d publications, want the notice and the thresholds (message %q)", len(pubs), s.rules.message.Text)
	}
	if b := pubs[0].Body; b.Kind != data.ChannelNotice || b.Title != "关于开展主题党日活动的通知" || b.Deadline != "2027-01-10" {
		t.Errorf("first publication %+v", b)
	}
	if b := pubs[1].Body; b.Kind != data.ChannelThresholds || b.Year != 2027 || len(b.Thresholds) != 1 || b.Thresholds["train.hours"] != "40" {
		t.Errorf("second publication %+v", b)
	}
	if keys, err := w.mem.List(context.Background(), "committee/channel/index/"); err != nil || len(keys) != 2 {
		t.Errorf("bucket holds %v (%v), want two signed indexes", keys, err)
	}
	if len(s.pubs.pubs) != 2 || s.pubs.cell(0, 3) != "2027年度考核标准（1项）" {
		t.Errorf("publications listed: %d, newest %q", len(s.pubs.pubs), s.pubs.cell(0, 3))
	}

	// A task without a title is refused before the passphrase is asked.
	test.Tap(s.task.send)
	if !strings.Contains(s.task.message.Text, "缺少标题") {
		t.Errorf("task without a title: %q", s.task.message.Text)
	}
	// A task numbered by its publication, and the calendar as prefilled.
	test.Type(s.task.title, "1月10日前完成民主评议并上报")
	test.Type(s.task.deadline, "2027/1/10")
	test.Tap(s.task.send)
	test.Tap(findButtonIn(t, u, "发布"))
	answerPassphrase(t, u, q, publishPass)
	if !strings.Contains(s.task.message.Text, "任务编号 T3") {
		t.Errorf("task published: %q", s.task.message.Text)
	}
	if len(s.calendar.rows) != 2 {
		t.Fatalf("calendar prefilled with %d terms, want this term and the next", len(s.calendar.rows))
	}
	test.Tap(s.calendar.send)
	test.Tap(findButtonIn(t, u, "发布"))
	answerPassphrase(t, u, q, publishPass)
	pubs, err = w.c.Publications()
	if err != nil {
		t.Fatal(err)
	}
	if len(pubs) != 4 || pubs[2].Body.TaskID != "T3" || pubs[2].Body.Deadline != "2027-01-10" ||
		pubs[3].Body.Kind != data.ChannelCalendar || len(pubs[3].Body.Calendar) != 2 {
		t.Fatalf("%d publications; calendar message %q", len(pubs), s.calendar.message.Text)
	}
	if cal, err := w.c.TermCalendar(); err != nil || len(cal) != 2 {
		t.Errorf("the committee's calendar %v (%v)", cal, err)
	}
	if len(s.progress.tasks) != 1 || len(s.progress.rows) != 1 || s.progress.cell(0, 1) != "未完成" {
		t.Errorf("the new task's progress: %d tasks, %d organizations", len(s.progress.tasks), len(s.progress.rows))
	}
}

func TestPublishScreenFitsA1024x768Screen(t *testing.T) {
	w := newChannelWorld(t, "甲学院党委", "乙学院党委")
	doneTask(t, w)
	u, q := w.consolidate(t, smallScreen)
	s := publishOf(t, u, q)
	room := u.content.Size()
	for i, tab := range s.tabs.Items {
		s.tabs.SelectIndex(i)
		if min := u.shown.MinSize(); min.Width > room.Width || min.Height > room.Height {
			t.Errorf("党委发布 on %s needs %.0f×%.0f, more than the %.0f×%.0f of a 1024×768 screen",
				tab.Text, min.Width, min.Height, room.Width, room.Height)
		}
	}
}
