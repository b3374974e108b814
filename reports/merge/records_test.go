package merge

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/localfs"
)

var testNow = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// testStore is an organization with two branches: 第二党支部 holds 王𬱖 (a
// name outside the BMP), 李雪 (预备党员) and 张三 (transferred out); 第一党支部
// holds 赵玥.
type testStore struct {
	s                 *data.Store
	path              string
	first, second     *data.Branch
	wang, li, zhang   *data.Member
	zhao              *data.Member
	agreement         *data.Agreement
	group             *data.PartyGroup
	outLetter, inLtr  *data.Transfer
	appraisalWang     *data.Appraisal
	appraisalLi       *data.Appraisal
	appraisalLastYear *data.Appraisal
}

func newTestStore(t *testing.T) *testStore {
	t.Helper()
	ctx := context.Background()
	ts := &testStore{path: filepath.Join(t.TempDir(), "org.db")}
	s, err := data.Create(ctx, ts.path, "计算机科学与技术学院党委", "C", data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ts.s = s
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ts.second = &data.Branch{Name: "第二党支部", Type: "教工"}
	must(s.Branches.Create(ctx, ts.second))
	ts.first = &data.Branch{Name: "第一党支部", Type: "教工"}
	must(s.Branches.Create(ctx, ts.first))
	ts.group = &data.PartyGroup{BranchID: data.Ref(ts.second.ID), Name: "第一党小组"}
	must(s.Groups.Create(ctx, ts.group))
	member := func(b *data.Branch, name, staffNo string, seq int, joined, confirmed data.Date, category string) *data.Member {
		birth := time.Date(1985, 5, 1+seq, 0, 0, 0, 0, time.UTC)
		m := &data.Member{BranchID: data.Ref(b.ID), Name: name, PersonType: "在职教职工", StaffNo: staffNo,
			IDNumber: field.MakeIDNumber("110101", birth, seq, seq%2 == 1), JoinedDate: joined, ConfirmedAt: confirmed,
			Category: category, Ethnicity: "汉族", Education: "博士研究生", NativePlace: "江苏南京", Phone: "13800000000",
			Position: "计算机系教师", PartyPost: "组织委员"}
		must(s.Members.Create(ctx, m))
		return m
	}
	ts.wang = member(ts.second, "王𬱖", "T2001", 1, data.NewDate(2005, 6, 1), data.NewDate(2006, 6, 1), "正式党员")
	ts.wang.GroupID = data.Ref(ts.group.ID)
	must(s.Members.Update(ctx, ts.wang))
	ts.li = member(ts.second, "李雪", "T2002", 2, data.NewDate(2026, 5, 20), data.Date{}, "预备党员")
	ts.zhang = member(ts.second, "张三", "T2003", 3, data.NewDate(2010, 7, 1), data.NewDate(2011, 7, 1), "正式党员")
	ts.zhao = member(ts.first, "赵玥", "", 5, data.NewDate(2015, 12, 1), data.NewDate(2016, 12, 1), "正式党员")

	ts.appraisalWang = &data.Appraisal{Year: 2026, MemberID: data.Ref(ts.wang.ID), Grade: "优秀",
		SelfAssessment: "认真学习,按时交纳党费(全年)", BranchOpinion: "同意评为优秀。", VotesExcellent: 2, VotesQualified: 1}
	must(s.Appraisals.Create(ctx, ts.appraisalWang))
	ts.appraisalLi = &data.Appraisal{Year: 2026, MemberID: data.Ref(ts.li.ID), SelfAssessment: "积极向组织靠拢"}
	must(s.Appraisals.Create(ctx, ts.appraisalLi))
	ts.appraisalLastYear = &data.Appraisal{Year: 2025, MemberID: data.Ref(ts.wang.ID), Grade: "合格"}
	must(s.Appraisals.Create(ctx, ts.appraisalLastYear))

	ts.agreement = &data.Agreement{Year: 2026, MemberID: data.Ref(ts.wang.ID), SignedDate: data.NewDate(2026, 3, 5),
		AssessedAt: data.NewDate(2026, 11, 30), Score: 92.5}
	must(s.Agreements.Create(ctx, ts.agreement))
	for i, c := range []string{"按期足额交纳党费", "参加“三会一课”不少于12次", "完成32学时集中学习"} {
		must(s.AgreementTargets.Create(ctx, &data.AgreementTarget{AgreementID: data.Ref(ts.agreement.ID), Seq: 3 - i,
			Content: c, Completion: []string{"完成", "部分完成", ""}[i]}))
	}

	ts.outLetter = &data.Transfer{MemberID: data.Ref(ts.zhang.ID), Direction: "转出", OtherOrg: "中共某某科技(深圳)有限公司委员会",
		LetterNo: "转字〔2026〕第017号", IssuedDate: data.NewDate(2026, 9, 1), ValidDays: 60, DuesPaidUntil: "2026-08"}
	must(s.Transfers.Create(ctx, ts.outLetter))
	ts.inLtr = &data.Transfer{MemberID: data.Ref(ts.li.ID), Direction: "转入", OtherOrg: "某单位", LetterNo: "X1",
		IssuedDate: data.NewDate(2026, 2, 1)}
	must(s.Transfers.Create(ctx, ts.inLtr))
	ts.zhang.Status = "已转出"
	must(s.Members.Update(ctx, ts.zhang))
	return ts
}

func names(rs []Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

// Members on the rolls, branches in the store's order (第一 before 第二),
// each with the member's fields as the unit writes them.
func TestMemberRecords(t *testing.T) {
	ts := newTestStore(t)
	rs, err := Records(context.Background(), ts.s, Members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(rs), []string{"赵玥", "王𬱖", "李雪"}; !slices.Equal(got, want) {
		t.Fatalf("members = %q, want %q (张三 is transferred out)", got, want)
	}
	w := rs[1].Values
	want := map[string]string{
		"姓名": "王𬱖", "所在支部": "第二党支部", "党小组": "第一党小组", "入党日期": "2005年6月1日", "转正日期": "2006年6月1日",
		"出生日期": "1985年5月2日", "出生年月": "1985年5月", "党员类别": "正式党员", "党龄": "20", "组织名称": "计算机科学与技术学院党委",
		"打印日期": "2026年12月3日", "年度": "2026", "工号或学号": "T2001", "民族": "汉族", "籍贯": "江苏南京", "学历": "博士研究生",
		"公民身份号码": ts.wang.IDNumber, "联系电话": "13800000000", "单位职务或院系班级": "计算机系教师", "党内职务": "组织委员",
		"性别": ts.wang.Gender, "人员类别": "在职教职工",
	}
	for k, v := range want {
		if w[k] != v {
			t.Errorf("{{%s}} = %q, want %q", k, w[k], v)
		}
	}
	if li := rs[2].Values; li["党龄"] != "" || li["党员类别"] != "预备党员" || li["转正日期"] != "" {
		t.Errorf("预备党员: 党龄 %q, 类别 %q, 转正 %q", li["党龄"], li["党员类别"], li["转正日期"])
	}
	// Every placeholder of the kind has a value (possibly empty).
	for _, f := range FieldsFor(Members) {
		if _, ok := w[f.Name]; !ok {
			t.Errorf("{{%s}} not filled", f.Name)
		}
	}
}

func TestRecordsOfOneBranch(t *testing.T) {
	ts := newTestStore(t)
	rs, err := Records(context.Background(), ts.s, Members, Options{BranchID: ts.first.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(rs); !slices.Equal(got, []string{"赵玥"}) {
		t.Errorf("members = %q", got)
	}
}

// The year's appraisals only; a 预备党员 gets no grade; the vote counts
// when a vote was recorded; the texts typeset with full-width punctuation.
func TestAppraisalRecords(t *testing.T) {
	ts := newTestStore(t)
	rs, err := Records(context.Background(), ts.s, Appraisals, Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(rs); !slices.Equal(got, []string{"王𬱖", "李雪"}) {
		t.Fatalf("appraisals = %q", got)
	}
	w, l := rs[0].Values, rs[1].Values
	for k, v := range map[string]string{"评议年度": "2026", "评议等次": "优秀", "优秀票数": "2", "合格票数": "1", "不合格票数": "0",
		"个人自我评价": "认真学习，按时交纳党费（全年）", "支部意见": "同意评为优秀。"} {
		if w[k] != v {
			t.Errorf("{{%s}} = %q, want %q", k, w[k], v)
		}
	}
	if l["评议等次"] != ungraded || l["优秀票数"] != "" {
		t.Errorf("预备党员: 等次 %q, 票数 %q", l["评议等次"], l["优秀票数"])
	}
}

// An agreement's targets in their order, each with its number and
// completion.
func TestAgreementRecords(t *testing.T) {
	ts := newTestStore(t)
	rs, err := Records(context.Background(), ts.s, Agreements, Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("agreements = %d", len(rs))
	}
	v := rs[0].Values
	if v["签订日期"] != "2026年3月5日" || v["考核日期"] != "2026年11月30日" || v["得分"] != "92.5" {
		t.Errorf("values = %q %q %q", v["签订日期"], v["考核日期"], v["得分"])
	}
	var got []string
	for _, it := range rs[0].Items {
		got = append(got, it["目标序号"]+"."+it["目标"]+"/"+it["完成情况"])
	}
	want := []string{"1.完成32学时集中学习/", "2.参加“三会一课”不少于12次/部分完成", "3.按期足额交纳党费/完成"}
	if !slices.Equal(got, want) {
		t.Errorf("targets = %q, want %q", got, want)
	}
}

// 转出 letters of the year, whatever the member's status now.
func TestTransferRecords(t *testing.T) {
	ts := newTestStore(t)
	rs, err := Records(context.Background(), ts.s, Transfers, Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(rs); !slices.Equal(got, []string{"张三"}) {
		t.Fatalf("letters = %q", got)
	}
	for k, want := range map[string]string{"介绍信编号": "转字〔2026〕第017号", "对方组织": "中共某某科技（深圳）有限公司委员会",
		"开具日期": "2026年9月1日", "有效期": "60天", "党费交至": "2026年8月"} {
		if got := rs[0].Values[k]; got != want {
			t.Errorf("{{%s}} = %q, want %q", k, got, want)
		}
	}
}

// A template the kind cannot fill writes nothing: the folder is not even
// made.
func TestMergeWithUnknownPlaceholderWritesNothing(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "评议表.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}{{评议等级}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "输出")
	_, err := Merge(context.Background(), ts.s, Request{Kind: Appraisals, Template: tmpl, Out: out})
	var fe *FieldError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "{{评议等级}}") || !strings.Contains(err.Error(), "评议表.docx") {
		t.Fatalf("Merge = %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("the output folder was made")
	}
}

// One document per record into a folder, named 姓名-工号或学号.docx; a name
// already there is not replaced but numbered.
func TestMergeIntoAFolderNeverReplaces(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "登记表.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}:{{所在支部}}"), "", para("{{打印日期}}")), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "党员")
	if err := os.MkdirAll(out, 0o700); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(out, "李雪-T2002.docx")
	if err := os.WriteFile(old, []byte("旧文件"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := Merge(context.Background(), ts.s, Request{Kind: Members, Template: tmpl, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Files {
		got = append(got, filepath.Base(f))
	}
	if want := []string{"赵玥.docx", "王𬱖-T2001.docx", "李雪-T2002(2).docx"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if res.Renamed != 1 {
		t.Errorf("renamed = %d, want 1 (the name taken)", res.Renamed)
	}
	if b, _ := os.ReadFile(old); string(b) != "旧文件" {
		t.Error("an existing file was replaced")
	}
	b, err := os.ReadFile(filepath.Join(out, "王𬱖-T2001.docx"))
	if err != nil {
		t.Fatal(err)
	}
	parts := unzipParts(t, b)
	if got := texts(paragraphs(t, parts["word/document.xml"])); !slices.Equal(got, []string{"王𬱖:第二党支部"}) {
		t.Errorf("document = %q", got)
	}
	if got := texts(paragraphs(t, parts["word/footer1.xml"])); !slices.Equal(got, []string{"2026年12月3日"}) {
		t.Errorf("footer = %q", got)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".docx") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// All in one file: the agreement with its targets, one paragraph each.
func TestMergeIntoOneFile(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "责任书.docx")
	body := para("{{姓名}}的责任书") + para("{{目标序号}}.{{目标}}") + para("得分:{{得分}}")
	if err := os.WriteFile(tmpl, makeDocx(t, body, "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "全部.docx")
	res, err := Merge(context.Background(), ts.s, Request{Kind: Agreements, Template: tmpl, Out: out, OneFile: true,
		Options: Options{Year: 2026}})
	if err != nil || res.Records != 1 {
		t.Fatalf("Merge = %+v, %v", res, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(paragraphs(t, unzipParts(t, b)["word/document.xml"]))
	want := []string{"王𬱖的责任书", "1.完成32学时集中学习", "2.参加“三会一课”不少于12次", "3.按期足额交纳党费", "得分:92.5"}
	if !slices.Equal(got, want) {
		t.Errorf("document = %q, want %q", got, want)
	}
}

func TestMergeWithNoRecords(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "t.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Merge(context.Background(), ts.s, Request{Kind: Appraisals, Template: tmpl, Out: filepath.Join(dir, "o"),
		Options: Options{Year: 2020}})
	if !errors.Is(err, ErrNoRecords) {
		t.Errorf("Merge = %v", err)
	}
}

func TestFileNamesAreSafe(t *testing.T) {
	for _, c := range []struct{ name, no, want string }{
		{"王堃", "2026001", "王堃-2026001.docx"},
		{"王𬱖", "", "王𬱖.docx"},
		{`a/b\c:d*e?f"g<h>i|j`, "1", "a_b_c_d_e_f_g_h_i_j-1.docx"},
		{"CON", "", "_CON.docx"},
		{"..", "", "记录.docx"},
		{"张三. ", "", "张三.docx"},
	} {
		if got := FileName(&Record{Name: c.name, StaffNo: c.no}); got != c.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", c.name, c.no, got, c.want)
		}
	}
}

// The database and the template are never written over; a cancelled merge
// writes nothing.
func TestMergeProtectsItsInputs(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "t.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, req := range []Request{
		{Kind: Members, Template: tmpl, Out: ts.path},
		{Kind: Members, Template: tmpl, Out: tmpl},
		{Kind: Members, Template: tmpl, Out: tmpl, OneFile: true},
	} {
		var oe *localfs.OutputError
		if _, err := Merge(context.Background(), ts.s, req); !errors.As(err, &oe) {
			t.Errorf("%+v: %v", req, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(dir, "取消")
	if _, err := Merge(ctx, ts.s, Request{Kind: Members, Template: tmpl, Out: out}); err == nil {
		t.Error("a cancelled merge succeeded")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a cancelled merge made its folder")
	}
}

// An agreement shows its member as on the day it was signed, as the
// printed 责任书 does: moved to another branch since, with another 党内职务,
// the member still signs for the old branch and post, and the agreement
// belongs to that branch.
func TestAgreementAsOnTheDaySigned(t *testing.T) {
	ts := newTestStore(t)
	ctx := context.Background()
	ts.wang.BranchID, ts.wang.PartyPost = data.Ref(ts.first.ID), "支部书记"
	if err := ts.s.Members.Update(ctx, ts.wang); err != nil {
		t.Fatal(err)
	}
	rs, err := Records(ctx, ts.s, Agreements, Options{Year: 2026, BranchID: ts.second.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Values["所在支部"] != "第二党支部" || rs[0].Values["党内职务"] != "组织委员" {
		t.Fatalf("agreement of the second branch = %+v", rs)
	}
	if rs, _ := Records(ctx, ts.s, Agreements, Options{Year: 2026, BranchID: ts.first.ID}); len(rs) != 0 {
		t.Errorf("the first branch has %d agreements, want 0", len(rs))
	}
	ms, err := Records(ctx, ts.s, Members, Options{BranchID: ts.first.ID})
	if err != nil || !slices.Contains(names(ms), "王𬱖") {
		t.Errorf("members of the first branch today = %q, %v", names(ms), err)
	}
}
