package app

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/field"
	"dangjian/reports/documents"
)

// wordFiles are the printed documents written as Word.
var wordFiles = fileKind{"docx", "Word 文档", []string{".docx"}}

// The preferences of the 报表 screen.
const (
	prefReportFormat  = "reports.format"         // the format last chosen
	prefRosterColumns = "reports.roster.columns" // the roster's columns last chosen
)

// formatNames are the format choices as the screen shows them.
var formatNames = []string{documents.PDF.Name(), documents.Word.Name()}

// formatOf is the format a choice names; PDF unless it names Word.
func formatOf(name string) documents.Format {
	if name == documents.Word.Name() {
		return documents.Word
	}
	return documents.PDF
}

// filesOf is the file dialogs' kind for a format.
func filesOf(f documents.Format) fileKind {
	if f == documents.Word {
		return wordFiles
	}
	return pdfFiles
}

// withFormatExt gives path the extension of format f in place of the other
// format's; a path with another extension, or none, gets f's added.
func withFormatExt(path string, f documents.Format) string {
	if path == "" {
		return ""
	}
	lower := strings.ToLower(path)
	for _, g := range documents.Formats {
		if strings.HasSuffix(lower, g.Ext()) {
			return path[:len(path)-len(g.Ext())] + f.Ext()
		}
	}
	return path + f.Ext()
}

// newFormatChoice is the PDF / Word choice, set to the one last chosen;
// changed is called after a choice, which is remembered.
func newFormatChoice(u *UI, changed func(documents.Format)) *widget.RadioGroup {
	prefs := u.app.Preferences()
	r := widget.NewRadioGroup(formatNames, nil)
	r.Horizontal = true
	r.Required = true
	r.SetSelected(formatOf(prefs.String(prefReportFormat)).Name())
	r.OnChanged = func(name string) {
		if name == "" {
			return
		}
		prefs.SetString(prefReportFormat, name)
		changed(formatOf(name))
	}
	return r
}

// columnChooser is the roster's 列 choice: a check per column the roster
// can print, the default set checked until the user chooses, the choice
// remembered in the preferences.
type columnChooser struct {
	u      *UI
	checks []*widget.Check // in the roster's order
	view   fyne.CanvasObject
}

func newColumnChooser(u *UI) *columnChooser {
	c := &columnChooser{u: u}
	all, defaults := documents.RosterColumns()
	chosen := c.remembered(all, defaults)
	cells := make([]fyne.CanvasObject, 0, len(all))
	for _, title := range all {
		check := widget.NewCheck(title, nil)
		check.SetChecked(slices.Contains(chosen, title))
		check.OnChanged = func(bool) { c.remember() }
		c.checks = append(c.checks, check)
		cells = append(cells, check)
	}
	reset := widget.NewButton("恢复默认列", func() { c.set(defaults) })
	c.view = container.NewVBox(container.NewGridWithColumns(4, cells...), container.NewHBox(reset))
	return c
}

// remembered is the columns chosen last, those the roster still has, or
// the default set.
func (c *columnChooser) remembered(all, defaults []string) []string {
	saved := c.u.app.Preferences().StringList(prefRosterColumns)
	var out []string
	for _, s := range saved {
		if slices.Contains(all, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return defaults
	}
	return out
}

// set checks the columns given and no other.
func (c *columnChooser) set(titles []string) {
	for _, check := range c.checks {
		check.SetChecked(slices.Contains(titles, check.Text))
	}
	c.remember()
}

// chosen lists the columns checked, in the roster's order.
func (c *columnChooser) chosen() []string {
	var out []string
	for _, check := range c.checks {
		if check.Checked {
			out = append(out, check.Text)
		}
	}
	return out
}

// remember keeps the columns checked, when there is at least one.
func (c *columnChooser) remember() {
	if cols := c.chosen(); len(cols) > 0 {
		c.u.app.Preferences().SetStringList(prefRosterColumns, cols)
	}
}

// asOfHint is what the 截至日期 entry shows while empty.
const asOfHint = "留空为打印当天（往年为12月31日），如 2026-12-03"

// readAsOf reads the 截至日期 typed, in the forms the sheets accept; zero
// when empty.
func readAsOf(text string) (time.Time, error) {
	if strings.TrimSpace(text) == "" {
		return time.Time{}, nil
	}
	t, err := field.ParseDate(text)
	if err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// hasAsOf tells whether a document has a reference day.
func hasAsOf(k documents.Kind) bool {
	return k == documents.Roster || k == documents.Stats || k == documents.DevStats || documents.DevAsOf(k)
}
