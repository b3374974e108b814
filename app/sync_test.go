package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/google/uuid"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// unreachable is a server address where nothing listens.
const unreachable = "http://127.0.0.1:1"

// newTestUIFor is newTestUI over an existing store, in a window of its own.
func newTestUIFor(t *testing.T, store *data.Store) (*UI, *uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(w.Canvas().Size().AddWidthHeight(1200, 800))
	q := &uiQueue{}
	u := newUI(a, w, store, q.post)
	q.settle(u)
	t.Cleanup(func() {
		u.sync.stop(nil)
		q.settle(u)
	})
	return u, q
}

// passphraseOpen returns the passphrase dialog last opened.
func passphraseOpen(t *testing.T, u *UI) *passphraseDialog {
	t.Helper()
	d, ok := u.built["passphrase"].(*passphraseDialog)
	if !ok {
		t.Fatal("no passphrase dialog opened")
	}
	return d
}

// writeEnrollment writes an enrollment for orgID to a file.
func writeEnrollment(t *testing.T, orgID string) string {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	e := snapshot.Enrollment{Format: "dangjian-enrollment/1", Endpoint: unreachable, Bucket: "dangjian",
		AccessKey: "org-access", SecretKey: "org-secret-key", CommitteeRecipient: id.Recipient().String(),
		OrgID: orgID, OrgName: "测试学院党委"}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "enrollment.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// openFile opens a file for the screen to read.
func openFile(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSyncScreenCreatesKeysJoinsAndPushes(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	store := testStore(t)
	u, q := newTestUIFor(t, store)
	if u.syncLine.Text != "未加入同步" {
		t.Fatalf("status line %q", u.syncLine.Text)
	}
	openScreen(t, u, "同步")
	q.settle(u)
	s := u.syncView
	create := findButton(t, u, "生成密钥")
	if !create.Visible() || !s.pushNow.Disabled() || !s.export.Disabled() {
		t.Fatal("without keys, 生成密钥 must show and 立即同步, 导出公钥 be off")
	}

	// Keys, with a typed passphrase.
	test.Tap(create)
	d := passphraseOpen(t, u)
	d.entry.SetText("短口令")
	d.again.SetText("短口令")
	test.Tap(d.ok)
	if !strings.Contains(d.note.Text, "太短") {
		t.Fatalf("a short passphrase: %q", d.note.Text)
	}
	const pass = "测试口令-correct-horse"
	d.entry.SetText(pass)
	d.again.SetText(pass + "x")
	test.Tap(d.ok)
	if !strings.Contains(d.note.Text, "不一致") {
		t.Fatalf("two different passphrases: %q", d.note.Text)
	}
	d.again.SetText(pass)
	test.Tap(d.ok)
	q.settle(u)
	keyPath := snapshot.KeyPath(store.Path())
	pub, err := snapshot.ReadPublicKeys(keyPath)
	if err != nil || pub.OrgID != store.Org().ID {
		t.Fatalf("key file: %v (%+v); message %q", err, pub, s.message.Text)
	}
	if create.Visible() || s.export.Disabled() || !strings.Contains(s.keyState.Text, "已解锁") {
		t.Fatalf("after creating the keys: 生成密钥 visible %v, key state %q", create.Visible(), s.keyState.Text)
	}
	if u.syncLine.Text != "未加入同步" {
		t.Fatalf("status line %q", u.syncLine.Text)
	}

	// The public keys, for the committee.
	keyFile := snapshot.KeyPath(u.store.Path())
	secret, _ := os.ReadFile(keyFile)
	s.exportKeys(keyFile)
	q.settle(u)
	if kept, _ := os.ReadFile(keyFile); !bytes.Equal(kept, secret) || !strings.Contains(s.message.Text, "不能写入") {
		t.Fatalf("exporting onto the key file: message %q", s.message.Text)
	}
	out := filepath.Join(t.TempDir(), "org-keys.json")
	s.exportKeys(out)
	q.settle(u)
	b, _ := os.ReadFile(out)
	if got, err := snapshot.ParsePublicKeys(b); err != nil || got != pub || !strings.Contains(string(b), "\n  \"org_id\"") {
		t.Fatalf("exported keys: %v\n%s", err, b)
	}

	// An enrollment for another organization is refused, ours is taken.
	s.join(openFile(t, writeEnrollment(t, uuid.NewString())))
	q.settle(u)
	if !strings.Contains(s.message.Text, "另一个组织") || s.endpoint.Text == unreachable {
		t.Fatalf("another organization's enrollment: %q", s.message.Text)
	}
	s.join(openFile(t, writeEnrollment(t, store.Org().ID)))
	q.settle(u)
	if s.endpoint.Text != unreachable || s.bucket.Text != "dangjian" || s.pushNow.Disabled() {
		t.Fatalf("after joining: server %q, message %q", s.endpoint.Text, s.message.Text)
	}
	if !u.sync.running() || !strings.Contains(u.syncLine.Text, "尚未上传") {
		t.Fatalf("automatic sync should run once enrolled with unlocked keys: %q", u.syncLine.Text)
	}

	// A push to a server that cannot be reached fails, and says so.
	test.Tap(findButton(t, u, "立即同步"))
	q.settle(u)
	if len(s.history) != 1 || s.cell(0, 1) != "失败" || !strings.Contains(s.cell(0, 5), "无法连接同步服务器") {
		t.Fatalf("history after a failed push: %+v", s.history)
	}
	if !strings.Contains(s.message.Text, "同步失败") || !strings.Contains(s.lastErr.Text, "无法连接同步服务器") {
		t.Fatalf("message %q, last error %q", s.message.Text, s.lastErr.Text)
	}
	if !strings.HasPrefix(u.syncLine.Text, "同步失败：无法连接同步服务器，将于 ") {
		t.Fatalf("status line %q", u.syncLine.Text)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a dialog stayed open after the push")
	}
	openScreen(t, u, "党员")
	q.settle(u)
	if len(u.members.shown) != 3 {
		t.Fatalf("the window is not usable after the failed push: %d members", len(u.members.shown))
	}

	// Closing the window pushes one last time behind a small dialog, then
	// closes even though the server cannot be reached.
	closed := false
	u.win.SetOnClosed(func() { closed = true })
	u.sync.closeWindow()
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelText(top), "最长等待1分钟") {
		t.Fatal("no 正在同步 dialog while closing")
	}
	q.settle(u)
	if st, _ := snapshot.LoadState(snapshot.StatePath(store.Path())); !closed || u.sync.running() || len(st.History) != 2 {
		t.Fatalf("closing: closed %v, running %v, %d pushes recorded", closed, u.sync.running(), len(st.History))
	}

	// Another run asks the passphrase at start when the environment's is
	// wrong, and unlocks with the one typed.
	t.Setenv(snapshot.PassphraseEnv, "not the passphrase")
	u2, q2 := newTestUIFor(t, store)
	d = passphraseOpen(t, u2)
	if d.again != nil || !strings.Contains(d.note.Text, snapshot.PassphraseEnv) || u2.sync.running() {
		t.Fatalf("the environment's wrong passphrase: %q", d.note.Text)
	}
	d.entry.SetText(pass)
	test.Tap(d.ok)
	q2.settle(u2)
	if !u2.sync.running() || u2.sync.keys == nil || u2.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the right passphrase did not start automatic sync: %q", d.note.Text)
	}
	if !strings.HasPrefix(u2.syncLine.Text, "同步失败：") {
		t.Fatalf("status line of the second run %q", u2.syncLine.Text)
	}

	// Cancelling (Esc) leaves automatic sync off, without asking again.
	t.Setenv(snapshot.PassphraseEnv, "")
	u3, q3 := newTestUIFor(t, store)
	passphraseOpen(t, u3)
	u3.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	q3.settle(u3)
	if u3.sync.running() || !u3.sync.declined || u3.win.Canvas().Overlays().Top() != nil {
		t.Fatal("cancelling the passphrase should leave automatic sync off")
	}
	u3.sync.autoStart()
	q3.settle(u3)
	if u3.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the passphrase was asked twice in a session")
	}
}

