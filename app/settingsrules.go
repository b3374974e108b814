package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// ruleSettings is the 规则设置 part of the 设置 screen: every rule setting
// (rules.SettingDefs) under its Chinese label, a yes-or-no one as 是/否
// buttons, a note under the ones that need it, and the message of a value
// Settings.Set refuses under its field. A bad value saves nothing. A
// setting the committee set shows 「由党委设定」 and cannot be edited.
// The committee's 党委发布 screen uses the same form (newRuleForm with
// pick) to publish thresholds: each setting then has a 统一设定 check.
type ruleSettings struct {
	u       *UI
	form    *widget.Form
	entries map[string]*widget.Entry      // the typed settings, by key
	yesNo   map[string]*widget.RadioGroup // the yes-or-no settings, by key
	errors  map[string]*widget.Label      // by key
	since   *widget.Label                 // under 记录起始月份: the month in effect when it is left empty
	message *widget.Label
	loads   *loader // reads the month in effect

	badges   map[string]*widget.Label // 「由党委设定」 beside each setting, shown when locked
	locked   map[string]string        // the settings the committee set, key → value
	lockNote *widget.Label            // above the form while some setting is locked
	picks    map[string]*widget.Check // the committee's form: which settings it publishes
}

func newRuleSettings(u *UI, message *widget.Label) *ruleSettings {
	return newRuleForm(u, message, false)
}

// newRuleForm builds the form of every rule setting; with pick, each has a
// 统一设定 check instead of the 「由党委设定」 mark (the committee's form).
func newRuleForm(u *UI, message *widget.Label, pick bool) *ruleSettings {
	r := &ruleSettings{u: u, form: widget.NewForm(), entries: map[string]*widget.Entry{},
		yesNo: map[string]*widget.RadioGroup{}, errors: map[string]*widget.Label{}, message: message, loads: newLoader(u),
		badges: map[string]*widget.Label{}, locked: map[string]string{}}
	r.lockNote = widget.NewLabel("标注「" + data.SetByCommitteeLabel + "」的各项由学校党委统一设定，本组织不能修改。")
	r.lockNote.Importance = widget.WarningImportance
	r.lockNote.Wrapping = fyne.TextWrapWord
	r.lockNote.Hide()
	if pick {
		r.picks = map[string]*widget.Check{}
	}
	// beside is what stands right of a setting's field: its check or mark.
	beside := func(key string) fyne.CanvasObject {
		if pick {
			c := widget.NewCheck("统一设定", nil)
			r.picks[key] = c
			return c
		}
		b := widget.NewLabel(data.SetByCommitteeLabel)
		b.Importance = widget.WarningImportance
		b.TextStyle = fyne.TextStyle{Bold: true}
		b.Hide()
		r.badges[key] = b
		return b
	}
	appliesNoted := false
	defaults := rules.DefaultSettings().Values()
	for _, d := range rules.SettingDefs {
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		msg.Hide()
		r.errors[d.Key] = msg
		label, note := splitLabel(d.Label)
		if isYesNo(defaults[d.Key]) {
			choice := widget.NewRadioGroup([]string{yes, no}, nil)
			choice.Horizontal = true
			choice.Required = true
			r.yesNo[d.Key] = choice
			box := container.NewVBox(container.NewBorder(nil, nil, nil, beside(d.Key), choice))
			if note != "" {
				box.Add(settingNote(note))
			}
			box.Add(msg)
			r.form.Append(label, box)
			continue
		}
		e := widget.NewEntry()
		r.entries[d.Key] = e
		box := container.NewVBox(container.NewBorder(nil, nil, nil, beside(d.Key), e))
		switch {
		case d.Key == rules.PledgeByKey:
			e.SetPlaceHolder("如 03-31")
		case d.Key == rules.RecordsSinceKey:
			e.SetPlaceHolder("如 2026-10，留空则自动")
			r.since = settingNote(note)
			box.Add(r.since)
		case d.Key == rules.DevRulesSetting:
			// Chosen in its own section, where the versions are listed
			// and added; shown here, saved as it is.
			e.Disable()
			box.Add(settingNote("在“发展党员规则版本”中选用或新增版本"))
		case strings.HasPrefix(d.Key, rules.AppliesPrefix) && !appliesNoted:
			box.Add(settingNote("各规则适用的人员类别：填“" + rules.AppliesAll + "”“" + rules.AppliesNone + "”，或" +
				strings.Join(vocab.Texts(vocab.PersonTypes), "、") + "中的一个或几个，用、分隔"))
			appliesNoted = true
		case note != "":
			box.Add(settingNote(note))
		}
		box.Add(msg)
		if !pick {
			e.OnSubmitted = func(string) { r.save() }
		}
		r.form.Append(label, box)
	}
	return r
}

