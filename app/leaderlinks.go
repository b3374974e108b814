package app

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The 领导干部联系点 screen: the 支部 and 班级 each 党员领导干部 is linked
// with (the liaisons of those kinds, which 联系群众 lists too), how often
// each was visited this year and when last, and 记录走访 to add a visit
// (a liaison_logs row).

// leaderLinkKinds are the liaison kinds of a 党员领导干部's 联系点.
var leaderLinkKinds = []string{string(vocab.LiaisonBranch), string(vocab.LiaisonClass)}

const leaderLinksTitle = "领导干部联系点"

// leaderLinkScreens are the two tabs of 领导干部联系点: the 联系点 and
// their visits.
type leaderLinkScreens struct {
	links  *recordScreen[data.Liaison, *data.Liaison]
	visits *recordScreen[data.LiaisonLog, *data.LiaisonLog]
}

func newLeaderLinksScreen(u *UI) fyne.CanvasObject {
	l := &leaderLinkScreens{}
	l.visits = newRecordScreen(u, recordSpec[data.LiaisonLog, *data.LiaisonLog]{
		title:   "走访记录",
		noun:    "走访记录",
		naming:  []string{"date", "liaison_id"},
		table:   func(s *data.Store) data.Table[data.LiaisonLog, *data.LiaisonLog] { return s.LiaisonLogs },
		columns: []string{"liaison_id", "date", "content"},
		list:    leaderVisits,
		refs:    linkOptions,
		fresh:   func() *data.LiaisonLog { return &data.LiaisonLog{} },
	})
	l.links = newRecordScreen(u, recordSpec[data.Liaison, *data.Liaison]{
		title:   leaderLinksTitle,
		noun:    "联系点",
		naming:  []string{"member_id", "kind", "contact"},
		table:   func(s *data.Store) data.Table[data.Liaison, *data.Liaison] { return s.Liaisons },
		columns: []string{"member_id", "kind", "contact", "since", "until"},
		byName:  "member_id",
		list:    leaderLinks,
		choices: map[string][]string{"kind": leaderLinkKinds},
		refs:    memberOptions,
		fresh:   func() *data.Liaison { return &data.Liaison{Kind: string(vocab.LiaisonBranch)} },
		extra:   []string{"本年走访", "最近走访"},
		extraAt: 3, // before the dates the 联系点 ran
		extraCells: func(ctx context.Context, s *data.Store, rows []data.Liaison) ([][]string, error) {
			visits, err := visitsOf(ctx, s, rows)
			if err != nil {
				return nil, err
			}
			year := s.Now().Year()
			out := make([][]string, len(rows))
			for i, l := range rows {
				n, last := 0, ""
				for _, v := range visits[l.ID] {
					if v.Date.Year() == year {
						n++
					}
					last = max(last, v.Date.String())
				}
				out[i] = []string{strconv.Itoa(n) + "次", last}
			}
			return out, nil
		},
		buttons: func(s *recordScreen[data.Liaison, *data.Liaison]) []fyne.CanvasObject {
			return []fyne.CanvasObject{widget.NewButton("记录走访", func() { l.openVisit(s.rowAt(s.table.selectedRow())) })}
		},
	})
	u.leaderLinks = l
	// Saving or deleting a visit changes the counts of the 联系点; a
	// change of a 联系点 changes how its visits are named.
	first := true // both read at first: no second read of the 联系点
	l.visits.afterLoad = func() {
		if !first {
			l.links.load()
		}
		first = false
	}
	tabs := container.NewAppTabs(
		container.NewTabItem("联系点", l.links.body()),
		container.NewTabItem("走访记录", l.visits.body()))
	return u.scoped(tabs, func() { l.links.load(); l.visits.load() })
}

