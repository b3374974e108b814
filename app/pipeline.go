package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The 发展党员 board: how many people stand at each stage (rules.StageOf)
// in each branch, a cell of which filters the list of people below it;
// the list is searched by 姓名, 拼音 and 工号或学号, its rows checked for a
// batch step and opened on the person's page.

// pipelineTitle is the board's title in the sidebar.
const pipelineTitle = "发展党员"

// The stage choices beside the search box.
const (
	allStages   = "全部阶段"
	earlierFull = "往年已转正"
)

// pipelineStageLabel is the stage as the board heads it: the 正式党员
// counted are those confirmed this year.
func pipelineStageLabel(st vocab.Stage) string {
	if st == vocab.StageFull {
		return "正式党员（本年）"
	}
	return string(st)
}

// pipelineRow is one person of the list.
type pipelineRow struct {
	id       string
	name     string
	staffNo  string
	branchID string
	branch   string
	stage    vocab.Stage
	// earlier marks a 正式党员 confirmed before this year: left out of the
	// counts and of the list unless asked for.
	earlier  bool
	lastStep string
	lastDate string
	next     string
	search   string
	person   data.DevRecord
}

// pipelineScreen is the board.
type pipelineScreen struct {
	u        *UI
	loads    *loader
	all      []pipelineRow
	shown    []pipelineRow
	branches []data.BranchRef
	counts   pipelineCounts
	checked  map[string]bool
	rules    rules.DevRules    // the version in force, as last read
	due      map[string]string // applicant id → this month's DEV- to-dos
	dueLoads *loader

	search *escEntry
	branch *branchSelect
	stage  *widget.Select
	count  *widget.Label
	batch  *widget.Button
	grid   *widget.Table
	list   *widget.Table

	page      *personPage // the person's page last opened
	lastBatch *batchRun   // the batch last run
}

// pipelineCounts are the board's counts: per branch row (in the order of
// the branches, then the total) and stage column (vocab.Stages, then the
// total).
type pipelineCounts struct {
	rows  []string // branch ids, "" for the total
	names []string
	n     [][]int
}

var pipelineListColumns = []string{"选择", "姓名", "工号或学号", "所在支部", "阶段", "下一步", "本月待办", "最近步骤"}

func newPipelineScreen(u *UI) fyne.CanvasObject {
	s := &pipelineScreen{u: u, loads: newLoader(u), dueLoads: newLoader(u), checked: map[string]bool{}}
	u.keep("pipeline", s)
	s.search = newEntry()
	s.search.SetPlaceHolder("搜索姓名、拼音首字母、公民身份号码或工号学号")
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.applyFilter() }
	options := []string{allStages}
	for _, st := range vocab.Stages {
		options = append(options, pipelineStageLabel(st))
	}
	s.stage = widget.NewSelect(append(options, earlierFull), func(string) { s.applyFilter() })
	s.stage.SetSelected(allStages)
	s.count = widget.NewLabel("正在读取…")
	add := widget.NewButton("新增入党申请人", func() { s.openApplicant("") })
	add.Importance = widget.HighImportance
	s.batch = widget.NewButton("批量记录…", s.openBatch)
	s.batch.Disable()
	all := widget.NewButton("全选", func() {
		for _, r := range s.shown {
			s.checked[r.id] = true
		}
		s.showChecked()
	})
	none := widget.NewButton("清除选择", func() {
		s.checked = map[string]bool{}
		s.showChecked()
	})
	if u.inCommittee() {
		add.Hide()
		s.batch.Hide()
		all.Hide()
		none.Hide()
	}
	s.grid = s.newGrid()
	s.list = s.newList()
	// Room for a branch's name; the count after the buttons, so that they
	// stay where they are as it changes.
	branch := container.NewGridWrap(fyne.NewSize(260, s.branch.MinSize().Height), s.branch.Select)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(branch, s.stage), s.search),
		container.NewHBox(add, s.batch, all, none, s.count))
	split := container.NewVSplit(s.grid, s.list)
	split.Offset = 0.35
	s.load()
	return u.scoped(container.NewBorder(top, nil, nil, nil, split), s.load)
}

