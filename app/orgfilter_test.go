package app

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// twoOrgs is the committee's window over a consolidated database of two
// organizations, each with a 第一党支部 and a member named 王建国, with
// their own databases beside it.
type twoOrgs struct {
	u      *UI
	q      *uiQueue
	name   [2]string            // the organizations, in the filter's order
	id     [2]string            // their ids
	own    [2]*data.Store       // their own databases
	people [2]map[string]string // member id → name, per organization
	branch [2]string            // the id of each one's 第一党支部
	empty  string               // the id of an organization without branches, when asked for
}

// newTwoOrgs builds the organizations (the second with a training
// requirement of its own), and with empty a third of that name without
// branches, consolidates them and opens the committee's window on the
// result, in a window of size.
func newTwoOrgs(t *testing.T, size fyne.Size, empty ...string) *twoOrgs {
	t.Helper()
	ctx := context.Background()
	dir, _ := committeeFolder(t, "口令")
	f := &twoOrgs{name: [2]string{"计算机学院党委", "外国语学院党委"}} // by 拼音: ji before wai
	now := time.Now()
	staff := [2][]string{{"王建国", "李红梅"}, {"王建国", "张伟", "赵强"}}
	var snaps []string
	for i, org := range f.name {
		s, err := data.Create(ctx, filepath.Join(t.TempDir(), "own.db"), org, "O"+strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		f.own[i], f.id[i], f.people[i] = s, s.Org().ID, map[string]string{}
		if i == 1 {
			if err := s.SetSetting(ctx, "train.hours", "8"); err != nil {
				t.Fatal(err)
			}
		}
		b := &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		f.branch[i] = b.ID
		var ids []string
		for j, name := range staff[i] {
			birth := time.Date(1980+j, 3, 4, 0, 0, 0, 0, time.UTC)
			m := &data.Member{BranchID: data.Ref(b.ID), Name: name, StaffNo: "T" + strconv.Itoa(i) + strconv.Itoa(j),
				IDNumber: field.MakeIDNumber("420106", birth, 10*i+j, j%2 == 0), Category: string(vocab.CategoryFull),
				PersonType: string(vocab.PersonStaff), JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1)}
			if err := s.Members.Create(ctx, m); err != nil {
				t.Fatal(err)
			}
			f.people[i][m.ID] = name
			ids = append(ids, m.ID)
		}
		day := data.NewDate(now.Year(), now.Month(), 1)
		tr := &data.Training{Date: day, Hours: float64(3 + 2*i), Form: string(vocab.FormCourse), Topic: org + "专题培训",
			Organizer: "第一党支部"}
		if err := s.RecordTraining(ctx, tr, ids[:1+i]); err != nil {
			t.Fatal(err)
		}
		att := map[string]string{}
		for _, id := range ids {
			att[id] = string(vocab.Present)
		}
		mt := &data.Meeting{BranchID: data.Ref(b.ID), Kind: string(vocab.MeetingThemeDay), Date: day, Topic: org + "主题党日"}
		if err := s.SaveMeeting(ctx, mt, att); err != nil {
			t.Fatal(err)
		}
		month := day.Format("2006-01")
		if err := s.PayDues(ctx, ids[0], month, data.Yuan(int64(10+i)), day); err != nil {
			t.Fatal(err)
		}
		snap := filepath.Join(t.TempDir(), "org.snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, snap)
	}
	for _, name := range empty {
		s, err := data.Create(ctx, filepath.Join(t.TempDir(), "own.db"), name, "E")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		f.empty = s.Org().ID
		snap := filepath.Join(t.TempDir(), "org.snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, snap)
	}
	if err := data.Merge(ctx, filepath.Join(dir, snapshot.MergedFile), snaps); err != nil {
		t.Fatal(err)
	}
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openMerged(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(size)
	f.q = &uiQueue{}
	f.u = newCommitteeUI(a, w, c, store, f.q.post)
	t.Cleanup(func() { f.u.store.Close() })
	f.q.settle(f.u)
	return f
}

// open shows the screen with the title and waits for its reads.
func (f *twoOrgs) open(t *testing.T, title string) {
	t.Helper()
	openScreen(t, f.u, title)
	f.q.settle(f.u)
}

// choose picks an organization (-1 for 全部组织) in the filter shown.
func (f *twoOrgs) choose(t *testing.T, org int) {
	t.Helper()
	filter := f.u.scope.filter
	if filter == nil {
		t.Fatal("no 二级党组织 filter on the screen")
	}
	if org < 0 {
		filter.choose("")
	} else {
		filter.choose(f.id[org])
	}
	f.q.settle(f.u)
}

// orgOf is the organization (0 or 1) of a member id, -1 when neither's.
func (f *twoOrgs) orgOf(id string) int {
	for i := range f.people {
		if _, ok := f.people[i][id]; ok {
			return i
		}
	}
	return -1
}

func TestCommitteeOrgFilterShowsOneOrganizationOnEveryScreen(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	f.open(t, "党员")
	members := f.u.members
	if len(members.shown) != 5 {
		t.Fatalf("全部组织 shows %d members, want 5", len(members.shown))
	}
	for org := range f.name {
		f.choose(t, org)
		if len(members.shown) != len(f.people[org]) {
			t.Fatalf("%s: %d members shown, want %d", f.name[org], len(members.shown), len(f.people[org]))
		}
		for _, r := range members.shown {
			if f.orgOf(r.id) != org || r.cells[memberOrgCol] != f.name[org] {
				t.Fatalf("%s shows %s of %q", f.name[org], r.cells[0], r.cells[memberOrgCol])
			}
		}
	}

	// The choice carries to the next screen: 外国语学院党委 stays chosen.
	f.open(t, "学习培训")
	if got := f.u.scope.filter.Selected; got != f.name[1] {
		t.Fatalf("学习培训 opens on %q, want %q", got, f.name[1])
	}
	tr := f.u.training
	if len(tr.rows) != len(f.people[1]) {
		t.Fatalf("学习培训 lists %d members, want %d", len(tr.rows), len(f.people[1]))
	}
	for _, r := range tr.rows {
		if f.orgOf(r.id) != 1 || r.branch != "第一党支部" { // the filter names the organization
			t.Fatalf("学习培训 of %s shows %s (%s)", f.name[1], r.name, r.branch)
		}
	}
	if len(tr.sessions.all) != 1 || tr.sessions.all[0].rec.OrgID != f.id[1] {
		t.Fatalf("培训记录 of %s: %v", f.name[1], tr.sessions.all)
	}

	f.open(t, "组织生活")
	ms := f.u.built["meetings"].(*meetingsScreen)
	if len(ms.rows) != 1 || ms.rows[0].meeting.OrgID != f.id[1] || ms.rows[0].branch != "第一党支部" {
		t.Fatalf("组织生活 of %s shows %d meetings: %v", f.name[1], len(ms.rows), ms.rows)
	}
	f.choose(t, 0) // changed here, it changes for every screen
	if len(ms.rows) != 1 || ms.rows[0].meeting.OrgID != f.id[0] {
		t.Fatalf("组织生活 of %s shows %v", f.name[0], ms.rows)
	}

	f.open(t, "党费")
	dues := f.u.built["dues"].(*duesScreen)
	if len(dues.shown) != len(f.people[0]) {
		t.Fatalf("党费 of %s lists %d members, want %d", f.name[0], len(dues.shown), len(f.people[0]))
	}
	for _, r := range dues.shown {
		if f.orgOf(r.line.Member.ID) != 0 {
			t.Fatalf("党费 of %s lists %s", f.name[0], r.line.Member.Name)
		}
	}

	f.open(t, "党员")
	if got := f.u.scope.filter.Selected; got != f.name[0] || len(f.u.members.shown) != len(f.people[0]) {
		t.Fatalf("back on 党员: %q with %d members", got, len(f.u.members.shown))
	}

	// A record screen: the namesake branches, each with its organization.
	f.open(t, "党支部")
	bs := f.u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	orgCells := func() []string {
		var out []string
		for _, i := range bs.shown {
			out = append(out, bs.cells[i][len(bs.cells[i])-1])
		}
		return out
	}
	if got := orgCells(); !slices.Equal(got, []string{f.name[0]}) {
		t.Fatalf("党支部 of %s: %q", f.name[0], got)
	}
	f.choose(t, -1)
	if got := orgCells(); !slices.Equal(got, []string{f.name[0], f.name[1]}) {
		t.Fatalf("党支部 of 全部组织: %q", got)
	}
	bs.sortBy(len(bs.spec.columns), true)
	if got := orgCells(); !slices.Equal(got, []string{f.name[1], f.name[0]}) {
		t.Fatalf("党支部 sorted by 所属组织 descending: %q", got)
	}
}

func TestCommitteeBranchChooserTellsNamesakeBranchesApart(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	f.open(t, "党员")
	s := f.u.members
	labels := [2]string{f.name[0] + data.BranchSeparator + "第一党支部", f.name[1] + data.BranchSeparator + "第一党支部"}
	if want := []string{allBranches, labels[0], labels[1]}; !slices.Equal(s.branch.Options, want) {
		t.Fatalf("the branches offered: %q, want %q", s.branch.Options, want)
	}
	for org, label := range labels {
		s.branch.SetSelected(label)
		if s.branch.id() != f.branch[org] || len(s.shown) != len(f.people[org]) {
			t.Fatalf("%s shows %d members", label, len(s.shown))
		}
		for _, r := range s.shown {
			if f.orgOf(r.id) != org || r.cells[2] != label {
				t.Fatalf("%s shows %s of %s", label, r.cells[0], r.cells[2])
			}
		}
	}
	// The namesakes 王建国 are told apart by their organization.
	s.branch.SetSelected(allBranches)
	test.Type(s.search, "王建国")
	if len(s.shown) != 2 || s.shown[0].cells[memberOrgCol] == s.shown[1].cells[memberOrgCol] {
		t.Fatalf("the two 王建国: %v", s.shown)
	}
	s.search.SetText("王建国 " + f.name[1])
	if len(s.shown) != 1 || f.orgOf(s.shown[0].id) != 1 {
		t.Fatalf("王建国 of %s: %v", f.name[1], s.shown)
	}
	s.search.SetText("")

	// With one organization chosen, only its branch is offered, by its
	// own name: the filter names the organization.
	f.choose(t, 1)
	if want := []string{allBranches, "第一党支部"}; !slices.Equal(s.branch.Options, want) {
		t.Fatalf("%s offers %q, want %q", f.name[1], s.branch.Options, want)
	}
	f.open(t, "组织生活")
	ms := f.u.built["meetings"].(*meetingsScreen)
	if want := []string{allBranches, "第一党支部"}; !slices.Equal(ms.branch.Options, want) {
		t.Fatalf("组织生活 of %s offers %q, want %q", f.name[1], ms.branch.Options, want)
	}
}

func TestCommitteeMemberListSortsByOrganization(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	f.open(t, "党员")
	s := f.u.members
	s.sortRows(memberOrgCol, false)
	var orgs []string
	for _, r := range s.shown {
		orgs = append(orgs, r.cells[memberOrgCol])
	}
	want := []string{f.name[0], f.name[0], f.name[1], f.name[1], f.name[1]}
	if !slices.Equal(orgs, want) {
		t.Fatalf("sorted by 所属组织: %q, want %q", orgs, want)
	}
	s.sortRows(memberOrgCol, true)
	if s.shown[0].cells[memberOrgCol] != f.name[1] {
		t.Fatalf("sorted by 所属组织 descending starts with %q", s.shown[0].cells[memberOrgCol])
	}
}

func TestCommitteeDashboardShowsTheOrganizationsOwnFigures(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	f.open(t, "工作台")
	s := f.u.built["dashboard"].(*dashboardScreen)
	ctx := context.Background()
	year := f.u.store.Now().Year()
	for org := range f.name {
		f.choose(t, org)
		own := f.own[org]
		fig, err := own.Figures(ctx, year, appcore.CheckDay(year, own.Now()))
		if err != nil {
			t.Fatal(err)
		}
		branches, err := own.BranchRefs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d := dashboardFrom(fig, year, own.Now(), branches)
		want := dashboardSummary(d.findings, d.score)
		if open := fig.Summary().Open(); want[:len("待整改问题"+strconv.Itoa(open)+"项")] != "待整改问题"+strconv.Itoa(open)+"项" {
			t.Errorf("%s: its own 工作台 says %q, its 待整改问题 are %d", f.name[org], want, open)
		}
		if s.summary.Text != want {
			t.Errorf("工作台 of %s: %q, its own database: %q", f.name[org], s.summary.Text, want)
		}
		if got, want := s.trainingTitle.Text, "学习培训学时达标率（"+strconv.Itoa(d.set.TrainingHours); len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("工作台 of %s: %q, its own requirement %d", f.name[org], got, d.set.TrainingHours)
		}
		if got := barLabels(s.training); !slices.Equal(got, []string{"第一党支部"}) {
			t.Errorf("工作台 of %s charts %q", f.name[org], got)
		}
		for _, g := range s.groups.byRule {
			for _, fd := range g.findings {
				if fd.MemberID != "" && f.orgOf(fd.MemberID) != org {
					t.Errorf("工作台 of %s lists a finding of another organization: %s", f.name[org], fd.Detail)
				}
			}
		}
	}
}

func TestCommitteeModeChangesNoRecord(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	for _, title := range []string{"党员", "学习培训", "组织生活", "谈心谈话", "党支部", "民主评议"} {
		f.open(t, title)
		for _, text := range []string{"新增", "新增党员", "新增培训"} {
			if b := findButtonOrNil(f.u, text); b != nil && b.Visible() {
				t.Errorf("%s offers %s in committee mode", title, text)
			}
		}
		if findLabel(f.u, viewOnlyNote) == nil {
			t.Errorf("%s does not say the records are the organizations'", title)
		}
	}
	f.open(t, "党费")
	dues := f.u.built["dues"].(*duesScreen)
	dues.table.OnSelected(widget.TableCellID{Row: 0, Col: duesColMonth1})
	f.q.settle(f.u)
	if f.u.win.Canvas().Overlays().Top() != nil {
		t.Error("a month of 党费 opens for payment in committee mode")
	}
	f.open(t, "导入导出")
	for _, text := range []string{"检查", "导入", "只导入有效的行"} {
		if b := findButtonOrNil(f.u, text); b != nil && b.Visible() {
			t.Errorf("导入导出 offers %s in committee mode", text)
		}
	}
	f.open(t, "党员")
	for _, it := range f.u.members.table.rowMenu(0).Items {
		if it.Label == "删除" {
			t.Fatal("a member can be deleted in committee mode")
		}
	}
	// Opening a row shows it, with nothing to save.
	opened := map[string]func(){
		"党员": func() { f.u.members.table.act.open(0) },
		"党支部": func() {
			f.u.recordScreen.(*recordScreen[data.Branch, *data.Branch]).openRow(0)
		},
		"组织生活": func() { f.u.built["meetings"].(*meetingsScreen).openRow(0) },
		"学习培训": func() { f.u.training.sessions.open(0) },
	}
	for _, title := range []string{"党员", "党支部", "组织生活", "学习培训"} {
		f.open(t, title)
		opened[title]()
		f.q.settle(f.u)
		overlay := f.u.win.Canvas().Overlays().Top()
		if overlay == nil {
			t.Fatalf("opening a row of %s shows nothing", title)
		}
		var note, save bool
		walkObjects(overlay, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == viewOnlyNote {
				note = true
			}
			if b, ok := o.(*widget.Button); ok && b.Text == "保存" {
				save = true
			}
		})
		if !note || save {
			t.Errorf("a row of %s opens with the note %v and 保存 %v", title, note, save)
		}
		f.u.win.Canvas().Overlays().Remove(overlay)
	}
}

func TestCommitteeOrgFilterFitsA1024x768Screen(t *testing.T) {
	f := newTwoOrgs(t, smallScreen)
	scoped := []string{"工作台", "党员", "党支部", "党小组", "学习培训", "组织生活", string(vocab.MeetingAppraisal), "目标管理",
		"党费", "组织关系转接", "谈心谈话", "关心关爱", "联系群众", "干部监督", "意见建议", "先进典型", "培训计划", "经费", "回收站"}
	for i, sc := range f.u.screens {
		if !slices.Contains(scoped, sc.title) {
			continue
		}
		f.u.open(i)
		f.q.settle(f.u)
		room := f.u.content.Size()
		if min := f.u.shown.MinSize(); min.Width > room.Width || min.Height > room.Height {
			t.Errorf("%s needs %.0f×%.0f in committee mode, more than the %.0f×%.0f of a 1024×768 screen",
				sc.title, min.Width, min.Height, room.Width, room.Height)
		}
	}
}

// barLabels are the rows a chart shows, by label.
func barLabels(c *barChart) []string {
	var out []string
	for _, r := range c.rows {
		out = append(out, r.label)
	}
	return out
}

// findButtonOrNil is the button with the text on the window, nil when none.
func findButtonOrNil(u *UI, text string) *widget.Button {
	var found *widget.Button
	walkObjects(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// findLabel is the label with the text on the window, nil when none.
func findLabel(u *UI, text string) *widget.Label {
	var found *widget.Label
	walkObjects(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && found == nil {
			found = l
		}
	})
	return found
}

// walkObjects calls visit on o and everything inside it.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, visit)
		}
	}
}

