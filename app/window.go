package app

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// UI is the main window and what it shows.
type UI struct {
	app     fyne.App
	win     fyne.Window
	store   *data.Store
	content *fyne.Container
	status  *widget.Label
	// syncLine is the status bar's line about sync.
	syncLine  *widget.Label
	statusBar *fyne.Container
	screens   []screen
	current   int
	side      *sidebar          // the screens, grouped
	shown     fyne.CanvasObject // the screen shown, as built
	// life is the context of the screen shown, ended by endLife when the
	// user leaves it (see screenlife.go).
	life    context.Context
	endLife context.CancelFunc
	jobs    sync.WaitGroup // background work in flight
	post    func(func())   // runs a function on the UI goroutine

	members  *membersScreen // the screens, once built
	reports  *reportsScreen
	sheets   *sheetsScreen
	training *trainingScreen
	settings *settingsScreen
	syncView *syncScreen       // the 同步 screen, once built
	asking   *passphraseDialog // the passphrase dialog open, if any

	sync *syncSession // the organization's sync, nil in committee mode
	// committee is the committee folder in committee mode, nil otherwise.
	committee *snapshot.Committee
	// report is the last consolidation's, in committee mode.
	report *snapshot.Report
	// scope is the 二级党组织 the committee's screens look at (orgscope.go).
	scope orgScope
	// recordScreen is the record screen last built (a *recordScreen[T, P]).
	recordScreen any
	// visit is the 记录走访 form last opened, leaderLinks the last
	// 领导干部联系点 screen built.
	visit       *visitDialog
	leaderLinks *leaderLinkScreens
	// memberView is the 党员档案 of the member committee mode showed last.
	memberView *memberTimeline
	// built holds other screens once built, by a name of their own.
	built map[string]any
	// scratch holds files handed to the system's viewer.
	scratch scratchFolder
	// notice is the status bar's message after an action, with 撤销.
	notice *notice
	// guards are the dialogs open that Esc closes, asking first when they
	// hold unsaved edits (see keys.go).
	guards []*guard
	// statusText is the status line's own text, shown again after a hint.
	statusText string
}

// keep remembers a built screen under name, for the shortcuts and tests.
func (u *UI) keep(name string, screen any) {
	if u.built == nil {
		u.built = map[string]any{}
	}
	u.built[name] = screen
}

// screen is one entry of the sidebar.
type screen struct {
	title string
	icon  fyne.Resource
	build func(u *UI) fyne.CanvasObject
}

// prefLastScreen remembers the screen last shown, by its title.
const prefLastScreen = "ui.lastScreenTitle"

// NewUI fills the window w with the application's UI for a store.
func NewUI(a fyne.App, w fyne.Window, store *data.Store) *UI {
	fitToScreen(a, w)
	return newUI(a, w, store, fyne.Do)
}

func newUI(a fyne.App, w fyne.Window, store *data.Store, post func(func())) *UI {
	u := &UI{app: a, win: w, post: post}
	u.sync = newSyncSession(u)
	w.SetCloseIntercept(u.closeRequested)
	u.Show(store)
	return u
}

// NewCommitteeUI fills the window w with the committee's UI: the 各组织
// screen, then the usual screens over the consolidated database store.
func NewCommitteeUI(a fyne.App, w fyne.Window, c *snapshot.Committee, store *data.Store) *UI {
	fitToScreen(a, w)
	return newCommitteeUI(a, w, c, store, fyne.Do)
}

func newCommitteeUI(a fyne.App, w fyne.Window, c *snapshot.Committee, store *data.Store, post func(func())) *UI {
	u := &UI{app: a, win: w, post: post, committee: c}
	w.SetCloseIntercept(u.closeRequested)
	u.Show(store)
	return u
}

// screenList is the sidebar's entries: in committee mode the committee's
// own screens come first (全校概览, 各组织, 跨组织问题, 学期对比) and 同步
// is left out.
func (u *UI) screenList() []screen {
	var list []screen
	if u.committee != nil {
		list = append(list,
			screen{overviewTitle, theme.GridIcon(), newOverviewScreen},
			screen{"各组织", theme.StorageIcon(), newOrgsScreen},
			screen{crossFindingsTitle, theme.WarningIcon(), newCrossFindingsScreen},
			screen{termsCompareTitle, theme.HistoryIcon(), newTermsCompareScreen})
		list = append(list, screen{publishTitle, theme.MailSendIcon(), newPublishScreen})
	}
	list = append(list,
		screen{"工作台", theme.HomeIcon(), newDashboardScreen},
		screen{"党员", theme.AccountIcon(), newMembersScreen},
		screen{"党支部", theme.ListIcon(), newBranchesScreen},
		screen{"党小组", theme.ListIcon(), newGroupsScreen},
		screen{pipelineTitle, theme.AccountIcon(), newPipelineScreen},
		screen{"学习培训", theme.FileTextIcon(), newTrainingScreen},
		screen{"组织生活", theme.GridIcon(), newMeetingsScreen},
		screen{string(vocab.MeetingAppraisal), theme.RadioButtonCheckedIcon(), newAppraisalScreen},
		screen{"目标管理", theme.DocumentIcon(), newAgreementScreen},
		screen{"党费", theme.StorageIcon(), newDuesScreen},
		screen{"组织关系转接", theme.MailSendIcon(), newTransfersScreen},
		screen{"谈心谈话", theme.MailComposeIcon(), newTalksScreen},
		screen{"关心关爱", theme.ContentAddIcon(), newCareScreen},
		screen{"联系群众", theme.AccountIcon(), newLiaisonsScreen},
		screen{"干部监督", theme.VisibilityIcon(), newSupervisionScreen},
		screen{"意见建议", theme.QuestionIcon(), newFeedbackScreen},
		screen{"先进典型", theme.ConfirmIcon(), newHonorsScreen},
		screen{"先锋岗和责任区", theme.ConfirmIcon(), newPracticePostsScreen},
		screen{"承诺践诺", theme.DocumentCreateIcon(), newPledgesScreen},
		screen{"志愿服务", theme.ContentAddIcon(), newVolunteerScreen},
		screen{leaderLinksTitle, theme.AccountIcon(), newLeaderLinksScreen},
		screen{"宣传", theme.MailSendIcon(), newPublicityScreen},
		screen{"表彰奖励", theme.ConfirmIcon(), newRewardsScreen},
		screen{"党纪处分", theme.WarningIcon(), newDisciplinesScreen},
		screen{"限期改正", theme.HistoryIcon(), newCorrectionsScreen},
		screen{"党籍处置", theme.ErrorIcon(), newDispositionsScreen},
		screen{"党内职务", theme.ListIcon(), newPostTermsScreen},
		screen{"党员状态", theme.InfoIcon(), newEpisodesScreen},
		screen{"培训计划", theme.CalendarIcon(), newPlansScreen},
		screen{"党校教师", theme.AccountIcon(), newTeachersScreen},
		screen{"党校课程", theme.FileTextIcon(), newCoursesScreen},
		screen{"经费", theme.StorageIcon(), newFundsScreen},
		screen{"报表", theme.DocumentPrintIcon(), newReportsScreen},
		screen{"导入导出", theme.UploadIcon(), newSheetsScreen},
		screen{"回收站", theme.DeleteIcon(), newTrashScreen},
	)
	if u.committee == nil {
		list = append(list, screen{"同步", theme.ViewRefreshIcon(), newSyncScreen})
	}
	return append(list, screen{"设置", theme.SettingsIcon(), newSettingsScreen})
}

