package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"
)

// voteColumns are the appraisal's 民主测评 vote counts, in the form's order.
var voteColumns = []string{"votes_excellent", "votes_qualified", "votes_basic", "votes_fail"}

// voteTotal is the 合计 of the appraisal form's vote counts: a line of the
// form under 不合格票数 that follows the counts as they are typed.
type voteTotal struct {
	label   *widget.Label
	entries []*widget.Entry
}

// addVoteTotal puts 合计 under the vote counts of the form and keeps it up
// to date; nil when the form shows no counts.
func addVoteTotal(f *recordForm) *voteTotal {
	v := &voteTotal{label: widget.NewLabel("")}
	for _, col := range voteColumns {
		e, ok := f.inputs[col].object.(*widget.Entry)
		if !ok {
			return nil
		}
		// No vote counted shows empty, so that typing gives the number
		// typed, not 0 followed by it.
		e.SetPlaceHolder("0")
		if strings.TrimSpace(e.Text) == "0" {
			e.SetText("")
		}
		v.entries = append(v.entries, e)
		e.OnChanged = func(string) { v.show() }
	}
	f.markOpened()
	last := f.labels[voteColumns[len(voteColumns)-1]]
	for i, it := range f.form.Items {
		if strings.TrimSuffix(it.Text, " *") == last {
			items := append([]*widget.FormItem{}, f.form.Items[:i+1]...)
			items = append(items, widget.NewFormItem("合计", v.label))
			f.form.Items = append(items, f.form.Items[i+1:]...)
			break
		}
	}
	f.form.Refresh()
	v.show()
	return v
}

// text is what 合计 shows: 「12票」, or a request for whole numbers while a
// count is not one.
func (v *voteTotal) text() string {
	sum := 0
	for _, e := range v.entries {
		s := strings.TrimSpace(e.Text)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return "票数应为整数"
		}
		sum += n
	}
	return fmt.Sprintf("%d票", sum)
}

func (v *voteTotal) show() { v.label.SetText(v.text()) }