func TestCommitteeFiguresOfEachOrganizationComeFromOneRead(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	ctx := context.Background()
	year := f.u.store.Now().Year()
	asOf := appcore.CheckDay(year, f.u.store.Now())
	want := make([]rules.Summary, 2)
	for org, own := range f.own {
		fig, err := own.Figures(ctx, year, appcore.CheckDay(year, own.Now()))
		if err != nil {
			t.Fatal(err)
		}
		want[org] = fig.Summary()
	}
	// Screens read at once, from goroutines of their own.
	var wg sync.WaitGroup
	got := make([]rules.Summary, 8)
	errs := make([]error, 8)
	for i := range got {
		wg.Go(func() {
			fig, err := f.u.figuresIn(ctx, f.u.store, f.id[i%2], year, asOf)
			if errs[i] = err; err == nil {
				got[i] = fig.Summary()
			}
		})
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !reflect.DeepEqual(got[i], want[i%2]) {
			t.Errorf("%s: %+v, its own database: %+v", f.name[i%2], got[i], want[i%2])
		}
	}
	if n := len(f.u.scope.facts); n != 1 {
		t.Errorf("the year's facts were kept %d times, want once", n)
	}
	if _, err := f.u.figuresIn(ctx, f.u.store, "no-such-org", year, asOf); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("an organization not there: %v", err)
	}
}