// leaderVisits reads the visits of the 联系点, newest first.
func leaderVisits(ctx context.Context, s *data.Store) ([]data.LiaisonLog, error) {
	links, err := leaderLinks(ctx, s)
	if err != nil {
		return nil, err
	}
	byLink, err := visitsOf(ctx, s, links)
	if err != nil {
		return nil, err
	}
	var out []data.LiaisonLog
	for _, vs := range byLink {
		out = append(out, vs...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date.Time) {
			return out[i].Date.After(out[j].Date.Time)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// linkOptions lists the 联系点 as the choices of a visit; a visit is
// found by its 联系点's member's 姓名 and 拼音首字母.
func linkOptions(ctx context.Context, s *data.Store) (refData, error) {
	members, err := memberOptions(ctx, s)
	if err != nil {
		return refData{}, err
	}
	links, err := leaderLinks(ctx, s)
	if err != nil {
		return refData{}, err
	}
	d := refData{opts: map[string][]refOption{}, names: map[string]string{}}
	for i := range links {
		d.opts["liaison_id"] = append(d.opts["liaison_id"], refOption{links[i].ID, linkLabel(&links[i], members)})
		d.names[links[i].ID] = members.names[string(links[i].MemberID)]
	}
	return d, nil
}

// leaderLinks reads the liaisons of kind 支部 and 班级, in the store's order.
func leaderLinks(ctx context.Context, s *data.Store) ([]data.Liaison, error) {
	rows, err := s.Liaisons.List(ctx, data.OrderBy(data.ColKind, data.ColSince))
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(rows, func(l data.Liaison) bool { return !slices.Contains(leaderLinkKinds, l.Kind) }), nil
}

// visitsOf reads the visits of the liaisons, by liaison, oldest first.
func visitsOf(ctx context.Context, s *data.Store, links []data.Liaison) (map[string][]data.LiaisonLog, error) {
	wanted := make(map[string]bool, len(links))
	for _, l := range links {
		wanted[l.ID] = true
	}
	out := map[string][]data.LiaisonLog{}
	err := s.LiaisonLogs.Each(ctx, func(v *data.LiaisonLog) error {
		if wanted[string(v.LiaisonID)] {
			out[string(v.LiaisonID)] = append(out[string(v.LiaisonID)], *v)
		}
		return nil
	})
	for _, vs := range out {
		sort.SliceStable(vs, func(i, j int) bool { return vs[i].Date.Before(vs[j].Date.Time) })
	}
	return out, err
}

// linkLabel names a 联系点 in the visit form: 「张伟 · 支部 · 第一党支部」,
// with the day it began (「（2025-09-01起）」) when recorded, which tells
// apart a 联系点 taken up again.
func linkLabel(l *data.Liaison, refs refData) string {
	label := strings.Join([]string{refs.names[string(l.MemberID)], l.Kind, l.Contact}, " · ")
	if !l.Since.IsZero() {
		label += "（" + l.Since.String() + "起）"
	}
	return label
}

// visitDialog is the form of a new visit to a 联系点.
type visitDialog struct {
	form   *recordForm
	dlg    *dialog.CustomDialog
	saving *saveOnce
	rec    *data.LiaisonLog
	past   *widget.Label // the earlier visits of the chosen 联系点
	loads  *loader       // reads them; the last 联系点 chosen wins
}

// openVisit opens the form of a new visit, to the 联系点 link when it is
// set (the row selected), else chosen in the form.
func (l *leaderLinkScreens) openVisit(link *data.Liaison) {
	s := l.links
	var opts []refOption
	for i := range s.rows {
		opts = append(opts, refOption{s.rows[i].ID, linkLabel(&s.rows[i], s.refs)})
	}
	if len(opts) == 0 {
		s.u.notify("尚无领导干部联系点：请先点「新增」登记联系的支部或班级")
		return
	}
	d := &visitDialog{rec: &data.LiaisonLog{}, past: widget.NewLabel(""), loads: s.u.reader()}
	if link != nil {
		d.rec.LiaisonID = data.Ref(link.ID)
	}
	d.past.Wrapping = fyne.TextWrapWord
	d.form = newRecordForm(d.rec, formSpec{refs: map[string][]refOption{"liaison_id": opts}, u: s.u})
	if sel, ok := d.form.inputs["liaison_id"].object.(*widget.Select); ok {
		sel.OnChanged = func(string) { d.showPast(s) }
	}
	d.form.OnSubmit = func() { d.save(l) }
	save := widget.NewButton("保存", func() { d.save(l) })
	save.Importance = widget.HighImportance
	d.saving = &saveOnce{button: save}
	cancel := widget.NewButton("取消", nil)
	past := container.NewBorder(widget.NewLabel("此前的走访："), nil, nil, nil, container.NewVScroll(d.past))
	body := container.NewVSplit(d.form.scrollView(), past)
	body.Offset = 0.45
	d.dlg = dialog.NewCustomWithoutButtons("记录走访", container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, body), s.u.win)
	cancel.OnTapped = s.u.guardDialog(d.dlg, d.form.dirty)
	d.dlg.Resize(fyne.NewSize(620, 520))
	s.u.visit = d
	d.showPast(s)
	d.dlg.Show()
}

// showPast lists the earlier visits of the 联系点 chosen, read off the UI
// goroutine.
func (d *visitDialog) showPast(s *recordScreen[data.Liaison, *data.Liaison]) {
	var id string
	if sel, ok := d.form.inputs["liaison_id"].object.(*widget.Select); ok {
		for i := range s.rows {
			if linkLabel(&s.rows[i], s.refs) == sel.Selected {
				id = s.rows[i].ID
			}
		}
	}
	if id == "" {
		d.past.SetText("（请选择联系点）")
		return
	}
	store := s.u.store
	load(d.loads, func(ctx context.Context) ([]data.LiaisonLog, error) {
		return store.LiaisonLogs.List(ctx, data.Where(data.ColLiaisonID, id), data.OrderBy(data.ColDate))
	}, func(vs []data.LiaisonLog, err error) {
		if err != nil {
			d.past.SetText("读取走访记录失败：" + err.Error())
			return
		}
		if len(vs) == 0 {
			d.past.SetText("（无）")
			return
		}
		var lines []string
		for _, v := range vs {
			lines = append(lines, v.Date.String()+"　"+oneLineText(v.Content))
		}
		d.past.SetText(strings.Join(lines, "\n"))
	})
}

// oneLineText is text on one line, its line breaks as spaces.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// save adds the visit off the UI goroutine; the form stays open with the
// store's messages when it refuses.
func (d *visitDialog) save(l *leaderLinkScreens) {
	s := l.links
	if d.saving.running || !d.form.read() || !d.saving.begin() {
		return
	}
	rec, store := *d.rec, s.u.store
	async(s.u, func() (data.LiaisonLog, error) {
		err := store.LiaisonLogs.Create(context.Background(), &rec)
		return rec, err
	}, func(saved data.LiaisonLog, err error) {
		d.saving.end()
		if err != nil {
			d.form.showSaveError(err)
			return
		}
		d.dlg.Hide()
		s.u.notify("已记录走访（" + saved.Date.String() + "）")
		l.visits.load() // and, once read, the 联系点's counts
	})
}
