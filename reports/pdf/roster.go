package pdf

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

func init() { writers[Roster] = writer{"党员花名册", true, writeRoster} }

// sortByStroke sorts members by name in stroke order.
func sortByStroke(ms []data.Member) { sortStroke(ms, func(m data.Member) string { return m.Name }) }

// sortStroke sorts xs by the 姓氏笔画 order of name(x) (hanzi.CompareStroke),
// as official rosters are, computing each name's key once.
func sortStroke[T any](xs []T, name func(T) string) {
	keys := make(map[string][]byte, len(xs))
	for _, x := range xs {
		if n := name(x); keys[n] == nil {
			keys[n] = hanzi.StrokeKey(n)
		}
	}
	sort.SliceStable(xs, func(i, j int) bool {
		a, b := name(xs[i]), name(xs[j])
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c < 0
		}
		return a < b
	})
}

// categoryOn is a member's 党员类别 on day (rules.CategoryOn): empty when
// the member had not been admitted yet.
func categoryOn(m *data.Member, day time.Time) vocab.Category {
	return rules.CategoryOn(vocab.Category(m.Category), m.JoinedDate.Time, m.ConfirmedAt.Time, day)
}

// membersByBranch returns the covered branches' members on the rolls who
// had been admitted by day, their 党员类别 that on day, each branch's sorted
// by stroke order.
func (r *request) membersByBranch(day time.Time) (map[string][]data.Member, int, error) {
	out := map[string][]data.Member{}
	total := 0
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if !m.Active() || !r.inBranch(m.BranchID) {
			return nil
		}
		cat := categoryOn(m, day)
		if cat == "" {
			return nil
		}
		c := *m
		c.Category = string(cat)
		out[string(m.BranchID)] = append(out[string(m.BranchID)], c)
		total++
		return nil
	})
	for _, ms := range out {
		sortByStroke(ms)
	}
	return out, total, err
}

func writeRoster(r *request) error {
	day := refDay(r.year, r.now)
	byBranch, total, err := r.membersByBranch(day)
	if err != nil {
		return err
	}
	d := r.doc
	d.NewPage()
	if total == 0 {
		d.Paragraph("没有在册党员。")
		return nil
	}
	d.Paragraph(fmt.Sprintf("在册党员共%d名，分属%d个党支部；各支部内按姓氏笔画排列。党员类别为%s时的类别。",
		total, len(byBranch), day.Format("2006年1月2日")))
	cols := []Column{
		{Title: "序号", Width: 11, Align: "C"}, {Title: "姓名", Width: 20}, {Title: "性别", Width: 10, Align: "C"},
		{Title: "民族", Width: 14}, {Title: "出生年月", Width: 18, Align: "C"}, {Title: "学历", Width: 20},
		{Title: "人员类别", Width: 24}, {Title: "入党日期", Width: 22, Align: "C"}, {Title: "转正日期", Width: 22, Align: "C"},
		{Title: "党员类别", Width: 18}, {Title: "党内职务", Width: 24}, {Title: "单位职务或院系班级"},
	}
	done := 0
	for _, b := range r.branches {
		ms := byBranch[b.ID]
		if len(ms) == 0 {
			continue
		}
		d.Heading(fmt.Sprintf("%s(%d名)", b.Name, len(ms)))
		t := d.NewTable(cols)
		for i, m := range ms {
			birth := ""
			if !m.BirthDate.IsZero() {
				birth = m.BirthDate.Format("2006.01")
			}
			t.Row(fmt.Sprint(i+1), m.Name, m.Gender, m.Ethnicity, birth, m.Education, m.PersonType,
				m.JoinedDate.String(), m.ConfirmedAt.String(), m.Category, m.PartyPost, m.Position)
			done++
			if err := r.tick(done, total, 500); err != nil {
				return err
			}
		}
		d.Space(3)
	}
	r.progress(total, total)
	return nil
}
