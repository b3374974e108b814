package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// branch is a planned 党支部.
type branch struct {
	rec     data.Branch
	id      data.Ref
	index   int              // position in gen.branches
	kind    vocab.BranchType // 支部类型
	dept    string           // the department of a 教工 branch
	grade   int              // the grade of an undergraduates' branch; 0 otherwise
	grad    bool             // a graduate students' branch
	founded time.Time
	firstM  int     // month index of the founding month
	parent  *branch // for the branch founded this year: where its members met before
	child   *branch // the branch founded this year out of this one
	size    int
	groups  []*group
	members []*person
	names   map[string]bool

	secretary, organizer, publicity *person

	missQuarter int  // absolute quarter index without 支部党员大会 and 党课; -1 none
	skipTheme   int  // month index without 主题党日; -1 none
	noOrgLife   bool // has not held the year's 组织生活会 and 民主评议
	weak        bool // learns little, skips a 主题党日 a quarter, has not signed the 目标管理责任书
	big         bool // over 50 members: due to be split
	manyExcel   bool // over a third 优秀 in 民主评议
	appraisedOn time.Time
	meetings    []*meeting
}

// committee is the branch's 支部委员会.
func (b *branch) committee() []*person {
	return []*person{b.secretary, b.organizer, b.publicity}
}

// group is a planned 党小组.
type group struct {
	rec     data.PartyGroup
	id      data.Ref
	branch  *branch
	members []*person
	leader  *person
}

// plan lays out the organization in memory: branches, members and roles.
func (g *gen) plan() {
	g.planBranches()
	g.planPeople()
	g.assignRoles()
	g.assignQuirks()
	g.planFile()
	g.planPipeline()
}

// planBranches names the branches and sizes them: one per 37 members (at
// least 2), 40% of them 教工, the rest 学生, and one 离退休 from 6 on.
func (g *gen) planBranches() {
	n := max(2, (g.o.Members+membersPerBranch/2)/membersPerBranch)
	retired := 0
	if n >= 6 {
		retired = 1
	}
	k := n - retired
	staff := max(1, (4*k+5)/10)
	students := k - staff
	y := g.year
	for i := range staff {
		dept := departments[i%len(departments)]
		name := dept + "教工党支部"
		if i >= len(departments) {
			name = dept + "教工第" + chineseNumber(i/len(departments)+1) + "党支部"
		}
		g.addBranch(&branch{kind: vocab.BranchStaff, dept: dept, rec: data.Branch{Name: name},
			founded: g.someDay(y-30, y-14)})
	}
	under := (students + 1) / 2
	senior := y - 4
	if g.asOf.Month() >= time.September {
		senior = y - 3
	}
	for i := range under {
		grade := senior + i%2
		name := fmt.Sprintf("%d级本科生第%s党支部", grade, chineseNumber(i/2+1))
		g.addBranch(&branch{kind: vocab.BranchStudent, grade: grade, rec: data.Branch{Name: name},
			founded: date(grade+1, time.Month(g.between(10, 12)), g.between(1, 28))})
	}
	for i := range students - under {
		name := fmt.Sprintf("研究生第%s党支部", chineseNumber(i+1))
		g.addBranch(&branch{kind: vocab.BranchStudent, grad: true, rec: data.Branch{Name: name},
			founded: g.someDay(y-21, y-8)})
	}
	if retired > 0 {
		g.addBranch(&branch{kind: vocab.BranchRetired, rec: data.Branch{Name: "离退休教工党支部"},
			founded: g.someDay(y-31, y-21)})
	}
	g.planNewBranch()
	g.planBigBranch()
	g.sizeBranches()
	for _, b := range g.branches {
		b.rec.Type = string(b.kind)
		b.firstM = monthIndex(b.founded)
		if b.kind == vocab.BranchStaff {
			for _, name := range []string{"第一党小组", "第二党小组"} {
				b.groups = append(b.groups, &group{branch: b, rec: data.PartyGroup{Name: name}})
			}
		}
	}
}

func (g *gen) addBranch(b *branch) {
	b.index, b.missQuarter, b.skipTheme = len(g.branches), -1, -1
	b.names = map[string]bool{}
	g.branches = append(g.branches, b)
}