// Show fills the window: sidebar on the left, the chosen screen on the
// right, a status line below.
func (u *UI) Show(store *data.Store) {
	u.leaveScreen()
	u.store = store
	u.screens = u.screenList()
	u.content = container.NewStack()
	u.statusText = "数据库：" + store.Path()
	u.status = widget.NewLabel(u.statusText)
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.syncLine = widget.NewLabel("")
	u.syncView = nil
	heading := store.Org().Name
	if u.committee != nil {
		heading = "党委汇总"
		u.win.SetTitle(committeeTitle)
		u.syncLine.Hide()
	} else {
		u.win.SetTitle("党员教育管理 — " + heading)
	}

	u.side = newSidebar(u)
	org := widget.NewLabelWithStyle(heading, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	org.Wrapping = fyne.TextWrapWord
	side := container.NewBorder(org, nil, nil, nil, u.side.object())
	split := container.NewHSplit(side, u.content)
	split.Offset = 0 // the sidebar as narrow as its rows allow; the user may drag it wider
	u.notice = newNotice()
	u.statusBar = container.NewBorder(nil, nil, nil, container.NewHBox(u.notice.box, u.syncLine), u.status)
	u.win.SetContent(container.NewBorder(nil, u.statusBar, nil, nil, split))

	u.addShortcuts()
	last := 0
	title := u.app.Preferences().String(prefLastScreen)
	for i, sc := range u.screens {
		if sc.title == title {
			last = i
		}
	}
	if u.sync != nil {
		u.sync.attach(store)
	}
	u.open(last)
}

// open shows screen id, leaving the one shown.
func (u *UI) open(id int) {
	u.enterScreen()
	u.current = id
	u.side.show(id)
	u.app.Preferences().SetString(prefLastScreen, u.screens[id].title)
	u.shown = u.screens[id].build(u)
	// A screen wider than the window scrolls sideways instead of pushing
	// the window past the screen's edge.
	u.content.Objects = []fyne.CanvasObject{container.NewHScroll(u.shown)}
	u.content.Refresh()
}

// openSearching shows the screen with the title and, on a record screen,
// searches it for query (a member's 姓名 and a date, from the 党员档案).
func (u *UI) openSearching(title, query string) {
	for i, sc := range u.screens {
		if sc.title != title {
			continue
		}
		u.open(i)
		if s, ok := u.recordScreen.(interface{ searchFor(string) }); ok {
			s.searchFor(query)
		}
		return
	}
}

// showError reports an error in a dialog.
func (u *UI) showError(err error) { dialog.ShowError(err, u.win) }

// showStartError fills the window with why the database could not be opened.
func showStartError(w fyne.Window, err error) { showFatal(w, "无法打开数据库", err) }

// showFatal fills the window with what could not be done and why.
func showFatal(w fyne.Window, what string, err error) {
	msg := widget.NewLabel(what + "：\n" + err.Error())
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(msg))
}

// addShortcuts binds Ctrl+F (⌘F on macOS) to the 党员 search box, and Esc
// to closing the dialog on top (see escape).
func (u *UI) addShortcuts() {
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			u.escape()
		}
	})
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	windowShortcuts[find.ShortcutName()] = true
	u.win.Canvas().AddShortcut(find, func(fyne.Shortcut) { u.findMember() })
}

// findMember shows the 党员 screen, selected in the sidebar, with the
// focus in its search box.
func (u *UI) findMember() {
	for i, sc := range u.screens {
		if sc.title == "党员" && u.current != i {
			u.open(i)
		}
	}
	if u.members != nil {
		u.win.Canvas().Focus(u.members.search)
	}
}

// showHint shows text in the status line in place of its own text; ""
// puts the own text back.
func (u *UI) showHint(text string) {
	if u.status == nil {
		return
	}
	if text == "" {
		text = u.statusText
	}
	u.status.SetText(text)
}
