package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// publishTitle is the committee's 党委发布 screen in the sidebar.
const publishTitle = "党委发布"

// publishScreen is the committee's 党委发布 screen: what it publishes to
// every organization through its signed channel (a notice, a task with a
// deadline, the year's thresholds, the term calendar), what it published,
// and per task which organizations have done it. Publishing asks the
// committee's passphrase, which unlocks its signing key, and runs off the
// UI goroutine behind a progress dialog.
type publishScreen struct {
	u       *UI
	c       *snapshot.Committee
	backend snapshot.Backend // nil: the committee's server; tests set one
	key     *widget.Label    // the signing key's state
	tabs    *container.AppTabs

	notice, task *noticeForm
	rules        *thresholdsForm
	calendar     *calendarForm
	pubs         *publicationsView
	progress     *taskProgressView

	prefilled bool // the forms took the last publications once
	loads     *loader
}

// publishData is what one load of the screen reads.
type publishData struct {
	pubs     []snapshot.Publication
	progress []snapshot.TaskProgress
	calendar []snapshot.TermSpan // the calendar published last, nil for none
}

func newPublishScreen(u *UI) fyne.CanvasObject {
	s := &publishScreen{u: u, c: u.committee, loads: newLoader(u)}
	u.keep("publish", s)
	s.key = widget.NewLabel("")
	s.key.Wrapping = fyne.TextWrapWord
	s.key.Importance = widget.LowImportance
	s.notice = newNoticeForm(s, data.ChannelNotice)
	s.task = newNoticeForm(s, data.ChannelTask)
	s.rules = newThresholdsForm(s)
	s.calendar = newCalendarForm(s)
	s.pubs = newPublicationsView(u)
	s.progress = newTaskProgressView(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("任务完成情况", s.progress.object()),
		container.NewTabItem("发布通知", s.notice.object()),
		container.NewTabItem("发布任务", s.task.object()),
		container.NewTabItem("考核标准", s.rules.object()),
		container.NewTabItem("学期安排", s.calendar.object()),
		container.NewTabItem("发布记录", s.pubs.object()))
	title := widget.NewLabelWithStyle(publishTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel("发布的内容用党委的密钥签名，各二级党组织在每次同步时接收并核验；发布后不能撤回或修改，可再发布新的。")
	note.Wrapping = fyne.TextWrapWord
	s.showKey()
	s.load()
	return container.NewBorder(container.NewVBox(title, note, s.key), nil, nil, nil, s.tabs)
}

// showKey says whether the committee has its signing key yet.
func (s *publishScreen) showKey() {
	key := s.c.SigningKey()
	if key == "" {
		s.key.SetText("尚未生成签名密钥：首次发布时用党委密钥的口令生成。此前发出的登记文件中没有它，这些组织需导入重新生成的登记文件才能接收。")
		return
	}
	if len(key) > 16 {
		key = key[:16] + "…"
	}
	s.key.SetText("签名公钥：" + key)
}

// load reads what the committee published and each task's progress over
// the consolidated database, off the UI goroutine.
func (s *publishScreen) load() {
	c, store := s.c, s.u.store
	load(s.loads, func(ctx context.Context) (publishData, error) {
		var d publishData
		var err error
		if d.pubs, err = c.Publications(); err != nil {
			return d, err
		}
		if d.progress, err = c.TaskProgress(ctx, store); err != nil {
			return d, err
		}
		d.calendar, err = c.TermCalendar()
		return d, err
	}, func(d publishData, err error) {
		if err != nil {
			s.pubs.fail(err)
			s.progress.fail(err)
			return
		}
		s.pubs.show(d.pubs)
		s.progress.show(d.progress)
		if !s.prefilled {
			s.prefilled = true
			s.rules.prefill(d.pubs, s.u.store.Now().Year())
			s.calendar.prefill(d.calendar, s.u.store.Now())
		}
	})
}

// publish checks body, asks to confirm (what says what is published),
// asks the passphrase, then publishes off the UI goroutine; message tells
// how it went, and published runs after a publication.
func (s *publishScreen) publish(body snapshot.ChannelBody, what string, message *widget.Label, published func()) {
	body.Format = snapshot.ChannelBodyFormat
	if err := s.c.CheckPublication(body, s.u.store.Now()); err != nil {
		showFormMessage(message, notPublished(err), true)
		return
	}
	label := body.Kind.Label()
	confirmAction(s.u.win, "发布"+label, "发布"+what+"？\n各二级党组织在下次同步时收到；发布后不能撤回或修改。", "发布", func() {
		s.withPassphrase(message, func(pass string) {
			s.run(body, pass, label, message, published)
		})
	})
}

// run publishes behind a progress dialog.
func (s *publishScreen) run(body snapshot.ChannelBody, pass, label string, message *widget.Label, published func()) {
	c, backend, now := s.c, s.backend, s.u.store.Now()
	var pub snapshot.Publication
	s.u.runJobWithText("正在发布"+label, func(ctx context.Context, v *jobView) error {
		v.stage(0.3, "正在签名并上传…")
		var err error
		pub, err = c.Publish(ctx, body, snapshot.PublishOptions{Passphrase: pass, Backend: backend, Now: now})
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			showFormMessage(message, "已取消，未发布。", true)
		case err != nil:
			showFormMessage(message, notPublished(err), true)
		default:
			text := fmt.Sprintf("已发布第%d号%s", pub.Index.Seq, label)
			if pub.Body.Kind == data.ChannelTask {
				text += "（任务编号 " + pub.Body.TaskID + "）"
			}
			showFormMessage(message, text+"，各组织下次同步时收到。", false)
			s.u.notify(text)
			if published != nil {
				published()
			}
		}
		s.showKey()
		s.load()
	})
}

// withPassphrase hands done the committee's passphrase once it unlocks
// the committee's key: the environment's when set and right, else asked.
func (s *publishScreen) withPassphrase(message *widget.Label, done func(pass string)) {
	c := s.c
	try := func(pass string) (string, error) {
		_, err := c.Unlock(pass)
		return pass, err
	}
	ask := func(prompt string) {
		askPassphrase(s.u, "解锁党委密钥", prompt, false, try, func(pass string, ok bool) {
			if !ok {
				showFormMessage(message, "未输入口令，未发布。", true)
				return
			}
			done(pass)
		})
	}
	pass := envPassphrase()
	if pass == "" {
		ask("请输入党委密钥的口令，用于给发布的内容签名。")
		return
	}
	async(s.u, func() (string, error) { return try(pass) }, func(pass string, err error) {
		if err == nil {
			done(pass)
			return
		}
		ask("环境变量 " + snapshot.PassphraseEnv + " 中的口令无法解开党委密钥（" + err.Error() + "），请输入口令。")
	})
}

// showFormMessage shows a form's message, red when it is a refusal.
func showFormMessage(l *widget.Label, text string, refused bool) {
	l.Importance = widget.SuccessImportance
	if refused {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}

// notPublished says why a publication did not go out: the refusal as the
// committee's folder words it (无法发布：…), any other failure after 未发布.
func notPublished(err error) string {
	if errors.Is(err, snapshot.ErrNotPublishable) {
		return err.Error()
	}
	return "未发布：" + err.Error()
}
