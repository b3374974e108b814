package sheets

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"dangjian/data"

	"github.com/xuri/excelize/v2"
)

// Text typed with Chinese punctuation is stored as typed, never folded to
// half-width; a choice matches whichever width its brackets are typed in;
// digits typed full-width are still read; and importing the same sheet
// again changes nothing.
func TestImportKeepsChinesePunctuation(t *testing.T) {
	fx := newRecordFixture(t)
	ctx := context.Background()
	rows := [][]any{
		{fx.memberID, "李红梅", "出国（境）学习研究", "2025-09-01", "", "英国（伦敦）", "", "导师：张三；每月联系", "", "访学，为期一年"},
		{fx.leaderID, "王建国", "出国(境)学习研究", "２０２５-１０-０１", "", "美国", "", "", "", ""},
	}
	content := book(t, headersOf(Episodes), rows...)
	rep, err := run(t, fx.s, Episodes, content, Options{})
	if err != nil || !rep.Written {
		t.Fatalf("import: %v\n%s", err, problemsText(rep))
	}
	eps, err := fx.s.Episodes.List(ctx, data.OrderBy(data.ColSince))
	if err != nil || len(eps) != 2 {
		t.Fatalf("%d episodes, %v", len(eps), err)
	}
	first, second := eps[0], eps[1]
	if first.Place != "英国（伦敦）" || first.Searches != "导师：张三；每月联系" || first.Note != "访学，为期一年" {
		t.Errorf("texts folded: %q %q %q", first.Place, first.Searches, first.Note)
	}
	for _, e := range eps {
		if e.Kind != "出国（境）学习研究" {
			t.Errorf("kind stored as %q, want the listed value", e.Kind)
		}
	}
	if second.Since.String() != "2025-10-01" {
		t.Errorf("full-width date read as %q", second.Since.String())
	}
	again, err := run(t, fx.s, Episodes, content, Options{})
	if err != nil || again.Created+again.Updated != 0 {
		t.Fatalf("re-import changed rows: %+v %v", again, err)
	}
}

// The 全国党员管理信息系统 export imported back into the database it came
// from changes nothing (its 工作单位及职务 carries 单位职务或院系班级 for a
// member without one), and a member out of contact by an open 失联 episode
// alone is exported as 失联 with the episode's date and circumstances.
func TestNationalExportReimportsUnchangedAndTellsLostMembers(t *testing.T) {
	s := testStore(t)
	ids := seedTwenty(t, s)
	ctx := context.Background()
	ms, err := s.Members.List(ctx, data.Where(data.ColIDNumber, ids[3]))
	if err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	if err := s.Episodes.Create(ctx, &data.Episode{MemberID: data.Ref(ms[0].ID), Kind: "失联",
		Since: data.NewDate(2025, 4, 1), Circumstances: "外出务工经商"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := ExportNational(ctx, s, &buf, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("党员信息")
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := false
	for _, r := range rows[1:] {
		if r[col["公民身份号码"]] == ids[3] {
			found = true
			if r[col["是否为失联党员"]] != "是" || r[col["失去联系日期"]] != "2025-04-01" || r[col["失去联系情形"]] != "外出务工经商" {
				t.Errorf("lost member exported as %q %q %q", r[col["是否为失联党员"]], r[col["失去联系日期"]], r[col["失去联系情形"]])
			}
		} else if r[col["是否为失联党员"]] != "否" {
			t.Errorf("member %s exported as lost", r[col["姓名"]])
		}
	}
	if !found {
		t.Fatal("the lost member is not exported")
	}
	rep, err := run(t, s, Members, buf.Bytes(), Options{DryRun: true, Update: true})
	if err != nil || rep.Updated != 0 || len(rep.Changes) != 0 {
		t.Fatalf("re-import would change: %+v %v", rep.Changes, err)
	}
	rep, err = run(t, s, Members, buf.Bytes(), Options{DryRun: true})
	if err != nil || rep.Updated != 0 {
		t.Fatalf("re-import without --update would change %d members: %v %s", rep.Updated, err, problemsText(rep))
	}
}

// A 出生年月 given as a month, as old rosters have it, takes the day from
// the 公民身份号码; a month the number contradicts is refused.
func TestBirthMonthFromAnOldRoster(t *testing.T) {
	s := testStore(t)
	good := id("420106", 1968, 8, 15, 3, true)
	other := id("420106", 1970, 2, 1, 5, false)
	headers := []string{"姓名", "性别", "出生年月", "身份证号码", "所在党支部", "入党时间", "党员类别", "人员类别"}
	content := book(t, headers,
		[]any{"王建国", "男", "1968.08", good, "一支部", "1995.07.01", "正式党员", "在职教职工"},
		[]any{"李红", "女", "1970.03", other, "一支部", "1996-07-01", "正式党员", "在职教职工"})
	rep, err := run(t, s, Members, content, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, rep, map[[2]string]string{{"3", "出生日期"}: "与公民身份号码中的出生日期不符"})
	rep, err = run(t, s, Members, content, Options{SkipInvalid: true})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	ms, _ := s.Members.List(context.Background(), data.Where(data.ColIDNumber, good))
	if len(ms) != 1 || ms[0].BirthDate.String() != "1968-08-15" {
		t.Fatalf("birth date %v", ms)
	}
}

// 支部委员会, as rosters write it, is the 机构 支委会.
func TestPostOrganByItsFullName(t *testing.T) {
	fx := newRecordFixture(t)
	rep, err := run(t, fx.s, Posts, book(t, headersOf(Posts),
		[]any{fx.leaderID, "王建国", "支部委员会", "书记", "计算机系教工党支部", "2024-06-01", "", ""}), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v %s", rep, err, problemsText(rep))
	}
	ps, _ := fx.s.PostTerms.List(context.Background())
	if len(ps) != 1 || ps[0].Organ != "支委会" {
		t.Fatalf("stored %+v", ps)
	}
}

// A visit is made under a 联系点 in force on its day: one before the link
// began is refused, naming the date.
func TestLeaderVisitOutsideItsLink(t *testing.T) {
	fx := newRecordFixture(t)
	rep, err := run(t, fx.s, LeaderLinks, book(t, headersOf(LeaderLinks),
		[]any{fx.leaderID, "王建国", "班级", "计科2301班", "2026-09-01", "", ""}), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v %s", rep, err, problemsText(rep))
	}
	rep, err = run(t, fx.s, LeaderVisits, book(t, headersOf(LeaderVisits),
		[]any{fx.leaderID, "王建国", "班级", "计科2301班", "2026-08-10", "座谈"},
		[]any{fx.leaderID, "王建国", "班级", "计科2301班", "2026-09-10", "座谈"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, rep, map[[2]string]string{{"2", "日期"}: "不在联系期间内"})
}

// Each record sheet matches rows on the key the store keeps unique, so that
// an export holds no two rows a re-import could not tell apart.
func TestRecordSheetKeysAreTheStoresNaturalKeys(t *testing.T) {
	for _, k := range recordKinds {
		spec := recordSpecs[k]
		rec := spec.table(&data.Tables{}).fresh()
		nk, ok := rec.(interface{ NaturalKey() []string })
		if !ok {
			continue // the liaisons of the leaders' 联系点, kept since before
		}
		if !slices.Equal(nk.NaturalKey(), spec.keyFields) {
			t.Errorf("%s: the sheet's key %v, the store's %v", k, spec.keyFields, nk.NaturalKey())
		}
	}
}
