package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	snapshot "dangjian/sync"
)

// allowedWords are the only ASCII words a user may see: names of file
// formats, programs and keys that have no Chinese name in common use.
var allowedWords = map[string]bool{
	"PDF": true, "pdf": true, // the printed documents' format and extension
	"Excel": true, "xlsx": true, // the sheets' program and extension
	"WPS":    true, // the other office suite the sheets open in
	"MinIO":  true, // the sync server's product name
	"SQLite": true, // the database format, named in restore messages
	"db":     true, // the database file's extension
	"Word":   true,
	"Ctrl":   true, "Esc": true, "Enter": true, "Tab": true, // keys
	"age": true, // the encryption format of the sync keys
}

var (
	asciiWord = regexp.MustCompile(`[A-Za-z]{2,}`)
	ruleCode  = regexp.MustCompile(`[A-Z]+-[A-Z0-9]+`)
	// pathLike is a file path inside a text (the database's, a backup's):
	// data of the user's, not words of the program.
	pathLike = regexp.MustCompile(`(?:[A-Za-z]:\\|/)[^\s"“”()（）]*`)
	// uuidLike is an identifier (an organization's id, to be read out to
	// the committee), not a word.
	uuidLike = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	// bareAnswers are button texts that answer a question without naming
	// the action: Fyne's own 「是/不」 and 「好」.
	bareAnswers = []string{"是", "不", "否", "好", "Yes", "No", "OK"}
)

// englishIn returns the words of text a user should not see: ASCII words
// not allowed and rule codes.
func englishIn(text string) []string {
	text = uuidLike.ReplaceAllString(text, " ")
	text = pathLike.ReplaceAllString(text, " ")
	bad := ruleCode.FindAllString(text, -1)
	for _, w := range asciiWord.FindAllString(text, -1) {
		if !allowedWords[w] {
			bad = append(bad, w)
		}
	}
	return bad
}

// visibleTexts collects every text drawn under the roots: the canvas texts
// that labels, buttons, drop-downs, tables, lists, tabs, cards, forms and
// dialogs render to, and the text or placeholder of entries.
func visibleTexts(roots ...fyne.CanvasObject) []string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if text, ok := entryText(o); ok {
			texts = append(texts, text)
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
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
	for _, r := range roots {
		walk(r)
	}
	return texts
}

// entryText is what an entry (a widget.Entry, or a widget embedding one)
// shows: its text, or its placeholder when empty.
func entryText(o fyne.CanvasObject) (string, bool) {
	if _, ok := o.(interface{ SetPlaceHolder(string) }); !ok {
		return "", false
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return "", false
	}
	text, holder := v.Elem().FieldByName("Text"), v.Elem().FieldByName("PlaceHolder")
	if !text.IsValid() || !holder.IsValid() {
		return "", false
	}
	if text.String() == "" {
		return holder.String(), true
	}
	return text.String(), true
}

// folderNames are the names of the folders above the test's home folder,
// which the file dialogs show as the path they are in: the user's, not
// the program's.
var folderNames = map[string]bool{}

// seenTexts are all the texts the walk saw, to check that it went where it
// should.
var seenTexts = map[string]bool{}

// englishReport gathers, per place, the texts with words a user should not see.
type englishReport map[string]map[string]bool

func (r englishReport) check(where string, roots ...fyne.CanvasObject) {
	add := func(text string) {
		if r[where] == nil {
			r[where] = map[string]bool{}
		}
		r[where][text] = true
	}
	for _, text := range visibleTexts(roots...) {
		seenTexts[where+"|"+text] = true
		if len(englishIn(text)) > 0 && !folderNames[text] {
			add(text)
		}
	}
	for _, answer := range bareAnswers {
		if len(buttonsAmong(answer, roots...)) > 0 {
			add("按钮「" + answer + "」")
		}
	}
}

