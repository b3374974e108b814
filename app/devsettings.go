package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The 发展党员规则 part of 设置: the version of the DEV- rules in force,
// chosen among the built-in ones and those added here; its values and
// where each rule is written; 新增版本, a copy of the version shown with
// its name, 依据, values and sources changed, kept as a
// data.DevRuleVersion. No code changes for a revised 细则.

// devSettings is the part of 设置 about the rules of 发展党员.
type devSettings struct {
	u        *UI
	settings *settingsScreen
	loads    *loader
	versions []rules.DevRules
	inForce  string
	choose   *widget.Select
	values   *widget.Label
	message  *widget.Label
	add      *widget.Button
	box      *fyne.Container
	adding   *devVersionForm // the 新增版本 form last opened
}

func newDevSettings(u *UI, s *settingsScreen) *devSettings {
	d := &devSettings{u: u, settings: s, loads: newLoader(u)}
	d.choose = widget.NewSelect(nil, nil)
	d.values = widget.NewLabel("正在读取…")
	d.values.Wrapping = fyne.TextWrapWord
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.add = widget.NewButton("新增版本…", d.openAdd)
	if u.inCommittee() {
		d.choose.Disable()
		d.add.Hide()
	}
	d.box = container.NewVBox(
		widget.NewLabelWithStyle("发展党员规则", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(widget.NewFormItem("规则版本", container.NewBorder(nil, nil, nil, d.add, d.choose))),
		d.message, d.values)
	d.load()
	return d
}

// object is the part, for the 设置 screen.
func (d *devSettings) object() fyne.CanvasObject { return d.box }

// devVersions is what the part reads.
type devVersions struct {
	all     []rules.DevRules
	inForce rules.DevRules
}

// load reads the versions and the one in force.
func (d *devSettings) load() {
	store := d.u.store
	load(d.loads, func(ctx context.Context) (devVersions, error) {
		all, err := store.DevRuleVersionsAll(ctx)
		if err != nil {
			return devVersions{}, err
		}
		in, err := store.DevRules(ctx)
		return devVersions{all: all, inForce: in}, err
	}, func(v devVersions, err error) {
		if err != nil {
			d.message.SetText(err.Error())
			d.values.SetText("")
			return
		}
		d.versions, d.inForce = v.all, v.inForce.Version
		var names []string
		for _, r := range v.all {
			names = append(names, devVersionLabel(r))
		}
		d.choose.OnChanged = nil
		d.choose.Options = names
		d.choose.SetSelected(devVersionLabel(v.inForce))
		d.choose.OnChanged = d.chosen
		d.values.SetText(devRulesText(v.inForce))
	})
}

// devVersionLabel is a version as the choice shows it: its name and 依据.
func devVersionLabel(r rules.DevRules) string { return r.Version + " — " + r.Title }

// version is the version the label names.
func (d *devSettings) version(label string) (rules.DevRules, bool) {
	for _, r := range d.versions {
		if devVersionLabel(r) == label {
			return r, true
		}
	}
	return rules.DevRules{}, false
}

// chosen asks before putting the version chosen in force (the list is
// also where one looks at a version's values): 选用 puts it in force,
// 取消 goes back to the one in force.
func (d *devSettings) chosen(label string) {
	r, ok := d.version(label)
	if !ok || r.Version == d.inForce {
		return
	}
	since := "其施行日期起"
	if !r.Since.IsZero() {
		since = data.DateOf(r.Since).String() + "（施行日期）起"
	}
	dlg := dialog.NewConfirm("选用发展党员规则版本",
		"选用“"+r.Version+"”？\n"+since+"的步骤按此版本检查，此前的步骤仍按此前的版本。", func(yes bool) {
			if !yes {
				d.load()
				return
			}
			d.putInForce(r)
		}, d.u.win)
	dlg.SetConfirmText("选用")
	dlg.SetDismissText("取消")
	dlg.Show()
}

// putInForce stores the version as the one in force.
func (d *devSettings) putInForce(r rules.DevRules) {
	store := d.u.store
	async(d.u, func() (struct{}, error) {
		return struct{}{}, store.SetSetting(context.Background(), rules.DevRulesSetting, r.Version)
	}, func(_ struct{}, err error) {
		if err != nil {
			d.message.SetText("未更换发展党员规则版本：" + err.Error())
			d.load()
			return
		}
		d.message.SetText("已选用发展党员规则版本“" + r.Version + "”，此后记录的步骤按此版本检查。")
		if d.settings != nil && d.settings.rules != nil {
			if e, ok := d.settings.rules.entries[rules.DevRulesSetting]; ok {
				e.SetText(r.Version) // the 规则设置 form saves what it shows
			}
		}
		d.load()
	})
}

// devRulesText lists a version's values and where each rule is written.
func devRulesText(r rules.DevRules) string {
	var b strings.Builder
	b.WriteString("依据：" + r.Title + "\n")
	if !r.Since.IsZero() {
		b.WriteString("施行日期：" + data.DateOf(r.Since).String() + "（此前的步骤按此前的版本检查）\n")
	}
	for _, def := range rules.DevParamDefs {
		fmt.Fprintf(&b, "%s：%d\n", def.Label, def.Get(r.Params))
	}
	b.WriteString("\n")
	for _, id := range vocab.DevRuleIDs {
		fmt.Fprintf(&b, "%s：%s\n", rules.RuleTitle(id), r.Source(id))
	}
	return strings.TrimSpace(b.String())
}

// devVersionForm is the form of a new version.
type devVersionForm struct {
	d       *devSettings
	name    *widget.Entry
	title   *widget.Entry
	since   *widget.Entry   // 施行日期
	params  []*widget.Entry // by rules.DevParamDefs
	sources []*widget.Entry // by vocab.DevRuleIDs
	message *widget.Label
	save    *widget.Button
	dlg     *dialog.CustomDialog
	open    bool // the form is shown
}

// openAdd opens the form of a new version, a copy of the one chosen.
func (d *devSettings) openAdd() {
	base, ok := d.version(d.choose.Selected)
	if !ok {
		base = rules.Rules2014()
	}
	f := &devVersionForm{d: d, name: widget.NewEntry(), title: widget.NewMultiLineEntry(), since: newDateEntry(),
		message: widget.NewLabel("")}
	f.name.SetPlaceHolder("如 2026")
	f.title.SetText(base.Title)
	f.title.Wrapping = fyne.TextWrapWord // a long 依据 shown whole
	f.title.SetMinRowsVisible(2)
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("版本名称 *", f.name), widget.NewFormItem("依据 *", f.title),
		widget.NewFormItem("施行日期 *", f.since))
	for _, def := range rules.DevParamDefs {
		e := widget.NewEntry()
		e.SetText(strconv.Itoa(def.Get(base.Params)))
		f.params = append(f.params, e)
		form.Append(def.Label, e)
	}
	for i, id := range vocab.DevRuleIDs {
		e := widget.NewEntry()
		e.SetText(base.Sources[i])
		e.SetPlaceHolder("依据中的章节，如 第三章")
		f.sources = append(f.sources, e)
		form.Append(rules.RuleTitle(id)+"（出处）", e)
	}
	f.save = widget.NewButton("保存", f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", nil)
	// A line a sentence: a wrapped long line left 「。」 alone on the last.
	note := widget.NewLabel("新版本复制自“" + base.Version + "”，修改名称、依据、施行日期和需要改变的数值后保存，\n" +
		"保存后在上方选用。新版本自施行日期起适用，\n此前的步骤和期限仍按此前的版本检查。")
	note.Wrapping = fyne.TextWrapWord
	f.dlg = dialog.NewCustomWithoutButtons("新增发展党员规则版本",
		container.NewBorder(container.NewVBox(note, f.message), container.NewHBox(f.save, cancel), nil, nil,
			container.NewVScroll(form)), d.u.win)
	size := d.u.win.Canvas().Size()
	f.dlg.Resize(fyne.NewSize(min(820, size.Width-40), min(680, size.Height-40)))
	cancel.OnTapped = f.close
	d.adding = f
	f.open = true
	f.dlg.Show()
}

// submit checks the values and saves the version; a refusal shows in
// Chinese and nothing is saved.
func (f *devVersionForm) submit() {
	r := rules.Rules2014()
	r.Version, r.Title = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.title.Text)
	for i, def := range rules.DevParamDefs {
		n, err := strconv.Atoi(strings.TrimSpace(field.Normalize(f.params[i].Text)))
		if err != nil {
			f.tell(fmt.Sprintf("%s应为整数，不能是“%s”", def.Label, f.params[i].Text))
			return
		}
		if err := def.Set(&r.Params, n); err != nil {
			f.tell(err.Error())
			return
		}
	}
	for i := range vocab.DevRuleIDs {
		r.Sources[i] = strings.TrimSpace(f.sources[i].Text)
	}
	since, err := readDate("施行日期", f.since.Text, true)
	if err != nil {
		f.tell(err.Error())
		return
	}
	r.Since = since.Time
	rec := &data.DevRuleVersion{Name: r.Version, Title: r.Title, Body: r.EncodeBody()}
	store := f.d.u.store
	f.save.Disable()
	async(f.d.u, func() (struct{}, error) {
		return struct{}{}, store.DevRuleVersions.Create(context.Background(), rec)
	}, func(_ struct{}, err error) {
		f.save.Enable()
		if err != nil {
			f.tell(strings.TrimPrefix(errText(err), "不能记录："))
			return
		}
		f.close()
		f.d.message.SetText("已新增发展党员规则版本“" + r.Version + "”，可在上方选用。")
		f.d.load()
	})
}

// tell shows why the version was not saved.
func (f *devVersionForm) tell(text string) { f.message.SetText("未保存：" + text) }

// close hides the form.
func (f *devVersionForm) close() {
	f.open = false
	f.dlg.Hide()
}