// newGrid is the table of counts: a branch a row, a stage a column.
func (s *pipelineScreen) newGrid() *widget.Table {
	cols := len(vocab.Stages) + 2
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.counts.rows), cols },
		func() fyne.CanvasObject { return newHoverText() },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*hoverText).SetText(s.gridCell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.SetText("支部")
		case id.Col <= len(vocab.Stages):
			l.SetText(pipelineStageLabel(vocab.Stages[id.Col-1]))
		default:
			l.SetText("合计")
		}
	}
	t.SetColumnWidth(0, s.branchColumnWidth(nil))
	for i := 1; i < cols; i++ {
		title := "合计"
		if i <= len(vocab.Stages) {
			title = pipelineStageLabel(vocab.Stages[i-1])
		}
		t.SetColumnWidth(i, textWidth(title))
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		s.filterByCell(id.Row, id.Col)
	}
	return t
}

// branchColumnWidth is the width of the counts' 支部 column: the longest
// name whole, up to what the table leaves beside the stages' columns (220
// before it is laid out: 1024 wide); a longer name is cut with … and shown
// whole under the mouse.
func (s *pipelineScreen) branchColumnWidth(names []string) float32 {
	room := float32(220)
	if s.grid != nil && s.grid.Size().Width > 0 {
		room = s.grid.Size().Width - theme.Padding()
		for _, st := range vocab.Stages {
			room -= textWidth(pipelineStageLabel(st)) + theme.Padding()
		}
		room -= textWidth("合计") + theme.Padding()
	}
	w := float32(120)
	for _, n := range names {
		w = max(w, textWidth(n))
	}
	return max(min(w, room), 120)
}

// gridCell is a cell of the counts.
func (s *pipelineScreen) gridCell(row, col int) string {
	if row < 0 || row >= len(s.counts.rows) {
		return ""
	}
	if col == 0 {
		return s.counts.names[row]
	}
	if col-1 < len(s.counts.n[row]) {
		return strconv.Itoa(s.counts.n[row][col-1])
	}
	return ""
}

// filterByCell shows in the list the people of the cell: its branch (every
// one on the total's row) at its stage (every one in the 支部 and 合计
// columns).
func (s *pipelineScreen) filterByCell(row, col int) {
	if row < 0 || row >= len(s.counts.rows) {
		return
	}
	if id := s.counts.rows[row]; id == "" {
		s.branch.SetSelected(allBranches)
	} else {
		s.branch.choose(id)
	}
	if col >= 1 && col <= len(vocab.Stages) {
		s.stage.SetSelected(pipelineStageLabel(vocab.Stages[col-1]))
	} else {
		s.stage.SetSelected(allStages)
	}
	s.applyFilter()
}