// String lists each place with its texts, sorted.
func (r englishReport) String() string {
	var places []string
	for p := range r {
		places = append(places, p)
	}
	sort.Strings(places)
	var b strings.Builder
	for _, p := range places {
		var texts []string
		for text := range r[p] {
			if bad := englishIn(text); len(bad) > 0 {
				text = fmt.Sprintf("%q %v", text, bad)
			}
			texts = append(texts, text)
		}
		sort.Strings(texts)
		fmt.Fprintf(&b, "%s:\n    %s\n", p, strings.Join(texts, "\n    "))
	}
	return b.String()
}

// dialogOpeners are the buttons that open a form or a file dialog.
var dialogOpeners = []string{"新增", "新增党员", "新增培训", "登记", "添加", "选择文件…", "另存为…", "导入登记文件", "导出公钥"}

// closeAllOverlays removes every dialog and pop-up from the window.
func closeAllOverlays(u *UI) {
	for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
		top.Hide()
		u.win.Canvas().Overlays().Remove(top)
	}
}

// buttonsAmong lists the visible buttons under the roots with the text.
func buttonsAmong(text string, roots ...fyne.CanvasObject) []*widget.Button {
	var found []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text && !w.Disabled() {
				found = append(found, w)
			}
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
	for _, r := range roots {
		walk(r)
	}
	return found
}

// rowOpeners lists how the screen under root opens its rows: the first
// row of each table and list that opens something when selected.
func rowOpeners(root fyne.CanvasObject) []func() {
	var open []func()
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *rowTable:
			if w.t.rows() > 0 && w.t.act.open != nil {
				open = append(open, func() { w.t.selectRow(0); w.t.openSelected() })
			}
			return
		case *widget.Table:
			if rows, _ := w.Length(); rows > 0 && w.OnSelected != nil {
				open = append(open, func() { w.OnSelected(widget.TableCellID{Row: 0, Col: 0}) })
			}
			return
		case *widget.List:
			if w.Length() > 0 && w.OnSelected != nil {
				open = append(open, func() { w.OnSelected(0) })
			}
			return
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
	walk(root)
	return open
}

// overlayRoots is what the window shows on top of its content.
func overlayRoots(u *UI) []fyne.CanvasObject { return u.win.Canvas().Overlays().List() }

// walkScreens opens every sidebar screen, then the dialogs each opens (its
// forms, file dialogs, a row's form and the confirmation of its 删除), and
// reports the texts with English words or rule codes.
func walkScreens(t *testing.T, u *UI, q *uiQueue, mode string, r englishReport) {
	t.Helper()
	for i := range u.screens {
		title := u.screens[i].title
		closeAllOverlays(u)
		u.open(i)
		q.settle(u)
		where := mode + " · " + title
		r.check(where, u.win.Content())
		r.check(where+" · 对话框", overlayRoots(u)...) // a dialog the screen opened itself
		closeAllOverlays(u)
		// The dialog's own 删除 asks before it deletes.
		confirmDelete := func(at string) {
			for _, b := range buttonsAmong("删除", overlayRoots(u)...) {
				test.Tap(b)
				q.settle(u)
				r.check(at+" · 删除确认", overlayRoots(u)...)
				break
			}
		}
		for _, label := range dialogOpeners {
			for _, b := range buttonsAmong(label, u.content) {
				test.Tap(b)
				q.settle(u)
				at := where + " · 「" + label + "」"
				r.check(at, overlayRoots(u)...)
				confirmDelete(at)
				closeAllOverlays(u)
			}
		}
		for n, open := range rowOpeners(u.content) {
			if u.screens[u.current].title != title {
				u.open(i)
				q.settle(u)
			}
			open()
			q.settle(u)
			at := fmt.Sprintf("%s · 第%d个表格的第一行", where, n+1)
			r.check(at, overlayRoots(u)...)
			if u.screens[u.current].title != title { // the row opened another screen
				r.check(at, u.win.Content())
			}
			confirmDelete(at)
			closeAllOverlays(u)
		}
	}
	closeAllOverlays(u)
}

