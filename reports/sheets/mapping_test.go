package sheets

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// seedTwenty imports 20 members of two branches from the template's own
// columns, every optional field filled, and returns their numbers.
func seedTwenty(t *testing.T, s *data.Store) []string {
	t.Helper()
	var ids []string
	var rows [][]any
	for i := range 20 {
		n := id("420106", 1980+i%10, 1+i%12, 1+i, 10+i, i%2 == 0)
		ids = append(ids, n)
		gender := "女"
		if i%2 == 0 {
			gender = "男"
		}
		branch := "一支部"
		if i >= 10 {
			branch = "二支部"
		}
		row := memberRow(fmt.Sprintf("党员%02d", i), n, gender, branch)
		row[16] = fmt.Sprintf("1380000%04d", i) // 联系电话
		row = append(row, "原备注")                // 备注
		rows = append(rows, row)
	}
	rep, err := run(t, s, Members, book(t, headersOf(Members), rows...), Options{})
	if err != nil || rep.Created != 20 {
		t.Fatalf("seeding: %+v %v %s", rep, err, problemsText(rep))
	}
	return ids
}

// membersByID reads every member, keyed by 公民身份号码, their Meta left out.
func membersByID(t *testing.T, s *data.Store) map[string]data.Member {
	t.Helper()
	out := map[string]data.Member{}
	err := s.Members.Each(context.Background(), func(m *data.Member) error {
		c := *m
		c.Meta = data.Meta{}
		out[m.IDNumber] = c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUpdateTwentyMembersFromAnotherLayout imports, with Update, a sheet
// whose headers are other names of the template's (身份证号码, 手机号码,
// 所在党支部, 入党时间, 家庭住址), in another order, with extra columns (序号
// known, 政治面貌 unknown) and one header mapped by the user (工作证号 →
// 工号或学号). Every field of every member is compared before and after:
// only the cells filled change, blank cells keep the stored value.
func TestUpdateTwentyMembersFromAnotherLayout(t *testing.T) {
	s := testStore(t)
	ids := seedTwenty(t, s)
	before := membersByID(t, s)

	// 现居住地 is among the member file's columns at the members layout's end.
	hasResidence := LayoutOf(Members).Header("现居住地") != nil
	headers := []string{"序号", "身份证号码", "手机号码", "政治面貌", "所在党支部", "入党时间", "家庭住址", "工作证号", "民族"}
	var rows [][]any
	want := map[string]data.Member{}
	for k, v := range before {
		want[k] = v
	}
	for i, n := range ids {
		m := want[n]
		phone, residence, staff, ethnicity, joined, branch := "", "", "", "", "", ""
		if i%2 == 0 { // every other row gives a new phone; the others leave it blank
			phone = fmt.Sprintf("1390000%04d", i)
			m.Phone = phone
		}
		if i%3 == 0 {
			residence = fmt.Sprintf("武汉市洪山区%d号", i)
			if hasResidence {
				m.Residence = residence
			}
		}
		if i%4 == 0 {
			staff = fmt.Sprintf("G%03d", i)
			m.StaffNo = staff
		}
		if i == 5 {
			ethnicity = "回族"
			m.Ethnicity = ethnicity
		}
		if i == 7 {
			joined = "2010-05-01"
			m.JoinedDate = data.DateOf(time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC))
		}
		if i == 19 {
			branch = "一支部"
			m.BranchID = before[ids[0]].BranchID
		}
		want[n] = m
		rows = append(rows, []any{i + 1, n, phone, "中共党员", branch, joined, residence, staff, ethnicity})
	}
	content := book(t, headers, rows...)
	o := Options{Update: true, Map: map[string]string{"工作证号": "工号或学号"}}

	preview, err := run(t, s, Members, content, Options{Update: true, DryRun: true, Map: o.Map})
	if err != nil || len(preview.Problems) > 0 {
		t.Fatalf("preview: %v %s", err, problemsText(preview))
	}
	if got := membersByID(t, s); !reflect.DeepEqual(got, before) {
		t.Fatal("a dry run changed members")
	}
	rep, err := run(t, s, Members, content, o)
	if err != nil || len(rep.Problems) > 0 || !rep.Written {
		t.Fatalf("update: %+v %v %s", rep, err, problemsText(rep))
	}
	if rep.Created != 0 || rep.Updated+rep.Unchanged != 20 {
		t.Errorf("created %d updated %d unchanged %d, want 0 and 20 matched", rep.Created, rep.Updated, rep.Unchanged)
	}
	after := membersByID(t, s)
	for _, n := range ids {
		if !reflect.DeepEqual(after[n], want[n]) {
			t.Errorf("member %s:\n got %+v\nwant %+v", before[n].Name, after[n], want[n])
		}
	}
	// The preview listed exactly the changes the update made.
	if !reflect.DeepEqual(preview.Changes, rep.Changes) {
		t.Errorf("preview %v\n!= written %v", preview.Changes, rep.Changes)
	}
	changed := 0
	for _, n := range ids {
		for _, f := range []string{"Phone", "Residence", "StaffNo", "Ethnicity", "BranchID", "JoinedDate"} {
			if reflect.ValueOf(before[n]).FieldByName(f).Interface() != reflect.ValueOf(after[n]).FieldByName(f).Interface() {
				changed++
			}
		}
	}
	if len(rep.Changes) != changed {
		t.Errorf("%d changes listed, %d made: %v", len(rep.Changes), changed, rep.Changes)
	}
	var sawBranch bool
	for _, c := range rep.Changes {
		if c.Column == "所在支部" {
			sawBranch = c.Old == "二支部" && c.New == "一支部" && c.Name == "党员19"
		}
	}
	if !sawBranch {
		t.Errorf("the branch change is not listed as 二支部 → 一支部: %v", rep.Changes)
	}
	wantIgnored := []string{"序号", "政治面貌"}
	if !hasResidence {
		wantIgnored = append(wantIgnored, "家庭住址")
	}
	if got := rep.Mapping.Ignored(); !slices.Equal(got, wantIgnored) {
		t.Errorf("ignored %v, want %v", got, wantIgnored)
	}
	for _, c := range rep.Mapping.Cols {
		want := map[string]string{"身份证号码": "公民身份号码", "手机号码": "联系电话", "所在党支部": "所在支部",
			"入党时间": "入党日期", "家庭住址": "现居住地", "工作证号": "工号或学号", "民族": "民族"}[c.Header]
		if c.Column != want && (hasResidence || c.Header != "家庭住址") {
			t.Errorf("%s → %q, want %q", c.Header, c.Column, want)
		}
	}
	// Imported again, the same sheet changes nothing.
	again, err := run(t, s, Members, content, Options{Update: true})
	if err != nil || again.Updated != 0 || len(again.Changes) != 0 {
		t.Errorf("again: %+v %v", again, err)
	}
}

// TestWithoutUpdateBlankCellsClear keeps today's behaviour when Update is
// off: a column the sheet has overwrites, blank included.
func TestWithoutUpdateBlankCellsClear(t *testing.T) {
	s := testStore(t)
	ids := seedTwenty(t, s)
	row := memberRow("党员00", ids[0], "男", "一支部")
	row[16] = ""
	if _, err := run(t, s, Members, book(t, headersOf(Members)[:19], row), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := membersByID(t, s)[ids[0]].Phone; got != "" {
		t.Errorf("phone %q, want cleared", got)
	}
}

// TestUnknownHeaderNamesItAndHowToMap: a required column under a name no
// alias knows refuses the sheet, naming the header and the --map that
// fixes it.
func TestUnknownHeaderNamesItAndHowToMap(t *testing.T) {
	s := testStore(t)
	headers := slices.Clone(headersOf(Members)[:19])
	headers[11] = "入党年月日"
	_, err := run(t, s, Members, book(t, headers, memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "一支部")), Options{})
	var ie *InputError
	if !asInputError(err, &ie) {
		t.Fatalf("err %v, want an InputError", err)
	}
	for _, want := range []string{"缺少必需的列：入党日期", "“入党年月日”", "--map 入党年月日=入党日期"} {
		if !strings.Contains(ie.Msg, want) {
			t.Errorf("%q lacks %q", ie.Msg, want)
		}
	}
	// A --map naming a column the template lacks, or a header the sheet
	// lacks, is refused by name too.
	_, err = run(t, s, Members, book(t, headers), Options{Map: map[string]string{"入党年月日": "入党时刻"}})
	if !asInputError(err, &ie) || !strings.Contains(ie.Msg, "“入党时刻”不是党员信息模板中的列") {
		t.Errorf("bad column: %v", err)
	}
	_, err = run(t, s, Members, book(t, headers), Options{Map: map[string]string{"入党年月": "入党日期"}})
	if !asInputError(err, &ie) || !strings.Contains(ie.Msg, "没有表头“入党年月”") {
		t.Errorf("bad header: %v", err)
	}
	// Two headers for one column.
	two := append(slices.Clone(headers), "身份证号")
	two[11] = "入党日期"
	_, err = run(t, s, Members, book(t, two), Options{})
	if !asInputError(err, &ie) || !strings.Contains(ie.Msg, "“公民身份号码”和“身份证号”都对应“公民身份号码”") {
		t.Errorf("two headers: %v", err)
	}
}

// TestMappingIsRememberedPerHeaderSet: a written import remembers the
// user's mapping in the database's settings; a sheet with the same headers
// (in another order) imports without it, a dry run remembers nothing.
func TestMappingIsRememberedPerHeaderSet(t *testing.T) {
	s := testStore(t)
	headers := slices.Clone(headersOf(Members)[:19])
	headers[11] = "入党年月日"
	first := memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "一支部")
	o := Options{Map: map[string]string{"入党年月日": "入党日期"}}
	if rep, err := run(t, s, Members, book(t, headers, first), Options{Map: o.Map, DryRun: true}); err != nil || rep.Mapping.Remembered {
		t.Fatalf("dry run: %v", err)
	}
	if _, err := run(t, s, Members, book(t, headers, first), Options{}); err == nil {
		t.Fatal("a dry run remembered the mapping")
	}
	rep, err := run(t, s, Members, book(t, headers, first), o)
	if err != nil || !rep.Written || rep.Created != 1 {
		t.Fatalf("first import: %+v %v", rep, err)
	}
	// The same headers in reverse order, another member, no --map.
	rev := slices.Clone(headers)
	slices.Reverse(rev)
	second := memberRow("李红梅", id("420106", 1982, 5, 6, 2, false), "女", "一支部")
	slices.Reverse(second)
	rep, err = run(t, s, Members, book(t, rev, second), Options{})
	if err != nil || !rep.Written || rep.Created != 1 || !rep.Mapping.Remembered {
		t.Fatalf("second import: %+v %v", rep, err)
	}
	var got data.Member
	s.Members.Each(context.Background(), func(m *data.Member) error {
		if m.Name == "李红梅" {
			got = *m
		}
		return nil
	})
	if got.JoinedDate.String() != "2010-06-01" {
		t.Errorf("入党日期 %v, want 2010-06-01 through the remembered mapping", got.JoinedDate)
	}
	// Another set of headers is not concerned.
	other := append(slices.Clone(headers), "序号")
	if _, err := run(t, s, Members, book(t, other), Options{}); err == nil {
		t.Error("a remembered mapping served another set of headers")
	}
}

// TestNationalExportImportsBack: the 全国党员管理信息系统 layout's headers
// are the template's or aliases, so the export imports as a members sheet
// into a fresh database, without a mapping, giving the same members.
func TestNationalExportImportsBack(t *testing.T) {
	if LayoutOf(Members).Header("工作单位及职务") == nil {
		t.Skip("the members layout lacks the member file's columns")
	}
	s := testStore(t)
	seedTwenty(t, s)
	var buf bytes.Buffer
	n, err := ExportNational(context.Background(), s, &buf, ExportOptions{})
	if err != nil || n != 20 {
		t.Fatalf("export: %d %v", n, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("党员信息")
	var want []string
	for _, c := range NationalLayout.Columns {
		want = append(want, c.Header)
	}
	if !slices.Equal(rows[0], want) {
		t.Errorf("headers %v, want %v", rows[0], want)
	}
	fresh := testStore(t)
	rep, err := run(t, fresh, Members, buf.Bytes(), Options{})
	if err != nil || rep.Created != 20 || len(rep.Problems) > 0 {
		t.Fatalf("import: %+v %v %s", rep, err, problemsText(rep))
	}
	if got := rep.Mapping.Unknown(); len(got) > 0 {
		t.Errorf("headers not known: %v", got)
	}
	a, b := membersByID(t, s), membersByID(t, fresh)
	for k, m := range a {
		o := b[k]
		m.BranchID, o.BranchID = "", ""
		m.Note, m.IsLeader, m.InDifficulty, m.DuesBase, m.StaffNo, m.PartyPost = "", false, false, 0, "", ""
		m.WorkUnit = m.Position
		o.Position = m.Position
		if !reflect.DeepEqual(m, o) {
			t.Errorf("%s:\n got %+v\nwant %+v", m.Name, o, m)
		}
	}
}

func FuzzParseMap(f *testing.F) {
	for _, s := range []string{"身份证号=公民身份号码", "序号=忽略", " 手机 ＝ 联系电话 ", "=", "a==b", "*姓名(必填)=姓名", "", "x="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		h, c, err := ParseMap(arg)
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("%q: error %T, want *InputError", arg, err)
			}
			return
		}
		if h == "" || c == "" || strings.Contains(h, "=") {
			t.Fatalf("%q → %q, %q", arg, h, c)
		}
		h2, c2, err := ParseMap(h + "=" + c)
		if err != nil || h2 != h || c2 != c {
			t.Fatalf("%q → %q=%q → %q=%q, %v", arg, h, c, h2, c2, err)
		}
		// Resolved against a sheet that has the header, it maps it or
		// refuses the column by name.
		mp := &mapper{user: map[string]string{h: c}}
		hm, err := mp.resolve(LayoutOf(Members), "表", []string{h, "公民身份号码"})
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("%q: resolve error %T", arg, err)
			}
		} else if hm.Cols[0].Header != h || hm.Cols[0].How != ByUser {
			t.Fatalf("%q: resolved %+v", arg, hm.Cols[0])
		}
		m, err := ParseMaps([]string{arg, arg})
		if err != nil || m[h] != c {
			t.Fatalf("%q twice: %v %v", arg, m, err)
		}
	})
}

