package documents

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// The 党内统计 document's tests. Its figures are rules.Figures.PartyStats,
// whose rules are tested in data/rules; here the document's tables are
// checked to print them whole and add up.

// statsTables gives the document's tables by the number in their caption
// (表一 …), each row as its label and counts; 占比 rows are left out.
func statsTables(t *testing.T, d *layout.Document) map[string][]statsLine {
	t.Helper()
	out := map[string][]statsLine{}
	for _, p := range d.Parts {
		for _, blk := range p.Blocks {
			tb, ok := blk.(*layout.Table)
			if !ok {
				continue
			}
			key, _, _ := strings.Cut(tb.Caption, "　")
			for _, row := range tb.Rows {
				if row.Cells[0] == "占比" {
					continue
				}
				l := statsLine{label: row.Cells[0], total: row.Total}
				for _, c := range row.Cells[1:] {
					n, err := strconv.Atoi(c)
					if err != nil {
						t.Fatalf("%s, %s: %q is not a count", tb.Caption, row.Cells[0], c)
					}
					l.n = append(l.n, n)
				}
				out[key] = append(out[key], l)
			}
		}
	}
	return out
}

// statsLine is a row of a statistics table.
type statsLine struct {
	label string
	total bool
	n     []int
}

// TestStatsTotalsAddUp checks the demo's statistics: each 合计 is the sum
// of the branches' rows, each breakdown adds up to the 党员总数 of its row,
// and every row of the 党员增减 table keeps 年初数 + 增加 − 减少 = 年末数 with
// its 年末数 the row's 党员总数.
func TestStatsTotalsAddUp(t *testing.T) {
	s := demoStore(t)
	b := build(t, s, Stats, Options{})
	tables := statsTables(t, b.doc)
	for _, key := range []string{"表一", "表二", "表三", "表四", "表五", "表六"} {
		rows := tables[key]
		if len(rows) != 9 || !rows[8].total || rows[8].label != "合计" {
			t.Fatalf("%s: %d rows, want the 8 branches and 合计", key, len(rows))
		}
		for col := range rows[8].n {
			sum := 0
			for _, r := range rows[:8] {
				sum += r.n[col]
			}
			if sum != rows[8].n[col] {
				t.Errorf("%s column %d: the branches add up to %d, 合计 says %d", key, col+1, sum, rows[8].n[col])
			}
		}
	}
	members := map[string]int{}
	for _, r := range tables["表一"] {
		members[r.label] = r.n[0]
		if r.n[1]+r.n[2] != r.n[0] || r.n[3]+r.n[4] != r.n[0] || r.n[5]+r.n[6] != r.n[0] {
			t.Errorf("表一 %s: 党员类别, 性别 or 民族 do not add up to %d: %v", r.label, r.n[0], r.n)
		}
	}
	for _, key := range []string{"表二", "表三", "表四", "表五"} {
		for _, r := range tables[key] {
			sum := 0
			for _, n := range r.n[1:] {
				sum += n
			}
			if r.n[0] != members[r.label] || sum != r.n[0] {
				t.Errorf("%s %s: 合计 %d, parts %d, 党员总数 %d", key, r.label, r.n[0], sum, members[r.label])
			}
		}
	}
	for _, r := range tables["表六"] {
		n := r.n
		start, added, removed, end := n[0], n[1], n[7], n[14]
		if added != n[2]+n[3]+n[4]+n[5]+n[6] || removed != n[8]+n[9]+n[10]+n[11]+n[12]+n[13] {
			t.Errorf("表六 %s: the 小计 are not the sums of their columns: %v", r.label, n)
		}
		if start+added-removed != end || end != members[r.label] {
			t.Errorf("表六 %s: %d + %d − %d ≠ %d (党员总数 %d)", r.label, start, added, removed, end, members[r.label])
		}
	}
	total := tables["表六"][8].n
	if total[2] == 0 || total[3] == 0 || total[8] == 0 || total[0] == total[14] {
		t.Errorf("the demo's year shows no 发展, 转入 or 转出: %v", total)
	}
	fig, err := s.Figures(context.Background(), 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := fig.PartyStats(testNow).Total.Members; members["合计"] != want {
		t.Errorf("党员总数 %d, the figures say %d", members["合计"], want)
	}
	for _, text := range []string{"填报单位（盖章）：计算机科学与技术学院党委", "填表人：", "报出日期：2026年11月26日",
		"统计截止日期：2026年11月26日", "单位：名", "30岁及以下", "31岁至35岁", "71岁及以上",
		"表六　党员增减情况（2026年1月1日至2026年11月26日）", "少数民族党员中：回族"} {
		if !strings.Contains(b.text, text) {
			t.Errorf("%q missing", text)
		}
	}
}

// TestStatsOneBranch checks that a branch's statistics have its row only,
// the same as in the whole organization's.
func TestStatsOneBranch(t *testing.T) {
	s := demoStore(t)
	all := statsTables(t, build(t, s, Stats, Options{}).doc)
	one := statsTables(t, build(t, s, Stats, Options{BranchID: branchID(t, s, "计算机系教工党支部")}).doc)
	if len(one) != 6 {
		t.Fatalf("%d tables, want 6", len(one))
	}
	for key, rows := range one {
		if len(rows) != 1 || rows[0].label != "计算机系教工党支部" {
			t.Fatalf("%s: %d rows", key, len(rows))
		}
		found := false
		for _, r := range all[key] {
			if r.label == rows[0].label {
				found = true
				if !slices.Equal(r.n, rows[0].n) {
					t.Errorf("%s: %v alone, %v among all", key, rows[0].n, r.n)
				}
			}
		}
		if !found {
			t.Errorf("%s: the branch is not among all", key)
		}
	}
}

// TestStatsAsOfADay checks a small organization's statistics as of a day
// that Options gives, and after it: a member transferred in, one who died,
// one admitted, and one whose death has no date, told apart.
func TestStatsAsOfADay(t *testing.T) {
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "org.db"), "数学学院党委", "MATH",
		data.WithClock(func() time.Time { return now }), data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	br := &data.Branch{Name: "数学系教工党支部", Type: string(vocab.BranchStaff), Founded: data.NewDate(2010, 3, 1)}
	must(s.Branches.Create(ctx, br))
	seq := 0
	add := func(name string, joined data.Date, set func(*data.Member)) *data.Member {
		seq++
		birth := time.Date(1980, 5, seq, 0, 0, 0, 0, time.UTC)
		m := &data.Member{BranchID: data.Ref(br.ID), Name: name, Gender: string(vocab.Male), Ethnicity: "汉族",
			IDNumber: field.MakeIDNumber("110101", birth, seq, true), BirthDate: data.DateOf(birth),
			PersonType: string(vocab.PersonStaff), Category: string(vocab.CategoryFull), JoinedDate: joined,
			ConfirmedAt: data.DateOf(joined.AddDate(1, 0, 0)), Phone: "13800138000", DuesBase: data.Yuan(6000)}
		if set != nil {
			set(m)
		}
		must(s.Members.Create(ctx, m))
		return m
	}
	add("甲", data.NewDate(2005, 6, 1), nil)
	came := add("乙", data.NewDate(2010, 6, 1), nil)
	dies := add("丙", data.NewDate(2000, 6, 1), nil)
	add("戊", data.NewDate(2001, 6, 1), func(m *data.Member) { m.Status = string(vocab.StatusDeceased) })
	now = time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(came.ID), Direction: string(vocab.TransferIn),
		OtherOrg: "外校党委", LetterNo: "转字001", IssuedDate: data.NewDate(2026, 3, 10)}))
	now = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	add("丁", data.NewDate(2026, 5, 20), func(m *data.Member) {
		m.Category, m.ConfirmedAt = string(vocab.CategoryProbation), data.Date{}
	})
	now = time.Date(2026, 9, 15, 9, 0, 0, 0, time.UTC)
	dies.Status = string(vocab.StatusDeceased)
	must(s.Members.Update(ctx, dies))

	tests := []struct {
		asOf    time.Time
		changes []int // 年初数, 增加, 发展, 转入, 减少, 死亡, 年末数
	}{
		{time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), []int{2, 1, 0, 1, 0, 0, 3}},
		{time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), []int{2, 2, 1, 1, 1, 1, 3}},
	}
	for _, tt := range tests {
		b := build(t, s, Stats, Options{Year: 2026, AsOf: tt.asOf, Now: time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)})
		row := statsTables(t, b.doc)["表六"]
		if len(row) != 1 {
			t.Fatalf("as of %s: %d rows of 表六", tt.asOf.Format(time.DateOnly), len(row))
		}
		n := row[0].n
		got := []int{n[0], n[1], n[2], n[3], n[7], n[9], n[14]}
		if !slices.Equal(got, tt.changes) {
			t.Errorf("as of %s: 表六 %v, want %v", tt.asOf.Format(time.DateOnly), got, tt.changes)
		}
		for _, text := range []string{"统计截止日期：" + layout.ProseDate(tt.asOf), "报出日期：2027年1月5日",
			"无法确定日期的党员1名：1名党籍状态已变更但未记录日期，未计入年初数和年末数"} {
			if !strings.Contains(b.text, text) {
				t.Errorf("as of %s: %q missing", tt.asOf.Format(time.DateOnly), text)
			}
		}
	}
}