func TestSyncSettingsPersist(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	u, q := newTestUI(t)
	openScreen(t, u, "同步")
	q.settle(u)
	s := u.syncView
	if s.interval.Text != "30" || !s.auto.Checked {
		t.Fatalf("defaults: interval %q, 自动同步 %v", s.interval.Text, s.auto.Checked)
	}
	for _, bad := range []string{"4", "1441", "半小时"} {
		s.interval.SetText(bad)
		test.Tap(findButton(t, u, "保存间隔"))
		q.settle(u)
		if !strings.Contains(s.message.Text, "间隔应为5到1440") {
			t.Fatalf("interval %q: %q", bad, s.message.Text)
		}
	}
	s.interval.SetText("45")
	test.Tap(findButton(t, u, "保存间隔"))
	q.settle(u)
	path := snapshot.StatePath(u.store.Path())
	st, err := snapshot.LoadState(path)
	if err != nil || st.IntervalMinutes != 45 || u.sync.interval() != 45*time.Minute {
		t.Fatalf("interval stored %d (%v), scheduler's %v", st.IntervalMinutes, err, u.sync.interval())
	}
	test.TapAt(s.auto, fyne.NewPos(5, s.auto.Size().Height/2))
	q.settle(u)
	if st, _ := snapshot.LoadState(path); !st.Paused || st.IntervalMinutes != 45 {
		t.Fatalf("自动同步 off: %+v", st)
	}
	test.TapAt(s.auto, fyne.NewPos(5, s.auto.Size().Height/2))
	q.settle(u)
	if st, _ := snapshot.LoadState(path); st.Paused {
		t.Fatal("自动同步 back on is not stored")
	}
}