// TestEveryAliasNamesAColumn: each alias stands for a column some kind
// has, and in that kind it maps onto it (no alias is shadowed by a
// template header of the same kind, nor leads nowhere).
func TestEveryAliasNamesAColumn(t *testing.T) {
	for alias, cols := range commonAliases {
		if cols[0] == Ignore {
			continue
		}
		found := false
		for _, k := range Kinds {
			l := LayoutOf(k)
			for _, col := range cols {
				if l.Header(col) == nil {
					continue
				}
				found = true
				if got, ok := aliasOf(l, alias); !ok || (got != col && l.Header(alias) == nil && !slices.Contains(cols, got)) {
					t.Errorf("%s: %s → %q, want %q", k, alias, got, col)
				}
				break
			}
		}
		if !found {
			t.Errorf("alias %s → %v: no kind has the column", alias, cols)
		}
	}
	for k, cases := range map[Kind]map[string]string{
		"rewards":   {"身份证号": "公民身份号码", "表彰名称": "奖励名称", "获奖日期": "日期"},
		"posts":     {"党内职务": "职务", "任职时间": "任职日期"},
		"volunteer": {"服务时间": "服务时长"},
		Members:     {"党内职务": "党内职务", "性别（男/女）": "性别", "*姓名（必填）": "姓名"},
	} {
		for h, want := range cases {
			if got, _ := aliasOf(LayoutOf(k), h); got != want {
				t.Errorf("%s: %s → %q, want %q", k, h, got, want)
			}
		}
	}
}

// TestMarkedHeadersMapByTheirName: a header marked required (*, （必填）)
// is named without its marks, in --map and in the mapping shown.
func TestMarkedHeadersMapByTheirName(t *testing.T) {
	s := testStore(t)
	headers := slices.Clone(headersOf(Members)[:19])
	headers[0] = "*姓名"
	headers[11] = "*入党年月日（必填）"
	rep, err := run(t, s, Members, book(t, headers, memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "一支部")),
		Options{Map: map[string]string{"入党年月日": "入党日期"}})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if c := rep.Mapping.Cols[11]; c.Header != "入党年月日" || c.Column != "入党日期" || c.How != ByUser {
		t.Errorf("mapped %+v", c)
	}
	if c := rep.Mapping.Cols[0]; c.Header != "姓名" || c.How != ByTemplate {
		t.Errorf("mapped %+v", c)
	}
}