// newList is the list of people: a check box to choose them for a batch
// step, then their particulars; a click on a particular opens the page.
func (s *pipelineScreen) newList() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.shown), len(pipelineListColumns) },
		func() fyne.CanvasObject {
			c := widget.NewCheck("", nil)
			return container.NewStack(c, newHoverText())
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			c, l := box.Objects[0].(*widget.Check), box.Objects[1].(*hoverText)
			if id.Row < 0 || id.Row >= len(s.shown) {
				return
			}
			r := s.shown[id.Row]
			if id.Col == 0 {
				l.Hide()
				c.Show()
				c.OnChanged = nil
				c.SetChecked(s.checked[r.id])
				if s.u.inCommittee() {
					c.Disable()
				}
				c.OnChanged = func(on bool) { s.check(r.id, on) }
				return
			}
			c.Hide()
			l.Show()
			if id.Col == 6 {
				l.SetText(s.due[r.id])
				return
			}
			l.SetText(r.cell(id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(pipelineListColumns) {
			o.(*widget.Label).SetText(pipelineListColumns[id.Col])
		}
	}
	// 本月待办 before 最近步骤, so that it is on screen 1024 wide; a text
	// cut with … shows whole under the mouse.
	for i, w := range []float32{44, 72, textWidth("U2023012345"), 120, textWidth("入党积极分子"),
		textWidth(string(vocab.StepIntroducers)), 280, 190} {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row < 0 || id.Row >= len(s.shown) {
			return
		}
		if id.Col == 0 {
			if !s.u.inCommittee() {
				s.check(s.shown[id.Row].id, !s.checked[s.shown[id.Row].id])
				t.RefreshItem(id)
			}
			return
		}
		s.openPerson(s.shown[id.Row].id)
	}
	return t
}

// cell is the text of a column of the list.
func (r pipelineRow) cell(col int) string {
	switch col {
	case 1:
		return r.name
	case 2:
		return r.staffNo
	case 3:
		return r.branch
	case 4:
		return string(r.stage)
	case 5:
		return r.next
	case 7:
		return strings.TrimSpace(r.lastDate + " " + r.lastStep)
	}
	return ""
}

// check chooses a person for a batch step, or leaves them out.
func (s *pipelineScreen) check(id string, on bool) {
	if on {
		s.checked[id] = true
	} else {
		delete(s.checked, id)
	}
	s.showBatch()
}

// showChecked shows the check boxes anew and the batch button's count.
func (s *pipelineScreen) showChecked() {
	s.list.Refresh()
	s.showBatch()
}

func (s *pipelineScreen) showBatch() {
	n := len(s.checkedIDs())
	if n == 0 {
		s.batch.SetText("批量记录…")
		s.batch.Disable()
		return
	}
	s.batch.SetText(fmt.Sprintf("批量记录…（%d人）", n))
	s.batch.Enable()
}

// checkedIDs are the people checked still on the board, in the list's
// order.
func (s *pipelineScreen) checkedIDs() []string {
	var out []string
	for _, r := range s.all {
		if s.checked[r.id] {
			out = append(out, r.id)
		}
	}
	return out
}

// boardData is what the board reads.
type boardData struct {
	rows     []pipelineRow
	branches []data.BranchRef
	counts   pipelineCounts
	rules    rules.DevRules
}

// load reads the pipeline off the UI goroutine.
func (s *pipelineScreen) load() {
	store, orgID := s.u.store, s.u.orgScopeID()
	load(s.loads, func(ctx context.Context) (boardData, error) {
		branches, err := branchRefsIn(ctx, store, orgID)
		if err != nil {
			return boardData{}, err
		}
		people, err := store.PipelineBoard(ctx, orgID)
		if err != nil {
			return boardData{}, err
		}
		d, err := store.DevRules(ctx)
		if err != nil {
			return boardData{}, err
		}
		rows := pipelineRows(people, branches, d, store.Now())
		return boardData{rows: rows, branches: branches, counts: countPipeline(rows, branches), rules: d}, nil
	}, func(d boardData, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.all, s.branches, s.counts, s.rules = d.rows, d.branches, d.counts, d.rules
		s.branch.set(d.branches)
		for id := range s.checked {
			if !s.has(id) {
				delete(s.checked, id)
			}
		}
		s.grid.SetColumnWidth(0, s.branchColumnWidth(d.counts.names))
		s.grid.Refresh()
		s.applyFilter()
		s.showBatch()
		s.loadDue()
	})
}

// loadDue reads this month's DEV- to-dos (the findings marked Due) of
// the people, after the board shows: the check of the year takes longer
// than the board's own read.
func (s *pipelineScreen) loadDue() {
	store, orgID, u := s.u.store, s.u.orgScopeID(), s.u
	load(s.dueLoads, func(ctx context.Context) (map[string]string, error) {
		now := store.Now()
		fig, err := u.figuresIn(ctx, store, orgID, now.Year(), appcore.CheckDay(now.Year(), now))
		if err != nil {
			return nil, err
		}
		return dueOf(fig.Findings()), nil
	}, func(due map[string]string, err error) {
		if err != nil {
			return // the board stands without the to-dos; the 工作台 says why
		}
		s.due = due
		s.list.Refresh()
	})
}

// dueOf gathers the DEV- to-dos by person, joined with ；.
func dueOf(fs []rules.Finding) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		if !f.Rule.IsDev() || !f.Due || f.ApplicantID == "" {
			continue
		}
		if out[f.ApplicantID] != "" {
			out[f.ApplicantID] += "；"
		}
		out[f.ApplicantID] += dueText(f.Detail)
	}
	return out
}

// dueText is a to-do's text without the 「本月待办：」 it starts with (the
// column, the tab and the person's page say it once).
func dueText(detail string) string {
	return strings.TrimPrefix(detail, "本月待办：")
}

// has reports whether the person is on the board.
func (s *pipelineScreen) has(id string) bool {
	for _, r := range s.all {
		if r.id == id {
			return true
		}
	}
	return false
}