func TestSyncLineText(t *testing.T) {
	at := time.Date(2026, 11, 26, 14, 30, 0, 0, time.Local)
	enrolled := &snapshot.Enrollment{Endpoint: unreachable}
	cases := []struct {
		info    syncInfo
		running bool
		want    string
	}{
		{syncInfo{}, false, "未加入同步"},
		{syncInfo{state: snapshot.State{Enrollment: enrolled}}, false, "同步：尚未生成密钥"},
		{syncInfo{hasKeys: true, state: snapshot.State{Enrollment: enrolled,
			LastSuccess: &snapshot.PushRecord{At: at, Seq: 12}}}, true, "同步：上次成功 11-26 14:30 第12号"},
		{syncInfo{hasKeys: true, state: snapshot.State{Enrollment: enrolled, Paused: true,
			LastSuccess: &snapshot.PushRecord{At: at, Seq: 12}}}, false, "同步：上次成功 11-26 14:30 第12号（自动同步已暂停）"},
		{syncInfo{hasKeys: true, state: snapshot.State{Enrollment: enrolled,
			LastError: snapshot.ErrUnreachable.Error() + ": dial tcp: connection refused"}}, true, "同步失败：无法连接同步服务器，将于 14:41 重试"},
	}
	for _, c := range cases {
		if got := syncLineText(c.info, c.running, at.Add(11*time.Minute)); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

// committeeFolder writes a committee folder without a server: its config
// and key (with a cheap passphrase work factor), and one enrolled
// organization. It returns the folder and the organization's id.
func committeeFolder(t *testing.T, pass string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.NewScryptRecipient(pass)
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(10)
	var key strings.Builder
	aw := armor.NewWriter(&key)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(id.String()))
	w.Close()
	aw.Close()
	writeJSON := func(path string, v any) {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "committee.key"), []byte(key.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	writeJSON(filepath.Join(dir, "committee.json"), snapshot.CommitteeConfig{Format: "dangjian-committee/1",
		Endpoint: unreachable, Bucket: "dangjian", AccessKey: "committee", SecretKey: "committee-secret",
		AgeRecipient: id.Recipient().String(), CreatedAt: time.Now().UTC().Truncate(time.Second)})

	orgID := uuid.NewString()
	orgKey, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	sign, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	writeJSON(filepath.Join(dir, "orgs", orgID, "org.json"), snapshot.EnrolledOrg{
		Public: snapshot.PublicKeys{OrgID: orgID, OrgName: "计算机学院党委", AgeRecipient: orgKey.Recipient().String(),
			SigningKey: base64.StdEncoding.EncodeToString(sign)},
		AccessKey: "org-access", EnrolledAt: time.Now().UTC().Truncate(time.Second)})
	return dir, orgID
}

func TestCommitteeModeListsOrgsAndConsolidates(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	const pass = "党委汇总口令-2026"
	dir, _ := committeeFolder(t, pass)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(w.Canvas().Size().AddWidthHeight(1200, 800))

	if openCommitteeWindow(a, w, t.TempDir()) != nil {
		t.Fatal("a folder without committee.json opened")
	}
	if text := labelText(w.Content()); !strings.Contains(text, "不是党委的同步目录") {
		t.Fatalf("the window says %q", text)
	}

	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openMerged(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	u := newCommitteeUI(a, w, c, store, q.post)
	t.Cleanup(func() { u.store.Close() })
	q.settle(u)
	if w.Title() != "党员教育管理 — 党委汇总" || u.screens[0].title != "全校概览" {
		t.Fatalf("title %q, first screen %q", w.Title(), u.screens[0].title)
	}
	openScreen(t, u, "各组织")
	q.settle(u)
	for _, sc := range u.screens {
		if sc.title == "同步" {
			t.Fatal("committee mode lists 同步")
		}
	}
	s := u.built["orgs"].(*orgsScreen)
	if len(s.orgs) != 1 || s.cell(0, 0) != "计算机学院党委" || s.cell(0, 1) != "—" || s.cell(0, 3) != "未汇总" {
		t.Fatalf("各组织 lists %d organizations", len(s.orgs))
	}

	// 汇总 asks the committee's passphrase, again after a wrong one; the
	// server cannot be reached, so the organization is refused.
	test.Tap(findButton(t, u, "汇总"))
	d := passphraseOpen(t, u)
	d.entry.SetText("wrong passphrase")
	test.Tap(d.ok)
	q.settle(u)
	if d.note.Text != "口令不正确" {
		t.Fatalf("a wrong passphrase: %q", d.note.Text)
	}
	d.entry.SetText(pass)
	test.Tap(d.ok)
	q.settle(u)
	if u.store == store {
		t.Fatalf("the window did not reopen the consolidated database: %q", s.message.Text)
	}
	s = u.built["orgs"].(*orgsScreen)
	report := strings.Join(s.lines, "\n")
	if !strings.Contains(report, "计算机学院党委：已拒绝") || !strings.Contains(report, "【无快照】计算机学院党委") {
		t.Fatalf("report:\n%s", report)
	}
	if len(s.orgs) != 1 || s.cell(0, 3) != "已拒绝" || !strings.Contains(s.cell(0, 4), "无法读取服务器") {
		t.Fatalf("after 汇总: %q %q", s.cell(0, 3), s.cell(0, 4))
	}
	if _, err := os.Stat(filepath.Join(dir, "merged-new.db")); !os.IsNotExist(err) {
		t.Fatal("the database built was left beside merged.db")
	}

	// The usual screens work over the consolidated database.
	for _, title := range []string{"工作台", "党员", "报表", "设置"} {
		openScreen(t, u, title)
		q.settle(u)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a screen over the consolidated database opened a dialog")
	}
	if text := labelText(u.content); strings.Contains(text, "本组织") || !strings.Contains(text, "规则设置") {
		t.Fatalf("设置 in committee mode shows %q", text)
	}
}

// labelText joins the text of the visible labels under o.
func labelText(o fyne.CanvasObject) string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(texts, "\n")
}
