package documents

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// rosterRow returns the cells of name's row in the roster, by column
// title, and the heading of the branch it is listed under.
func rosterRow(t *testing.T, d *layout.Document, name string) (map[string]string, string) {
	t.Helper()
	branch := ""
	for _, p := range d.Parts {
		for _, b := range p.Blocks {
			switch v := b.(type) {
			case *layout.Heading:
				branch = v.Text
			case *layout.Table:
				for _, row := range v.Rows {
					cells := map[string]string{}
					for i, c := range v.Columns {
						cells[c.Title] = strings.ReplaceAll(row.Cells[i], string(layout.WordJoiner), "")
					}
					if cells["姓名"] == name {
						return cells, branch
					}
				}
			}
		}
	}
	return nil, ""
}

// formPost is the 党内职务 formMember gives.
const formPost = "支部组织委员兼纪检委员兼宣传委员"

// TestRosterAsOfTheDay: the roster as of a day lists the members on the
// rolls that day under the branch they were in, with the 党员类别 and
// 党内职务 they had then, and no 转正日期 yet for a member still 预备 then.
func TestRosterAsOfTheDay(t *testing.T) {
	sc := newScenario(t)
	// A second organization whose clock starts in January, for a move
	// between branches dated 1 June.
	ctx := context.Background()
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "m.db"), "计算机科学与技术学院党委", "M",
		data.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b := &data.Branch{Name: scBranchA, Type: "教工"}, &data.Branch{Name: scBranchB, Type: "教工"}
	for _, br := range []*data.Branch{a, b} {
		if err := s.Branches.Create(ctx, br); err != nil {
			t.Fatal(err)
		}
	}
	mover := formMember(t, s, a, "王调动", 1)
	mover.PartyPost = ""
	if err := s.Members.Update(ctx, mover); err != nil {
		t.Fatal(err)
	}
	confirmed := formMember(t, s, a, "钱新转", 2)
	now = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	mover.BranchID, mover.PartyPost = data.Ref(b.ID), "党支部书记"
	if err := s.Members.Update(ctx, mover); err != nil {
		t.Fatal(err)
	}
	now = testNow
	confirmed.JoinedDate, confirmed.ConfirmedAt = data.NewDate(2025, 6, 1), data.NewDate(2026, 6, 2)
	if err := s.Members.Update(ctx, confirmed); err != nil {
		t.Fatal(err)
	}

	cols := []string{"姓名", "转正日期", "党员类别", "党内职务"}
	day := func(mo, d int) Options {
		return Options{Columns: cols, AsOf: time.Date(2026, time.Month(mo), d, 0, 0, 0, 0, time.UTC)}
	}
	tests := []struct {
		name             string
		store            *data.Store
		o                Options
		who              string
		listed           bool
		branch, cat, out string // out: 转正日期
		post             string
	}{
		{"before admission", sc.s, day(3, 1), scAdmitted, false, "", "", "", ""},
		{"admitted, 预备", sc.s, day(4, 1), scAdmitted, true, scBranchB, "预备党员", "", ""},
		{"before leaving", sc.s, day(4, 9), scLeft, true, scBranchA, "正式党员", "2011.07.01", ""},
		{"after leaving", sc.s, day(4, 10), scLeft, false, "", "", "", ""},
		{"before arriving", sc.s, day(5, 19), scArrived, false, "", "", "", ""},
		{"after arriving", sc.s, day(5, 20), scArrived, true, scBranchB, "正式党员", "2011.07.01", ""},
		{"before the move", s, day(5, 31), "王调动", true, scBranchA, "正式党员", "2006.06.01", ""},
		{"after the move", s, day(6, 1), "王调动", true, scBranchB, "正式党员", "2006.06.01", "党支部书记"},
		{"the print day", s, Options{Columns: cols}, "王调动", true, scBranchB, "正式党员", "2006.06.01", "党支部书记"},
		{"预备 before 转正", s, day(6, 1), "钱新转", true, scBranchA, "预备党员", "", formPost},
		{"正式 from 转正", s, day(6, 2), "钱新转", true, scBranchA, "正式党员", "2026.06.02", formPost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.store == sc.s {
				tt.o.Now = scenarioNow
			}
			r := build(t, tt.store, Roster, tt.o)
			cells, heading := rosterRow(t, r.doc, tt.who)
			if !tt.listed {
				if cells != nil {
					t.Fatalf("%s is listed under %s", tt.who, heading)
				}
				return
			}
			if cells == nil {
				t.Fatalf("%s is not listed:\n%s", tt.who, r.text)
			}
			if !strings.HasPrefix(heading, tt.branch+"（") || cells["党员类别"] != tt.cat || cells["转正日期"] != tt.out ||
				cells["党内职务"] != tt.post {
				t.Errorf("%s under %q: %v; want %s, %s, 转正日期 %q, 党内职务 %q", tt.who, heading, cells, tt.branch, tt.cat, tt.out, tt.post)
			}
		})
	}
	if p := sc.render(t, Roster, day(4, 1)).doc.Period; p != "截至2026年4月1日" {
		t.Errorf("period %q", p)
	}
}

