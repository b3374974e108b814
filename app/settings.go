package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// settingsScreen is the 设置 screen: the rules' settings, where the data
// lives, and backup and restore.
type settingsScreen struct {
	u          *UI
	orgName    *widget.Entry
	orgCode    *widget.Entry
	rules      *ruleSettings
	thresholds map[string]*widget.Entry // the rules' settings, by key
	dev        *devSettings             // the version of the rules of 发展党员
	message    *widget.Label
	backupTo   *widget.Entry
	restoreOf  *widget.Entry
}

func newSettingsScreen(u *UI) fyne.CanvasObject {
	s := &settingsScreen{u: u}
	u.settings = s
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.rules = newRuleSettings(u, s.message)
	s.thresholds = s.rules.entries
	s.rules.load()
	s.dev = newDevSettings(u, s)
	save := widget.NewButton("保存规则设置", s.rules.save)
	save.Importance = widget.HighImportance

	stamp := u.store.Now().Format("20060102-1504")
	s.backupTo = widget.NewEntry()
	backupDir := filepath.Join(documentsDir(), "备份")
	if dir := u.app.Preferences().String(prefFolder + backupFiles.key); dir != "" {
		backupDir = dir
	}
	s.backupTo.SetText(filepath.Join(backupDir, "党员教育管理-"+stamp+".db"))
	s.restoreOf = widget.NewEntry()
	s.restoreOf.SetPlaceHolder("要恢复的备份文件")
	backup := widget.NewButton("备份", s.backup)
	backupAs := widget.NewButton("另存为…", func() {
		u.chooseSave(backupFiles, "备份到", s.backupTo.Text, func(path string) { s.backupTo.SetText(path) })
	})
	pickBackup := widget.NewButton("选择文件…", func() {
		u.chooseOpen(backupFiles, "选择要恢复的备份", func(path string) { s.restoreOf.SetText(path) })
	})
	restore := widget.NewButton("从备份恢复", s.confirmRestore)
	restore.Importance = widget.DangerImportance

	org := u.store.Org()
	s.orgName, s.orgCode = widget.NewEntry(), widget.NewEntry()
	s.orgName.SetText(org.Name)
	s.orgCode.SetText(org.Code)
	saveOrg := widget.NewButton("保存组织信息", s.saveOrg)
	where := widget.NewLabel("数据文件：" + u.store.Path())
	where.Wrapping = fyne.TextWrapWord
	// A consolidated database holds many organizations: no 本组织 there.
	own := container.NewVBox(
		widget.NewLabelWithStyle("本组织", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(widget.NewFormItem("组织名称", s.orgName), widget.NewFormItem("组织代码", s.orgCode)),
		container.NewHBox(saveOrg), widget.NewSeparator())
	var ruleBox fyne.CanvasObject = container.NewVBox(s.rules.lockNote, s.rules.form, container.NewHBox(save))
	if u.committee != nil {
		own.Hide()
		ruleBox = committeeRulesNote()
		restore.Hide()
	}
	return container.NewVScroll(container.NewVBox(
		own,
		widget.NewLabelWithStyle("规则设置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		ruleBox, s.message, widget.NewSeparator(),
		s.dev.object(), widget.NewSeparator(),
		widget.NewLabelWithStyle("数据位置与备份", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		where,
		widget.NewForm(
			widget.NewFormItem("备份到", container.NewBorder(nil, nil, nil, backupAs, s.backupTo)),
			widget.NewFormItem("恢复自", container.NewBorder(nil, nil, nil, pickBackup, s.restoreOf))),
		container.NewHBox(backup, restore),
	))
}

func (s *settingsScreen) backup() {
	path, store := s.backupTo.Text, s.u.store
	s.u.runJob("正在备份", func(ctx context.Context, _ progressFunc) error {
		if err := mkdirFor(path); err != nil {
			return err
		}
		return store.Backup(ctx, path)
	}, func(err error) {
		if err != nil {
			s.message.SetText(err.Error())
			return
		}
		s.message.SetText("已备份到：" + path)
	})
}

func (s *settingsScreen) confirmRestore() {
	path := s.restoreOf.Text
	if path == "" {
		s.message.SetText("请填写要恢复的备份文件")
		return
	}
	confirmAction(s.u.win, "从备份恢复", fmt.Sprintf("用备份 %s 替换当前数据？\n先检查备份；检查不通过时当前数据不变。当前数据库会保留为恢复前的副本。", path),
		"恢复", func() { s.restore(path) })
}

// restore verifies and stages the backup off the UI goroutine, then swaps
// it in and reopens the window on it.
func (s *settingsScreen) restore(path string) {
	live := s.u.store.Path()
	s.u.runJob("正在检查备份", func(ctx context.Context, _ progressFunc) error {
		return data.StageRestore(ctx, path, live)
	}, func(err error) {
		if err != nil {
			s.message.SetText("未恢复，当前数据不变：" + err.Error())
			return
		}
		swap := func() {
			s.u.store.Close()
			err := data.CommitRestore(live)
			store, openErr := data.Open(context.Background(), live)
			if openErr != nil {
				showStartError(s.u.win, openErr)
				return
			}
			s.u.Show(store)
			if err != nil {
				s.u.showError(err)
			}
		}
		if s.u.sync != nil && s.u.sync.running() {
			s.u.sync.stop(swap) // no push may read the database while it is replaced
			return
		}
		swap()
	})
}

// mkdirFor makes the folder a file will go in.
func mkdirFor(path string) error { return os.MkdirAll(filepath.Dir(path), 0o755) }

// saveOrg renames the organization; the window's title follows.
func (s *settingsScreen) saveOrg() {
	store := s.u.store
	org := store.Org()
	org.Name, org.Code = s.orgName.Text, s.orgCode.Text
	async(s.u, func() (data.Org, error) {
		err := store.Orgs.Update(context.Background(), &org)
		return org, err
	}, func(saved data.Org, err error) {
		if err != nil {
			s.message.SetText("未保存：" + err.Error())
			return
		}
		store.SetOrg(saved)
		s.u.win.SetTitle("党员教育管理 — " + saved.Name)
		s.message.SetText("组织信息已保存。")
	})
}
