package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	snapshot "dangjian/sync"
)

// Bounds of the automatic sync interval, in minutes.
const (
	minSyncMinutes = 5
	maxSyncMinutes = 1440
)

// syncScreen is the 同步 screen: whether the organization is enrolled and
// has keys, the last push and the last error, the buttons to push now,
// take an enrollment, export the public keys and create the keys, the
// automatic sync settings, and the history of pushes.
type syncScreen struct {
	u        *UI
	endpoint *widget.Label
	bucket   *widget.Label
	orgID    *widget.Label
	keyState *widget.Label
	lastOK   *widget.Label
	lastErr  *widget.Label
	next     *widget.Label
	message  *widget.Label
	create   *widget.Button // 生成密钥, shown only without a key file
	buttons  *fyne.Container
	export   *widget.Button
	pushNow  *widget.Button
	auto     *widget.Check
	interval *widget.Entry
	history  []snapshot.PushRecord
	table    *dataTable
	loaded   bool // the settings were filled in once
}

// syncHistoryColumns are the history table's columns.
var syncHistoryColumns = []column{{"时间", 170}, {"结果", 70}, {"序号", 60}, {"大小", 90}, {"用时", 80}, {"错误", 520}}

func newSyncScreen(u *UI) fyne.CanvasObject {
	s := &syncScreen{u: u}
	u.syncView = s
	u.keep("sync", s)
	label := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	s.endpoint, s.bucket, s.orgID, s.keyState = label(), label(), label(), label()
	s.lastOK, s.lastErr, s.next, s.message = label(), label(), label(), label()
	card := widget.NewCard("同步状态", "", widget.NewForm(
		widget.NewFormItem("服务器", s.endpoint), widget.NewFormItem("存储桶", s.bucket),
		widget.NewFormItem("组织编号", s.orgID), widget.NewFormItem("密钥", s.keyState),
		widget.NewFormItem("上次成功", s.lastOK), widget.NewFormItem("上次错误", s.lastErr),
		widget.NewFormItem("下次自动同步", s.next),
	))

	s.pushNow = widget.NewButton("立即同步", s.push)
	s.pushNow.Importance = widget.HighImportance
	join := widget.NewButton("导入登记文件", s.chooseEnrollment)
	s.export = widget.NewButton("导出公钥", s.chooseExport)
	s.create = widget.NewButton("生成密钥", s.createKeys)
	s.create.Hide()
	s.buttons = container.NewHBox(s.pushNow, join, s.export, s.create)

	s.auto = widget.NewCheck("自动同步", nil)
	s.interval = widget.NewEntry()
	s.interval.OnSubmitted = func(string) { s.saveInterval() }
	saveInterval := widget.NewButton("保存间隔", s.saveInterval)
	settings := container.NewHBox(s.auto, widget.NewLabel("间隔（分钟）"),
		container.NewGridWrap(fyne.NewSize(100, s.interval.MinSize().Height), s.interval), saveInterval)

	s.table = newDataTable(u, "sync.history", syncHistoryColumns, func() int { return len(s.history) }, s.cell, rowActions{})
	// The status card and the actions side by side, so that the history
	// keeps room on a 1024×768 screen.
	actions := container.NewVBox(
		s.buttons,
		s.message,
		widget.NewLabelWithStyle("设置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		settings,
	)
	top := container.NewVBox(
		widget.NewLabelWithStyle("同步", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, card, actions),
		widget.NewLabelWithStyle("同步记录", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	u.sync.refresh()
	return container.NewBorder(top, nil, nil, nil, s.table.object())
}

// cell is the text of the history table at row, col.
func (s *syncScreen) cell(row, col int) string {
	r := s.history[row]
	switch col {
	case 0:
		return formatTime(r.At)
	case 1:
		return pushResultText(r.Result)
	case 2:
		if r.Seq == 0 {
			return ""
		}
		return strconv.FormatUint(r.Seq, 10)
	case 3:
		if r.Size == 0 {
			return ""
		}
		return data.SizeText(r.Size)
	case 4:
		return formatDuration(r.Duration)
	}
	return r.Error
}

// show fills the screen from the sync files.
func (s *syncScreen) show(info syncInfo, err error) {
	if err != nil {
		s.message.SetText(err.Error())
		return
	}
	st := info.state
	if e := st.Enrollment; e != nil {
		s.endpoint.SetText(e.Endpoint)
		s.bucket.SetText(e.Bucket)
		s.orgID.SetText(e.OrgID)
	} else {
		s.endpoint.SetText("未加入同步（请导入党委发来的登记文件）")
		s.bucket.SetText("")
		s.orgID.SetText(s.u.store.Org().ID)
	}
	path := snapshot.KeyPath(s.u.store.Path())
	switch {
	case info.keysErr != nil:
		s.keyState.SetText("密钥文件无法使用：" + info.keysErr.Error())
	case !info.hasKeys:
		s.keyState.SetText("尚未生成")
	case s.u.sync.keys != nil:
		s.keyState.SetText("已生成，本次已解锁（" + path + "）")
	default:
		s.keyState.SetText("已生成（" + path + "）")
	}
	if r := st.LastSuccess; r != nil {
		s.lastOK.SetText(fmt.Sprintf("%s 第%d号 %s", formatTime(r.At), r.Seq, data.SizeText(r.Size)))
	} else {
		s.lastOK.SetText("无")
	}
	if st.LastError != "" {
		s.lastErr.SetText(formatTime(st.LastErrorAt) + " " + st.LastError)
	} else {
		s.lastErr.SetText("无")
	}
	s.next.SetText(s.nextText(info))

	if noKeys := !info.hasKeys && info.keysErr == nil; noKeys != s.create.Visible() {
		if noKeys {
			s.create.Show()
		} else {
			s.create.Hide()
		}
		s.buttons.Refresh()
	}
	setEnabled(s.export, info.hasKeys)
	setEnabled(s.pushNow, info.hasKeys && st.Enrollment != nil)

	s.auto.OnChanged = nil
	s.auto.SetChecked(!st.Paused)
	s.auto.OnChanged = s.savePaused
	if !s.loaded {
		s.loaded = true
		s.interval.SetText(strconv.Itoa(int(st.Interval() / time.Minute)))
	}
	s.history = st.History
	s.table.refresh()
}

// nextText says when the next automatic push is due, or why there is none.
func (s *syncScreen) nextText(info syncInfo) string {
	switch {
	case info.state.Enrollment == nil || !info.hasKeys:
		return "—"
	case info.state.Paused:
		return "自动同步已暂停"
	case !s.u.sync.running():
		return "自动同步未开启（密钥未解锁）"
	}
	return formatTime(s.u.sync.nextPush())
}

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// push runs one push now, behind a progress dialog naming its stages.
func (s *syncScreen) push() {
	sess := s.u.sync
	store := sess.store
	sess.unlock(func(keys *snapshot.Keys) {
		if keys == nil {
			s.message.SetText("未输入口令，未同步。")
			return
		}
		var res snapshot.PushResult
		s.u.runJobWithText("正在同步", func(ctx context.Context, v *jobView) error {
			var err error
			res, err = sess.push(ctx, store, keys, func(stage snapshot.Stage) {
				step, n := stage.Step()
				v.stage(float64(step-1)/float64(n), stage.String()+"…")
			})
			return err
		}, func(err error) {
			switch {
			case errors.Is(err, context.Canceled):
				s.message.SetText("已取消同步。")
			case err != nil:
				s.message.SetText("同步失败：" + err.Error())
			case res.Unchanged:
				s.message.SetText(fmt.Sprintf("数据没有变化，无需上传（第%d号）。", res.Seq))
			default:
				s.message.SetText(fmt.Sprintf("已上传第%d号快照（%s，用时%s）。", res.Seq, data.SizeText(res.Size), formatDuration(res.Duration)))
			}
			sess.refresh()
			sess.autoStart()
		})
	})
}

// chooseEnrollment asks for the enrollment file the committee sent.
func (s *syncScreen) chooseEnrollment() {
	s.u.chooseOpen(enrollmentFiles, "选择党委发来的登记文件", func(path string) {
		f, err := os.Open(path)
		if err != nil {
			s.message.SetText("未导入：无法读取登记文件：" + err.Error())
			return
		}
		s.join(f)
	})
}

// join takes the enrollment read from r, which it closes.
func (s *syncScreen) join(r io.ReadCloser) {
	path, orgID := s.u.store.Path(), s.u.store.Org().ID
	async(s.u, func() (snapshot.Enrollment, error) {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
		if err != nil {
			return snapshot.Enrollment{}, fmt.Errorf("无法读取登记文件：%w", err)
		}
		e, err := snapshot.ParseEnrollment(b)
		if err != nil {
			return e, err
		}
		return e, snapshot.Join(path, e, orgID)
	}, func(e snapshot.Enrollment, err error) {
		if err != nil {
			s.message.SetText("未导入：" + err.Error())
			return
		}
		s.message.SetText(fmt.Sprintf("已加入同步：服务器 %s，存储桶 %s。", e.Endpoint, e.Bucket))
		s.u.sync.autoStart()
	})
}

// chooseExport asks where to write the public keys (org-keys.json, the
// name the committee expects), then checks the path before writing.
func (s *syncScreen) chooseExport() {
	s.u.chooseSave(keyFiles, "导出公钥", "org-keys.json", func(path string) {
		s.u.confirmOutput(path, func() { s.exportKeys(path) })
	})
}

// exportKeys writes the public keys (org-keys.json, for the committee's
// enrollment) to out, refusing the program's own files.
func (s *syncScreen) exportKeys(out string) {
	db := s.u.store.Path()
	async(s.u, func() (struct{}, error) {
		pub, err := snapshot.ReadPublicKeys(snapshot.KeyPath(db))
		if err != nil {
			return struct{}{}, err
		}
		b, err := json.MarshalIndent(pub, "", "  ")
		if err != nil {
			return struct{}{}, err
		}
		return struct{}{}, appcore.WriteOutput(out, db, func(w io.Writer) error {
			_, err := w.Write(append(b, '\n'))
			return err
		})
	}, func(_ struct{}, err error) {
		if err != nil {
			s.message.SetText("未导出公钥：" + err.Error())
			return
		}
		s.message.SetText("公钥已导出到 " + out + "，请交党委登记。")
	})
}

// createKeys asks a new passphrase twice and makes the organization's keys.
func (s *syncScreen) createKeys() {
	sess := s.u.sync
	store := s.u.store
	org, path := store.Org(), snapshot.KeyPath(store.Path())
	prompt := fmt.Sprintf("为本组织的同步密钥设置口令（至少%d个字符）。口令无法找回，请妥善保管。", snapshot.MinPassphraseLen)
	askPassphrase(s.u, "生成密钥", prompt, true, func(pass string) (*snapshot.Keys, error) {
		return snapshot.CreateKeys(path, org.ID, org.Name, pass, store.Now())
	}, func(k *snapshot.Keys, ok bool) {
		if !ok {
			return
		}
		sess.setKeys(k, path)
		s.message.SetText("密钥已生成：" + path + "。请导出公钥交党委登记。")
		sess.autoStart()
	})
}

// savePaused turns automatic sync on or off.
func (s *syncScreen) savePaused(on bool) {
	sess := s.u.sync
	s.saveState(func(st *snapshot.State) { st.Paused = !on }, func() {
		if on {
			s.message.SetText("已开启自动同步。")
			sess.declined = false
			sess.autoStart()
			return
		}
		s.message.SetText("已暂停自动同步。")
		sess.stop(sess.refresh)
	})
}

// saveInterval stores the automatic sync interval.
func (s *syncScreen) saveInterval() {
	n, err := strconv.Atoi(strings.TrimSpace(s.interval.Text))
	if err != nil || n < minSyncMinutes || n > maxSyncMinutes {
		s.message.SetText(fmt.Sprintf("间隔应为%d到%d之间的整数（分钟）。", minSyncMinutes, maxSyncMinutes))
		return
	}
	s.saveState(func(st *snapshot.State) { st.IntervalMinutes = n }, func() {
		s.u.sync.minutes.Store(int64(n))
		s.message.SetText(fmt.Sprintf("自动同步间隔已设为%d分钟。", n))
		s.u.sync.refresh()
	})
}

// saveState changes the sync state file off the UI goroutine, then runs
// then.
func (s *syncScreen) saveState(change func(*snapshot.State), then func()) {
	path := snapshot.StatePath(s.u.store.Path())
	async(s.u, func() (snapshot.State, error) {
		return snapshot.UpdateState(path, func(st *snapshot.State) error {
			change(st)
			return nil
		})
	}, func(_ snapshot.State, err error) {
		if err != nil {
			s.message.SetText("设置未保存：" + err.Error())
			return
		}
		then()
	})
}