// splitLabel cuts a label such as 「记录起始月份（此前的记录…）」 into the
// label and its long note in brackets, full-width or ASCII (as data/rules
// still writes 记录起始月份's), so that the labels' column stays narrow; a
// short one, such as a unit (天), stays in the label.
func splitLabel(label string) (string, string) {
	i := strings.IndexAny(label, "(（")
	if i < 0 {
		return label, ""
	}
	_, size := utf8.DecodeRuneInString(label[i:])
	note := label[i+size:]
	trimmed := strings.TrimSuffix(strings.TrimSuffix(note, ")"), "）")
	if trimmed == note || utf8.RuneCountInString(trimmed) <= 10 {
		return label, ""
	}
	return label[:i], trimmed
}

// settingNote is the grey line under a setting.
func settingNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// storedSettings are the stored rule settings and those of them the
// committee set.
type storedSettings struct {
	values, locked map[string]string
}

// load shows the stored settings, those the committee set marked and not
// editable, then the month 记录起始月份 takes when it is left empty.
func (r *ruleSettings) load() {
	store := r.u.store
	load(newLoader(r.u), func(ctx context.Context) (storedSettings, error) {
		set, err := store.RuleSettings(ctx)
		if err != nil {
			return storedSettings{}, err
		}
		locked, err := store.CommitteeSettings(ctx)
		return storedSettings{set.Values(), locked}, err
	}, func(st storedSettings, err error) {
		if err != nil {
			r.u.showError(err)
			return
		}
		r.showLocked(st.locked)
		r.show(st.values)
	})
}

// showLocked marks the settings the committee set 「由党委设定」 and makes
// them read-only; the others can be edited.
func (r *ruleSettings) showLocked(locked map[string]string) {
	r.locked = locked
	for key, b := range r.badges {
		_, on := locked[key]
		b.Hidden = !on
		b.Refresh()
		if e, ok := r.entries[key]; ok {
			setDisabled(e, on)
		}
		if c, ok := r.yesNo[key]; ok {
			setDisabled(c, on)
		}
	}
	r.lockNote.Hidden = len(locked) == 0
	r.lockNote.Refresh()
	r.form.Refresh()
}

// setDisabled disables or enables a field.
func setDisabled(w fyne.Disableable, off bool) {
	if off {
		w.Disable()
	} else {
		w.Enable()
	}
}

// The answers of a yes-or-no setting.
const (
	yes = "是"
	no  = "否"
)

// isYesNo tells a yes-or-no setting by the value the rules write for it.
func isYesNo(v string) bool { return v == "true" || v == "false" }

// show puts the values in their fields, a yes-or-no one as 是 or 否, and
// notes under 记录起始月份 where records start.
func (r *ruleSettings) show(values map[string]string) {
	r.fill(values)
	r.showSince(values[rules.RecordsSinceKey])
}

// fill puts the values in their fields.
func (r *ruleSettings) fill(values map[string]string) {
	for key, e := range r.entries {
		e.SetText(values[key])
	}
	for key, choice := range r.yesNo {
		if values[key] == "true" {
			choice.SetSelected(yes)
		} else {
			choice.SetSelected(no)
		}
	}
}