// TestRosterCountsAsTheStatistics: the roster as of a day lists the
// members the 党内统计 counts that day, branch by branch, and its closing
// line gives the total and the 正式 and 预备 counts.
func TestRosterCountsAsTheStatistics(t *testing.T) {
	s := demoStore(t)
	for _, asOf := range []time.Time{{}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)} {
		r := build(t, s, Roster, Options{AsOf: asOf})
		fig, err := s.Figures(context.Background(), 2026, testNow)
		if err != nil {
			t.Fatal(err)
		}
		day := asOf
		if day.IsZero() {
			day = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
		}
		st := fig.PartyStats(day)
		for _, b := range st.Branches {
			if b.Members == 0 {
				continue
			}
			if want := fmt.Sprintf("%s（%d名）", b.Branch.Name, b.Members); !strings.Contains(r.text, want) {
				t.Errorf("%s: no heading %q", day.Format(time.DateOnly), want)
			}
		}
		rows := 0
		for _, tb := range tables(r.doc) {
			rows += len(tb.Rows)
		}
		c := st.Total.Composition
		want := fmt.Sprintf("总计：在册党员共%d名，分属%d个党支部，其中正式党员%d名，预备党员%d名。", c.Members, len(tables(r.doc)),
			c.Category[vocab.CategoryFull], c.Category[vocab.CategoryProbation])
		if rows != c.Members || !strings.Contains(r.text, want) {
			t.Errorf("%s: %d rows; want %d and %q in:\n%s", day.Format(time.DateOnly), rows, c.Members, want, r.text[len(r.text)-400:])
		}
	}
}

// TestRosterWidths checks the columns' widths for chosen sets: a set that
// fits fills the page with no column narrower than it needs; the full set
// fits with no column narrower than its least.
func TestRosterWidths(t *testing.T) {
	all, defaults := RosterColumns()
	tests := []struct {
		name  string
		cols  []string
		roomy bool // every column at least its width
	}{
		{"default", defaults, true},
		{"full", all, false},
		{"a few, one growing", []string{"姓名", "单位职务或院系班级"}, true},
		{"a few, none growing", []string{"姓名", "公民身份号码", "联系电话"}, true},
		{"one", []string{"姓名"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chosen, err := rosterChosen(tt.cols)
			if err != nil {
				t.Fatal(err)
			}
			cols := rosterLayout(chosen)
			sum := 0.0
			for i, c := range cols {
				sum += c.Width
				need := chosen[i].least
				if tt.roomy {
					need = chosen[i].width
				}
				if c.Width < need-0.01 {
					t.Errorf("%s: %.1f mm, needs %.1f", c.Title, c.Width, need)
				}
				if c.Keep != chosen[i].keep || c.Title != chosen[i].title {
					t.Errorf("column %d: %+v", i, c)
				}
			}
			if sum < rosterBody-0.01 || sum > rosterBody+0.01 {
				t.Errorf("the columns span %.1f mm of %.0f", sum, rosterBody)
			}
		})
	}
	for _, title := range []string{"姓名", "公民身份号码", "工号或学号", "联系电话", "入党日期", "转正日期", "出生年月"} {
		for _, c := range rosterColumns {
			if c.title == title && !c.keep {
				t.Errorf("%s may break across lines", title)
			}
		}
	}
}

// TestRosterUnknownColumnListsTheColumns: a column the roster does not
// have is refused with its name and the names it has; no column at all
// is refused too.
func TestRosterUnknownColumnListsTheColumns(t *testing.T) {
	s := demoStore(t)
	all, _ := RosterColumns()
	_, err := Build(context.Background(), s, Roster, Options{Now: testNow, Columns: []string{"姓名", "血型"}})
	if err == nil || !strings.Contains(err.Error(), "“血型”") || !strings.Contains(err.Error(), strings.Join(all, "、")) {
		t.Errorf("an unknown column: %v", err)
	}
	if _, err := Build(context.Background(), s, Roster, Options{Now: testNow, Columns: []string{}}); err == nil {
		t.Error("a roster without columns is made")
	}
	if d := DefaultRosterColumns(); len(d) == 0 || strings.Join(d, "") == strings.Join(all, "") {
		t.Errorf("default columns %v", d)
	}
}

// TestRosterNoteAndAllColumns: every column can be printed; the 备注 says
// a 流动党员 and where to, and the member's own note.
func TestRosterNoteAndAllColumns(t *testing.T) {
	s, b := formStore(t)
	m := formMember(t, s, b, "王流动", 1)
	m.Floating, m.FloatingTo, m.Note, m.Phone, m.StaffNo = true, "深圳", "在外实习", "13800000000", "20260001"
	if err := s.Members.Update(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	all, _ := RosterColumns()
	r := build(t, s, Roster, Options{Columns: all})
	cells, _ := rosterRow(t, r.doc, "王流动")
	want := map[string]string{"公民身份号码": m.IDNumber, "工号或学号": "20260001", "联系电话": "13800000000",
		"备注": "流动党员（流向深圳）；在外实习", "入党日期": "2005.06.01", "出生年月": "1980.03", "性别": "男"}
	for k, v := range want {
		if cells[k] != v {
			t.Errorf("%s: %q, want %q", k, cells[k], v)
		}
	}
	if len(cells) != len(all)+1 {
		t.Errorf("%d columns, want %d", len(cells), len(all)+1)
	}
}

// TestRosterPDF: the printed roster reads back with its branch heading,
// the closing line and the lines to sign.
func TestRosterPDF(t *testing.T) {
	s := demoStore(t)
	var buf bytes.Buffer
	if _, err := Write(context.Background(), s, Roster, PDF, &buf, Options{Now: testNow, BranchID: branchID(t, s, "计算机系教工党支部")}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "roster.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"党员花名册", "截至2026年11月26日", "计算机系教工党支部（", "公民身份号码", "总计：在册党员共",
		"制表人：", "审核人：", "填报日期：2026年11月26日"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the PDF", want)
		}
	}
}