func TestAnOrganizationsOwnWindowHasNoOrganizationFilter(t *testing.T) {
	u, q := newTestUI(t)
	for _, title := range []string{"工作台", "党员", "学习培训", "组织生活", "党费", "谈心谈话", "回收站"} {
		openScreen(t, u, title)
		q.settle(u)
		if findLabel(u, "二级党组织") != nil || findLabel(u, viewOnlyNote) != nil || u.scope.filter != nil {
			t.Errorf("%s shows the committee's organization filter", title)
		}
	}
	openScreen(t, u, "党员")
	q.settle(u)
	if len(u.members.table.cols) != len(memberColumns) {
		t.Errorf("党员 has %d columns, want %d", len(u.members.table.cols), len(memberColumns))
	}
	if b := findButtonOrNil(u, "新增党员"); b == nil || !b.Visible() {
		t.Error("党员 offers no 新增党员")
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	talks := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	if len(talks.table.cols) != len(talks.spec.columns) {
		t.Errorf("谈心谈话 has %d columns, want %d", len(talks.table.cols), len(talks.spec.columns))
	}
}

func TestCommitteeOrganizationWithoutBranchesShowsNone(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800), "新成立学院党委")
	for _, title := range []string{string(vocab.MeetingAppraisal), "目标管理"} {
		f.open(t, title)
		f.choose(t, 1)
		rows := func() int {
			if title == "目标管理" {
				return len(f.u.built["agreement"].(*agreementScreen).rows)
			}
			return len(f.u.built["appraisal"].(*appraisalScreen).rows)
		}
		if rows() != len(f.people[1]) {
			t.Fatalf("%s of %s lists %d members, want %d", title, f.name[1], rows(), len(f.people[1]))
		}
		f.u.scope.filter.choose(f.empty)
		f.q.settle(f.u)
		if rows() != 0 {
			t.Errorf("%s of an organization without branches lists %d members of another", title, rows())
		}
		f.choose(t, 1)
		if rows() != len(f.people[1]) {
			t.Errorf("%s of %s again lists %d members", title, f.name[1], rows())
		}
	}
}