// pipelineRows makes the list's rows, ordered by branch then 姓名.
func pipelineRows(people []data.DevRecord, branches []data.BranchRef, d rules.DevRules, now time.Time) []pipelineRow {
	place, labels := branchPlaces(branches)
	rows := make([]pipelineRow, len(people))
	for i, p := range people {
		a := p.Applicant
		stage := rules.StageOf(p.Person.Steps)
		r := pipelineRow{id: a.ID, name: a.Name, staffNo: a.StaffNo, branchID: string(a.BranchID),
			branch: labels[string(a.BranchID)], stage: stage, person: p,
			search: strings.ToLower(a.Name + "\x00" + a.StaffNo + "\x00" + a.IDNumber + "\x00" + searchKey(a.Name))}
		if stage == vocab.StageFull {
			r.earlier = rules.ConfirmedDay(p.Person.Steps, d).Year() < now.Year()
		}
		if n := len(p.Steps); n > 0 {
			last := p.Steps[n-1]
			r.lastStep, r.lastDate = last.Step, last.Date.String()
		}
		r.next = string(firstNext(nextSteps(p.Steps)))
		rows[i] = r
	}
	sortPipelineRows(rows, place)
	return rows
}

// sortPipelineRows orders rows by the branches' order, then by 姓名 as
// labels are ordered.
func sortPipelineRows(rows []pipelineRow, place map[string]int) {
	keys := make(map[string]string, len(rows))
	for _, r := range rows {
		keys[r.id] = hanzi.PinyinKey(r.name)
	}
	slices.SortStableFunc(rows, func(a, b pipelineRow) int {
		if c := placeOf(place, a.branchID) - placeOf(place, b.branchID); c != 0 {
			return c
		}
		return strings.Compare(keys[a.id], keys[b.id])
	})
}

// countPipeline counts the people of each branch at each stage; the
// branches with nobody are listed too, the total last.
func countPipeline(rows []pipelineRow, branches []data.BranchRef) pipelineCounts {
	c := pipelineCounts{}
	at := map[string]int{}
	for _, b := range branches {
		at[b.ID] = len(c.rows)
		c.rows = append(c.rows, b.ID)
		c.names = append(c.names, b.Label)
		c.n = append(c.n, make([]int, len(vocab.Stages)+1))
	}
	c.rows = append(c.rows, "")
	c.names = append(c.names, "合计")
	c.n = append(c.n, make([]int, len(vocab.Stages)+1))
	total := len(c.rows) - 1
	for _, r := range rows {
		if r.earlier {
			continue
		}
		col := r.stage.Rank()
		if col < 0 {
			continue
		}
		for _, row := range []int{at[r.branchID], total} {
			if _, ok := at[r.branchID]; !ok && row != total {
				continue
			}
			c.n[row][col]++
			c.n[row][len(vocab.Stages)]++
		}
	}
	return c
}

// applyFilter shows the people of the branch and stage chosen matching
// the search.
func (s *pipelineScreen) applyFilter() {
	if s.list == nil {
		return
	}
	terms := searchTerms(s.search.Text)
	branchID, stage := s.branch.id(), s.stage.Selected
	s.shown = s.shown[:0]
	for _, r := range s.all {
		switch {
		case branchID != "" && r.branchID != branchID:
			continue
		case stage == earlierFull:
			if !r.earlier {
				continue
			}
		case r.earlier:
			continue
		case stage != allStages && stage != "" && pipelineStageLabel(r.stage) != stage:
			continue
		}
		if !holdsAll(r.search, terms) {
			continue
		}
		s.shown = append(s.shown, r)
	}
	s.count.SetText(countText(len(s.shown), len(s.all), "人"))
	s.list.Refresh()
}

// row is the person's row on the board.
func (s *pipelineScreen) row(id string) (pipelineRow, bool) {
	for _, r := range s.all {
		if r.id == id {
			return r, true
		}
	}
	return pipelineRow{}, false
}

// nextSteps are the steps the order of the 细则 allows the person now
// (rules.NextSteps), the natural next one first. The rules (CheckDevStep)
// say whether one may be taken on a given day.
func nextSteps(steps []data.DevStep) []vocab.DevStep {
	rs := make([]rules.Step, len(steps))
	for i := range steps {
		rs[i] = steps[i].RuleStep()
	}
	rules.SortSteps(rs)
	return rules.NextSteps(rs)
}

// firstNext is the first of the steps offered that is no 思想汇报 or
// 培养考察 (those come again and again): the step the person is waiting
// for; "" when none.
func firstNext(next []vocab.DevStep) vocab.DevStep {
	for _, k := range next {
		if !k.Recurring() && k != vocab.StepEnd {
			return k
		}
	}
	return ""
}

// devRules is the version of the DEV- rules in force, as last read (the
// 2014 one before the first read).
func (s *pipelineScreen) devRules() rules.DevRules {
	if s.rules.Version == "" {
		return rules.Rules2014()
	}
	return s.rules
}

// textWidth is how wide a cell must be to show the text whole.
func textWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 4
}