// planNewBranch makes the last student branch one founded in June of the
// year, split from another student branch, when AsOf is after July.
func (g *gen) planNewBranch() {
	if g.asOf.Month() <= time.July {
		return
	}
	var students []*branch
	for _, b := range g.branches {
		if b.kind == vocab.BranchStudent {
			students = append(students, b)
		}
	}
	if len(students) < 2 {
		return
	}
	child := students[len(students)-1]
	parent := students[0]
	for _, b := range students[:len(students)-1] {
		if b.grad == child.grad {
			parent = b
			break
		}
	}
	child.founded = date(g.year, time.June, g.between(10, 25))
	child.parent, parent.child = parent, child
	child.rec.Note = "由" + parent.rec.Name + "党员人数较多拆分成立"
}

// planBigBranch makes a students' branch, a graduate one where it can,
// half as large again as the others: over 50 members in a demo of 8
// branches or more. Not the branch split off this year, nor the one it
// was split from.
func (g *gen) planBigBranch() {
	var pick *branch
	for _, b := range g.branches {
		if b.kind == vocab.BranchStudent && b.parent == nil && b.child == nil && (pick == nil || b.grad && !pick.grad) {
			pick = b
		}
	}
	if pick != nil {
		pick.big = true
	}
}

// someDay returns a day in the years [y0, y1].
func (g *gen) someDay(y0, y1 int) time.Time {
	return date(g.between(y0, y1), time.January, 1).AddDate(0, 0, g.intn(365))
}

// sizeBranches shares the members out: retired and new branches smaller,
// the big one larger, the others around the average; at least 5 each.
func (g *gen) sizeBranches() {
	weights := make([]float64, len(g.branches))
	var sum float64
	for i, b := range g.branches {
		w := 0.8 + 0.4*g.r.Float64()
		switch {
		case b.kind == vocab.BranchRetired:
			w = 0.6
		case b.parent != nil:
			w = 0.7
		case b.big:
			w = 1.6
		}
		weights[i] = w
		sum += w
	}
	total := 0
	for i, b := range g.branches {
		b.size = int(float64(g.o.Members) * weights[i] / sum)
		total += b.size
	}
	for i := 0; total < g.o.Members; i = (i + 1) % len(g.branches) {
		g.branches[i].size++
		total++
	}
	for {
		small, large := g.branches[0], g.branches[0]
		for _, b := range g.branches {
			if b.size < small.size {
				small = b
			}
			if b.size > large.size {
				large = b
			}
		}
		if small.size >= 5 {
			return
		}
		small.size++
		large.size--
	}
}

// writeBranches writes the branches and their 党小组.
func (g *gen) writeBranches() error {
	for _, b := range g.branches {
		b.rec.Founded = dt(b.founded)
		b.rec.Secretary = b.secretary.rec.Name
		if err := put(g, g.tx.Branches, &b.rec, &g.sum.Branches); err != nil {
			return err
		}
		b.id = data.Ref(b.rec.ID)
		for _, gr := range b.groups {
			gr.rec.BranchID = b.id
			if gr.leader != nil {
				gr.rec.Leader = gr.leader.rec.Name
			}
			if err := put(g, g.tx.Groups, &gr.rec, &g.sum.Groups); err != nil {
				return err
			}
			gr.id = data.Ref(gr.rec.ID)
		}
	}
	return nil
}

// chineseNumber writes 1–9999 in Chinese numerals: 1 一, 10 十, 12 十二,
// 21 二十一, 105 一百零五.
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []string{"", "十", "百", "千"}
	if n <= 0 || n > 9999 {
		return fmt.Sprint(n)
	}
	if n >= 10 && n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + digits[n-10]
	}
	var out string
	zero := false
	for p := 3; p >= 0; p-- {
		pow := []int{1, 10, 100, 1000}[p]
		d := n / pow % 10
		switch {
		case d == 0 && out != "":
			zero = true
		case d != 0:
			if zero {
				out += "零"
				zero = false
			}
			out += digits[d] + units[p]
		}
	}
	return out
}
