package app

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// sessionRow is one training session of the year as the 培训记录 view
// lists it: 日期, 形式, 主题, 主讲人, 主办单位, 参训人数.
type sessionRow struct {
	rec   data.Training
	cells [sessionColumnCount]string
	text  string // the cells joined, lower-case, for the search
}

var sessionColumns = []column{{"日期", 100}, {"形式", 90}, {"主题", 280}, {"主讲人", 100}, {"主办单位", 160}, {"参训人数", 80}}

const sessionColumnCount = 6

// sessionsView is the 培训记录 view of the 学习培训 screen: the year's
// sessions, searched by any of their cells; a row opens to edit the
// session and its attendees, or to delete it.
type sessionsView struct {
	s      *trainingScreen
	all    []sessionRow
	shown  []sessionRow
	search *escEntry
	count  *widget.Label
	table  *dataTable
}

func newSessionsView(s *trainingScreen) *sessionsView {
	v := &sessionsView{s: s}
	v.search = newEntry()
	v.search.SetPlaceHolder("搜索日期、形式、主题、主讲人、主办单位或人数")
	v.search.OnChanged = func(string) { v.applyFilter() }
	v.count = widget.NewLabel("")
	v.table = newDataTable(s.u, "training.sessions", sessionColumns, func() int { return len(v.shown) },
		func(row, col int) string { return v.shown[row].cells[col] },
		rowActions{
			open:   v.open,
			remove: s.u.editable(func(row int) { s.removeSession(v.shown[row].rec, nil) }),
		})
	v.table.sortable(v.sortBy)
	return v
}

// open opens the session of a row: its dialog, or in committee mode the
// session shown read-only.
func (v *sessionsView) open(row int) {
	r := v.shown[row]
	if !v.s.u.inCommittee() {
		v.s.openSession(r.rec)
		return
	}
	names := map[string]string{string(r.rec.SpeakerID): r.cells[3]}
	v.s.u.viewRecord("培训记录", &r.rec, names, widget.NewFormItem("参训人数", widget.NewLabel(r.cells[5])))
}

// object lays the view out.
func (v *sessionsView) object() fyne.CanvasObject {
	return container.NewBorder(container.NewBorder(nil, nil, nil, v.count, v.search), nil, nil, nil, v.table.object())
}

// readSessions reads the year's sessions, newest first, with their
// speakers' names and attendee counts.
func readSessions(ctx context.Context, store *data.Store, year int) ([]sessionRow, error) {
	return readSessionsIn(ctx, store, year, "")
}

// readSessionsIn is readSessions of one organization ("" for every one).
// Every one of a database of several organizations (the committee's, under
// 全部组织) names each session's 主办单位 as 「组织 · 主办单位」, as the
// branches are named: several organizations have a 第一党支部.
func readSessionsIn(ctx context.Context, store *data.Store, year int, orgID string) ([]sessionRow, error) {
	recs, err := store.Trainings.List(ctx, data.InOrg(orgID), data.InYear(data.ColDate, year),
		data.OrderBy(data.Desc(data.ColDate)))
	if err != nil {
		return nil, err
	}
	var orgNames map[string]string // set when 主办单位 say their organization
	if orgID == "" {
		orgs, err := store.Orgs.List(ctx)
		if err != nil {
			return nil, err
		}
		if len(orgs) > 1 {
			orgNames = make(map[string]string, len(orgs))
			for _, o := range orgs {
				orgNames[o.ID] = o.Name
			}
		}
	}
	var speakers []string
	for _, t := range recs {
		if t.SpeakerID != "" {
			speakers = append(speakers, string(t.SpeakerID))
		}
	}
	names := map[string]string{}
	if len(speakers) > 0 {
		ms, err := store.Members.List(ctx, data.WhereIn(data.ColID, speakers), data.WithDeleted())
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			names[m.ID] = m.Name
		}
	}
	rows := make([]sessionRow, len(recs))
	for i, t := range recs {
		n, err := store.TrainingAttendees.Count(ctx, data.Where(data.ColTrainingID, t.ID))
		if err != nil {
			return nil, err
		}
		r := sessionRow{rec: t, cells: [sessionColumnCount]string{t.Date.String(), t.Form, t.Topic,
			names[string(t.SpeakerID)], organizerText(t.Organizer, orgNames[t.OrgID]), strconv.Itoa(n)}}
		r.text = strings.ToLower(strings.Join(r.cells[:], "\t"))
		rows[i] = r
	}
	return rows, nil
}

// organizerText is a session's 主办单位 as 「组织 · 主办单位」 when org (its
// organization's name) is given: the organization alone for a session
// without one, or hosted by the organization itself.
func organizerText(organizer, org string) string {
	organizer = strings.TrimSpace(organizer)
	switch {
	case org == "":
		return organizer
	case organizer == "" || strings.HasPrefix(organizer, org):
		return cmp.Or(organizer, org)
	}
	return org + data.BranchSeparator + organizer
}

// set shows the sessions read.
func (v *sessionsView) set(rows []sessionRow) {
	v.all = rows
	v.applyFilter()
}

// applyFilter shows the sessions with the search text in any cell.
func (v *sessionsView) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(v.search.Text))
	v.shown = v.shown[:0:0]
	for _, r := range v.all {
		if q == "" || strings.Contains(r.text, q) {
			v.shown = append(v.shown, r)
		}
	}
	if v.table.sortCol >= 0 {
		sortSessions(v.shown, v.table.sortCol, v.table.sortDesc)
	}
	if len(v.shown) == len(v.all) {
		v.count.SetText(fmt.Sprintf("共%d次", len(v.all)))
	} else {
		v.count.SetText(fmt.Sprintf("显示%d次，共%d次", len(v.shown), len(v.all)))
	}
	v.table.refresh()
}

// sortBy orders the sessions by a column, as the header asks.
func (v *sessionsView) sortBy(col int, desc bool) {
	sortSessions(v.shown, col, desc)
	v.table.refresh()
}

// sortSessions orders rows by a column as the shared tables do (参训人数
// by value, text by 拼音).
func sortSessions(rows []sessionRow, col int, desc bool) {
	if col < 0 || col >= sessionColumnCount {
		return
	}
	sortRowsBy(rows, col, desc, func(i int) string { return rows[i].cells[col] })
}
