package documents

import (
	"fmt"
	"strconv"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Roster] = builder{title: "党员花名册", landscape: true, period: asOfPeriod, build: buildRoster}
}

// rosterEntry is a member on the roster: the record and the member as on
// the roster's day.
type rosterEntry struct {
	m  *data.Member
	on *rules.Member
}

// rosterMembers returns the members on the rolls at the end of the
// roster's day (rules.OnRolls) in the covered branches, by the branch they
// were in that day (their branch today when that one is gone), each
// branch's in 姓氏笔画 order, and how many there are.
func (r *request) rosterMembers() (map[string][]rosterEntry, int, error) {
	day := r.asOf()
	facts, err := r.store.RollsFacts(r.ctx, day)
	if err != nil {
		return nil, 0, err
	}
	isBranch := map[string]bool{}
	for _, b := range facts.Branches {
		isBranch[b.ID] = true
	}
	covered := map[string]bool{}
	for _, b := range r.branches {
		covered[b.ID] = true
	}
	on := map[string]*rules.Member{}
	for _, m := range rules.OnRolls(facts, day) {
		on[m.ID] = &m
	}
	out := map[string][]rosterEntry{}
	total := 0
	err = r.store.Members.Each(r.ctx, func(m *data.Member) error {
		o := on[m.ID]
		if o == nil {
			return nil
		}
		branch := o.BranchID
		if !isBranch[branch] {
			branch = string(m.BranchID)
		}
		if !covered[branch] {
			return nil
		}
		c := *m
		out[branch] = append(out[branch], rosterEntry{m: &c, on: o})
		total++
		return nil
	})
	for _, es := range out {
		sortStroke(es, func(e rosterEntry) string { return e.m.Name })
	}
	return out, total, err
}

// buildRoster makes the 党员花名册 as of its day: per branch, a heading with
// its count and a table of its members in the columns chosen; the totals
// by 党员类别; the lines to sign.
func buildRoster(r *request) error {
	chosen, err := rosterChosen(r.opts.Columns)
	if err != nil {
		return err
	}
	byBranch, total, err := r.rosterMembers()
	if err != nil {
		return err
	}
	day := r.asOf()
	if total == 0 {
		r.nothing(fmt.Sprintf("截至%s没有在册党员。", prose(day)))
		return nil
	}
	p := r.part("", "", "")
	cols := rosterLayout(chosen)
	byCategory := map[vocab.Category]int{}
	done := 0
	for _, b := range r.branches {
		es := byBranch[b.ID]
		if len(es) == 0 {
			continue
		}
		p.Add(&layout.Heading{Level: 1, Text: fmt.Sprintf("%s（%d名）", b.Label, len(es))})
		t := &layout.Table{Columns: cols, Rows: make([]layout.Row, 0, len(es))}
		for i, e := range es {
			cells := make([]string, len(chosen))
			cells[0] = strconv.Itoa(i + 1)
			for j, c := range chosen[1:] {
				cells[j+1] = c.value(e.m, e.on)
			}
			t.Rows = append(t.Rows, layout.Row{Cells: cells, Record: record(b.Label, e.m.Name, e.m.StaffNo)})
			byCategory[e.on.Category]++
			done++
			if err := r.tick(done, total, 500); err != nil {
				return err
			}
		}
		p.Add(t, &layout.Spacer{MM: 3})
	}
	p.Add(&layout.Paragraph{Text: rosterSummary(total, len(byBranch), byCategory)},
		&layout.Spacer{MM: 4},
		&layout.Fields{Items: []layout.Field{{Label: "制表人"}, {Label: "审核人"}, {Label: "填报日期", Value: prose(r.now)}}})
	r.progress(total, total)
	return nil
}

// rosterSummary is the roster's closing line: 「总计：在册党员共N名，分属M个
// 党支部，其中正式党员a名，预备党员b名。」
func rosterSummary(total, branches int, byCategory map[vocab.Category]int) string {
	s := fmt.Sprintf("总计：在册党员共%d名", total)
	if branches > 1 {
		s += fmt.Sprintf("，分属%d个党支部", branches)
	}
	return s + fmt.Sprintf("，其中%s%d名，%s%d名。", vocab.CategoryFull, byCategory[vocab.CategoryFull],
		vocab.CategoryProbation, byCategory[vocab.CategoryProbation])
}
