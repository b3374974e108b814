package app

import (
	"context"
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
// Settings.Set refuses under its field. A bad value saves nothing.
type ruleSettings struct {
	u       *UI
	form    *widget.Form
	entries map[string]*widget.Entry      // the typed settings, by key
	yesNo   map[string]*widget.RadioGroup // the yes-or-no settings, by key
	errors  map[string]*widget.Label      // by key
	since   *widget.Label                 // under 记录起始月份: the month in effect when it is left empty
	message *widget.Label
	loads   *loader // reads the month in effect
}

func newRuleSettings(u *UI, message *widget.Label) *ruleSettings {
	r := &ruleSettings{u: u, form: widget.NewForm(), entries: map[string]*widget.Entry{},
		yesNo: map[string]*widget.RadioGroup{}, errors: map[string]*widget.Label{}, message: message, loads: newLoader(u)}
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
			box := container.NewVBox(choice)
			if note != "" {
				box.Add(settingNote(note))
			}
			box.Add(msg)
			r.form.Append(label, box)
			continue
		}
		e := widget.NewEntry()
		r.entries[d.Key] = e
		box := container.NewVBox(e)
		switch {
		case d.Key == rules.RecordsSinceKey:
			e.SetPlaceHolder("如 2026-10,留空则自动")
			r.since = settingNote(note)
			box.Add(r.since)
		case strings.HasPrefix(d.Key, rules.AppliesPrefix) && !appliesNoted:
			box.Add(settingNote("各规则适用的人员类别:填“" + rules.AppliesAll + "”“" + rules.AppliesNone + "”,或" +
				strings.Join(vocab.Texts(vocab.PersonTypes), "、") + "中的一个或几个,用、分隔"))
			appliesNoted = true
		case note != "":
			box.Add(settingNote(note))
		}
		box.Add(msg)
		e.OnSubmitted = func(string) { r.save() }
		r.form.Append(label, box)
	}
	return r
}

// splitLabel cuts a label such as 「记录起始月份(此前的记录…)」 into the
// label and its long note in parentheses, so that the labels' column
// stays narrow; a short one, such as a unit (天), stays in the label.
func splitLabel(label string) (string, string) {
	head, note, ok := strings.Cut(label, "(")
	if !ok || !strings.HasSuffix(note, ")") || utf8.RuneCountInString(note) <= 10 {
		return label, ""
	}
	return head, strings.TrimSuffix(note, ")")
}

// settingNote is the grey line under a setting.
func settingNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// load shows the stored settings, then the month 记录起始月份 takes when
// it is left empty.
func (r *ruleSettings) load() {
	store := r.u.store
	load(newLoader(r.u), func(ctx context.Context) (map[string]string, error) {
		set, err := store.RuleSettings(ctx)
		return set.Values(), err
	}, func(values map[string]string, err error) {
		if err != nil {
			r.u.showError(err)
			return
		}
		r.show(values)
	})
}

// The answers of a yes-or-no setting.
const (
	yes = "是"
	no  = "否"
)

// isYesNo tells a yes-or-no setting by the value the rules write for it.
func isYesNo(v string) bool { return v == "true" || v == "false" }

// show puts the values in their fields, a yes-or-no one as 是 or 否.
func (r *ruleSettings) show(values map[string]string) {
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
	r.showSince(values[rules.RecordsSinceKey])
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
	_, note := splitLabel(settingLabel(rules.RecordsSinceKey))
	if value != "" {
		r.loads.next() // a coverage still being read is no longer wanted
		r.since.SetText(note + "。已设定为" + value)
		return
	}
	r.since.SetText(note + "。自动:正在计算…")
	store := r.u.store
	load(r.loads, store.Coverage, func(c rules.Coverage, err error) {
		if err != nil {
			r.since.SetText(note)
			return
		}
		r.since.SetText(note + "。自动:" + coverageText(c))
	})
}

// settingLabel is the label of the setting with the key.
func settingLabel(key string) string {
	for _, d := range rules.SettingDefs {
		if d.Key == key {
			return d.Label
		}
	}
	return key
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
	for _, msg := range r.errors {
		msg.SetText("")
		msg.Hide()
	}
	values := make(map[string]string, len(r.entries))
	probe := rules.DefaultSettings()
	for _, d := range rules.SettingDefs {
		values[d.Key] = r.value(d.Key)
		if err := probe.Set(d.Key, values[d.Key]); err != nil {
			msg := r.errors[d.Key]
			msg.SetText(err.Error())
			msg.Show()
			r.form.Refresh()
			r.message.SetText("未保存: " + err.Error())
			if e, ok := r.entries[d.Key]; ok {
				r.u.win.Canvas().Focus(e)
			}
			return
		}
	}
	values = probe.Values()
	store := r.u.store
	async(r.u, func() (struct{}, error) {
		return struct{}{}, saveRuleSettings(context.Background(), store, values)
	}, func(_ struct{}, err error) {
		if err != nil {
			r.message.SetText("未保存: " + err.Error())
			return
		}
		r.show(values)
		r.message.SetText("规则设置已保存,工作台、报表和导出按新的设置计算。")
	})
}

// saveRuleSettings stores every rule setting in one transaction.
func saveRuleSettings(ctx context.Context, store *data.Store, values map[string]string) error {
	rows := make([]data.Setting, len(rules.SettingDefs))
	for i, d := range rules.SettingDefs {
		rows[i] = data.Setting{Key: d.Key, Value: values[d.Key]}
	}
	return store.SetSettings(ctx, rows)
}