// value is the setting with the key as the user left it: 是 or 否 for a
// yes-or-no one (which the rules read), the text typed for the others.
func (r *ruleSettings) value(key string) string {
	if choice, ok := r.yesNo[key]; ok {
		return choice.Selected
	}
	return r.entries[key].Text
}

// showSince notes under 记录起始月份 where records start: when the setting
// is empty, the months the records give (read off the UI goroutine).
func (r *ruleSettings) showSince(value string) {
	_, note := splitLabel(rules.SettingLabel(rules.RecordsSinceKey))
	if value != "" {
		r.loads.next() // a coverage still being read is no longer wanted
		r.since.SetText(note + "。已设定为" + value)
		return
	}
	r.since.SetText(note + "。自动：正在计算…")
	store := r.u.store
	load(r.loads, store.Coverage, func(c rules.Coverage, err error) {
		if err != nil {
			r.since.SetText(note)
			return
		}
		r.since.SetText(note + "。自动：" + coverageText(c))
	})
}

// coverageText says where each kind of record starts: one month when
// they agree (2025年12月), else each kind's.
func coverageText(c rules.Coverage) string {
	kinds := []struct {
		name string
		at   time.Time
	}{{"组织生活", c.Meetings}, {"学习培训", c.Training}, {"党费", c.Dues}, {"谈心谈话", c.Talks}, {"目标管理", c.Agreements}}
	same := true
	for _, k := range kinds[1:] {
		same = same && k.at.Equal(kinds[0].at)
	}
	month := func(t time.Time) string {
		if t.IsZero() {
			return "尚无记录"
		}
		return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
	}
	if same {
		return month(kinds[0].at)
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = k.name + month(k.at)
	}
	return strings.Join(parts, "、")
}

// save checks every value as the rules read it and, when all are good,
// stores them as the rules write them (2026年1月 as 2026-01) off the UI
// goroutine; the first bad value's message shows under its field and
// nothing is stored.
func (r *ruleSettings) save() {
	values, ok := r.checked("未保存：")
	if !ok {
		return
	}
	store := r.u.store
	async(r.u, func() (struct{}, error) {
		return struct{}{}, saveRuleSettings(context.Background(), store, values)
	}, func(_ struct{}, err error) {
		if err != nil {
			r.message.SetText("未保存：" + err.Error())
			if errors.Is(err, data.ErrSetByCommittee) {
				r.load() // the committee set a setting since the screen was read
			}
			return
		}
		r.show(values)
		r.message.SetText("规则设置已保存，工作台、报表和导出按新的设置计算。")
	})
}

// checked checks every value as the rules read it and gives them as the
// rules write them (2026年1月 as 2026-01); the first bad value's message
// shows under its field and in the message after refused, and ok is false.
func (r *ruleSettings) checked(refused string) (values map[string]string, ok bool) {
	for _, msg := range r.errors {
		msg.SetText("")
		msg.Hide()
	}
	probe := rules.DefaultSettings()
	for _, d := range rules.SettingDefs {
		if err := probe.Set(d.Key, r.value(d.Key)); err != nil {
			msg := r.errors[d.Key]
			msg.SetText(err.Error())
			msg.Show()
			r.form.Refresh()
			r.message.SetText(refused + err.Error())
			if e, ok := r.entries[d.Key]; ok {
				r.u.win.Canvas().Focus(e)
			}
			return nil, false
		}
	}
	return probe.Values(), true
}

// saveRuleSettings stores every rule setting in one transaction.
func saveRuleSettings(ctx context.Context, store *data.Store, values map[string]string) error {
	rows := make([]data.Setting, len(rules.SettingDefs))
	for i, d := range rules.SettingDefs {
		rows[i] = data.Setting{Key: d.Key, Value: values[d.Key]}
	}
	return store.SetSettings(ctx, rows)
}