// TestEveryScreenIsChinese walks every screen of both modes, with the
// dialogs they open, and fails on each English word or rule code a user
// would see.
func TestEveryScreenIsChinese(t *testing.T) {
	// The file dialogs list the user's files, named by the user: a home
	// folder holding Chinese names only keeps them out of the report.
	home := t.TempDir()
	for _, dir := range []string{"文档", "下载"} {
		if err := os.MkdirAll(filepath.Join(home, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	for _, name := range strings.Split(filepath.ToSlash(home), "/") {
		folderNames[name] = true
	}
	r := englishReport{}

	u, q := demoTestUI(t)
	walkScreens(t, u, q, "组织", r)
	r.check("组织 · 出错提示", showErrorNow(u, q))

	t.Setenv(snapshot.PassphraseEnv, "")
	dir, _ := committeeFolder(t, "党委汇总口令-2026")
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openMerged(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1280, 860))
	cq := &uiQueue{}
	cu := newCommitteeUI(a, w, c, store, cq.post)
	t.Cleanup(func() { cu.store.Close() })
	cq.settle(cu)
	walkScreens(t, cu, cq, "党委汇总", r)

	if len(r) > 0 {
		t.Errorf("English words or rule codes on screen:\n%s", r)
	}
	// The walk saw what it should: screens of both modes, forms opened from
	// a row and from 新增, their 删除 confirmations, the file dialogs.
	for _, want := range []string{
		"组织 · 工作台|制度落实情况",
		"组织 · 党支部 · 「新增」|保存",
		"组织 · 党支部 · 第1个表格的第一行|编辑党支部",
		"组织 · 党支部 · 第1个表格的第一行 · 删除确认|取消",
		"组织 · 导入导出 · 「选择文件…」|主文件夹",
		"组织 · 报表 · 「另存为…」|另存为",
		"组织 · 设置|规则设置",
		"党委汇总 · 各组织|汇总",
	} {
		if !seenTexts[want] {
			t.Errorf("the walk did not see %s", want)
		}
	}
}

// showErrorNow shows an error as the screens do and returns the dialog.
func showErrorNow(u *UI, q *uiQueue) fyne.CanvasObject {
	closeAllOverlays(u)
	u.showError(fmt.Errorf("无法读取文件"))
	q.settle(u)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return widget.NewLabel("")
	}
	return top
}

func TestEnglishInFindsWordsAndCodes(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"学时不足 (TRAIN-32)", "TRAIN-32 TRAIN"},
		{"(Select one)", "Select one"},
		{"false", "false"},
		{"导出为 Excel 工作簿(.xlsx)", ""},
		{"数据库: /tmp/TestDir/demo.db", ""},
		{`备份到 C:\Users\Admin\Documents\b.db`, ""},
		{"生成PDF", ""},
		{"第1行 「姓名」: 不能为空", ""},
	}
	for _, c := range cases {
		if got := strings.Join(englishIn(c.text), " "); got != c.want {
			t.Errorf("englishIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFyneDialogsSpeakChinese checks Fyne's own dialogs as the program
// shows them: a confirmation answers 确定/取消, an information 确定, an
// error has a Chinese title.
func TestFyneDialogsSpeakChinese(t *testing.T) {
	for id, want := range map[string]string{"Yes": "确定", "No": "取消", "OK": "确定", "Cancel": "取消", "Error": "出错了"} {
		if got := lang.L(id); got != want {
			t.Errorf("lang.L(%q) = %q, want %q", id, got, want)
		}
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(800, 600))
	dialog.ShowConfirm("删除", "删除这条记录?", func(bool) {}, w)
	dialog.ShowInformation("已保存", "已保存。", w)
	dialog.ShowError(fmt.Errorf("无法读取文件"), w)
	texts := strings.Join(visibleTexts(w.Canvas().Overlays().List()...), "|")
	for _, want := range []string{"确定", "取消", "出错了"} {
		if !strings.Contains(texts, want) {
			t.Errorf("Fyne's dialogs show %q, without %q", texts, want)
		}
	}
	for _, text := range visibleTexts(w.Canvas().Overlays().List()...) {
		if bad := englishIn(text); len(bad) > 0 || text == "是" || text == "不" || text == "好" {
			t.Errorf("Fyne's dialog shows %q", text)
		}
	}
}
