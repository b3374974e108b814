package app

import (
	"context"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/documents"
	"dangjian/reports/sheets"
)

// The cross-surface test: for one organization, the 党费, 学习培训 and
// 组织生活 screens, their PDF ledgers and the summary sheets of their
// exports show the same figures, those of the one calculator
// (store.Figures), which are in turn the ones worked out by hand for the
// organization of surfacesStore. A surface that counted on its own would
// differ here: it would charge the member transferred in for the months
// before 党费交至, the one transferred out after May, the one admitted in
// March before March, or the month under way, would count 个人自学, ask 32
// 学时 of a 书记 or of a member counted from mid-year, or count January as
// without a 主题党日 when the meeting records start in February.

// surfacesUI opens the window on the organization of surfacesStore.
func surfacesUI(t *testing.T) (*UI, *uiQueue, *data.Store) {
	t.Helper()
	store := surfacesStore(t)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(w.Canvas().Size().AddWidthHeight(1280, 860))
	q := &uiQueue{}
	u := newUI(a, w, store, q.post)
	q.settle(u)
	return u, q, store
}

// surfacesFigures is the calculator's figures of the year as of the check
// day, as every surface takes them.
func surfacesFigures(t *testing.T, s *data.Store) *rules.Figures {
	t.Helper()
	fig, err := s.Figures(context.Background(), surfacesYear, appcore.CheckDay(surfacesYear, s.Now()))
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

// branchIDs are the organization's branches, name → id.
func branchIDs(t *testing.T, s *data.Store) map[string]string {
	t.Helper()
	refs, err := s.BranchRefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, r := range refs {
		ids[r.Name] = r.ID
	}
	return ids
}

// agree fails unless every surface shows want.
func agree[T any](t *testing.T, what string, want T, surfaces map[string]T) {
	t.Helper()
	for name, got := range surfaces {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s on %s:\n got %+v\nwant %+v", what, name, got, want)
		}
	}
}

func TestDuesTotalsAreTheSameOnTheScreenThePDFAndTheSheet(t *testing.T) {
	u, q, store := surfacesUI(t)
	ids := branchIDs(t, store)
	names := []string{staffBranch, studentBranch}

	// By hand, as of 15 September (January to August over): 王建国 9×50
	// paid (September paid ahead counts); 李红梅 8×15 owed, 5 paid; 陈转入
	// from May (党费交至 April) 4×120, 2 paid; 刘转出 to May 5×40, 3 paid;
	// 张新 from March 6×0.20, 5 paid; 赵免 免交; 孙学 8×0.20 paid.
	want := duesByBranch{
		staffBranch:   {125000, 88500, 36500},
		studentBranch: {280, 260, 20},
		"":            {125280, 88760, 36520},
	}
	ledger := surfacesFigures(t, store).DuesLedger()
	calc := duesByBranch{"": {ledger.Org.Due, ledger.Org.Paid, ledger.Org.Arrears}}
	for name, id := range ids {
		b := ledger.Branches[id]
		calc[name] = duesSums{b.Due, b.Paid, b.Arrears}
	}

	showScreen(u, newDuesScreen)
	q.settle(u)
	screen := u.built["dues"].(*duesScreen)
	agree(t, "应缴, 实缴, 欠缴", want, map[string]duesByBranch{
		"the calculator": calc,
		"the 党费 screen":  screenDues(t, screen, ids),
		"the 党费收缴台账":     pdfDues(t, pdfText(t, store, documents.Dues), names),
		"the 收缴汇总 sheet": sheetDues(t, sheetRows(t, store, sheets.Dues)),
	})
}

func TestTrainingHoursAreTheSameOnTheScreenThePDFAndTheSheet(t *testing.T) {
	u, q, store := surfacesUI(t)
	names := []string{"王建国", "李红梅", "陈转入", "张新", "赵免", "孙学"}

	// By hand: 个人自学 does not count; the 书记 needs 56; 陈转入 arrived
	// in April (9 months: 24), 张新 was admitted in March (10 months: 27);
	// 刘转出 left and is not counted.
	want := map[string]hoursFig{
		"王建国": {24, 56, true, true},
		"李红梅": {34, 32, true, false},
		"陈转入": {26, 24, true, false},
		"张新":  {8, 27, true, true},
		"赵免":  {34, 32, true, false},
		"孙学":  {8, 32, true, true},
	}
	calc := map[string]hoursFig{}
	for _, h := range surfacesFigures(t, store).TrainingHours() {
		calc[h.Member.Name] = hoursFig{h.Hours, h.Required, h.Checked, h.Short()}
	}

	openScreen(t, u, "学习培训")
	q.settle(u)
	agree(t, "学时", want, map[string]map[string]hoursFig{
		"the calculator":  calc,
		"the 学习培训 screen": screenHours(u.training),
		"the 学习培训台账":      pdfHours(t, pdfText(t, store, documents.Training), names),
		"the 学时汇总 sheet":  sheetHours(t, sheetRows(t, store, sheets.Training)),
	})
}

func TestThemeDayGapsAreTheSameOnTheScreenThePDFAndTheSheet(t *testing.T) {
	u, q, store := surfacesUI(t)
	names := []string{staffBranch, studentBranch}

	// By hand: the records start in February, so January is not missing;
	// 教工 held none in March and June, none yet in September; 学生 none in
	// February, September's held.
	want := map[string]themeDayFig{
		staffBranch:   {missing: []int{3, 6}, pending: true},
		studentBranch: {missing: []int{2}},
	}
	calc := map[string]themeDayFig{}
	for _, bm := range surfacesFigures(t, store).Meetings() {
		calc[bm.Branch.Name] = themeDayFig{bm.ThemeDayMissing, bm.ThemeDayPending}
	}

	showScreen(u, newMeetingsScreen)
	q.settle(u)
	screen := u.built["meetings"].(*meetingsScreen)
	agree(t, "主题党日", want, map[string]map[string]themeDayFig{
		"the calculator":  calc,
		"the 组织生活 screen": screenThemeDays(screen.gaps.Text, names),
		"the 组织生活台账":      pdfThemeDays(t, pdfText(t, store, documents.Meetings), names),
		"the 缺项 sheet":    sheetThemeDays(sheetRows(t, store, sheets.Meetings)),
	})
}
