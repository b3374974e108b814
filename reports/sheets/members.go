package sheets

import (
	"context"
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/data/vocab"
)

// memberImporter matches members on 公民身份号码: a known number updates the
// member, never duplicates it. A row for someone on the rolls matches their
// row on the rolls; a person whose only row is a former one (已转出…) is a
// returning member and gets a row of their own, as a receiving organization
// does. An unknown 所在支部 creates the branch.
type memberImporter struct {
	branches    map[string]*data.Branch   // by name
	byID        map[string][]*data.Member // by 公民身份号码
	seen        map[string]int            // 公民身份号码 → the row on the rolls that gave it
	matched     map[*data.Member]bool     // rows an earlier sheet row updated
	newBranches []string
	pending     *data.Branch              // a branch the current row created
	update      bool                      // Options.Update
	changes     []Change                  // with update, what rows changed on stored members
	lost        map[string][]data.Episode // open 失联 episodes by member id
}

// memberCols names the sheet column of each store column the sheet lacks.
var memberCols = map[string]string{"branch_id": "所在支部", "confirmed_date": "转正日期"}

func (m *memberImporter) prepare(ctx context.Context, tx *data.Tx) error {
	m.branches, m.byID, m.seen = map[string]*data.Branch{}, map[string][]*data.Member{}, map[string]int{}
	m.matched = map[*data.Member]bool{}
	branches, err := tx.Branches.List(ctx)
	if err != nil {
		return err
	}
	for i := range branches {
		m.branches[branches[i].Name] = &branches[i]
	}
	if m.lost, err = tx.OpenLostEpisodes(ctx); err != nil {
		return err
	}
	return tx.Members.Each(ctx, func(mem *data.Member) error {
		m.byID[mem.IDNumber] = append(m.byID[mem.IDNumber], mem)
		return nil
	})
}

// match finds the stored row a sheet row describes: for someone on the
// rolls, their row on the rolls; for a former member, a former row not
// matched yet, else their row on the rolls (they have just left).
func (m *memberImporter) match(id string, active bool) *data.Member {
	var onRolls, former *data.Member
	for _, mem := range m.byID[id] {
		switch {
		case mem.Active():
			onRolls = mem
		case former == nil && !m.matched[mem]:
			former = mem
		}
	}
	if active || former == nil {
		return onRolls
	}
	return former
}

func (m *memberImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	id := r.idNumber("公民身份号码")
	given := r.choice("党籍状态", nil)
	status := given
	if status == "" {
		status = string(vocab.StatusNormal)
	}
	probe := data.Member{Status: status}
	active := probe.Active()
	if id != "" && active {
		if first, dup := m.seen[id]; dup {
			r.fail("公民身份号码", "与第"+itoa(first)+"行重复")
		} else {
			m.seen[id] = r.num
		}
	}
	var rec data.Member
	old := m.match(id, active)
	exists := old != nil
	if exists {
		rec = *old
	}
	// With Update, a row for a stored member changes only what it fills.
	keep := m.update && exists
	branchName := ""
	if keep {
		m.fillGiven(&rec, r, id)
		if given != "" {
			rec.Status = given
		}
		if r.cells["所在支部"] != "" {
			branchName = r.name("所在支部")
		}
	} else {
		m.fill(&rec, r, id)
		rec.Status = status
		branchName = r.name("所在支部")
	}
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	if exists {
		m.keepDerived(&rec, old)
	}
	if !keep || branchName != "" {
		branch, err := m.branch(ctx, tx, branchName)
		if err != nil {
			return unchanged, rowErr(r, err, map[string]string{"name": "所在支部", "type": "所在支部"})
		}
		rec.BranchID = data.Ref(branch.ID)
	}
	if !exists {
		err := tx.Members.Create(ctx, &rec)
		if err == nil {
			m.byID[id] = append(m.byID[id], &rec)
			m.matched[&rec] = true
		}
		return created, rowErr(r, err, memberCols)
	}
	m.matched[old] = true
	before := rec.Version
	stored := *old
	if err := tx.Members.Update(ctx, &rec); err != nil {
		return unchanged, rowErr(r, err, memberCols)
	}
	*old = rec
	if rec.Version == before {
		return unchanged, nil
	}
	if m.update {
		m.changes = append(m.changes, m.diff(r.num, &stored, &rec)...)
	}
	return updated, nil
}

// memberSetter reads one column of a row onto a member.
type memberSetter struct {
	col string
	set func(rec *data.Member, r *row)
}

// memberSetters are the columns a members sheet fills, 所在支部 and
// 党籍状态 aside (apply reads those).
var memberSetters = []memberSetter{
	{"姓名", func(rec *data.Member, r *row) { rec.Name = r.name("姓名") }},
	{"性别", func(rec *data.Member, r *row) { rec.Gender = r.choice("性别", nil) }},
	{"民族", func(rec *data.Member, r *row) { rec.Ethnicity = r.text("民族") }},
	{"出生日期", func(rec *data.Member, r *row) { rec.BirthDate = r.birthDate("出生日期", rec.IDNumber) }},
	{"籍贯", func(rec *data.Member, r *row) { rec.NativePlace = r.text("籍贯") }},
	{"学历", func(rec *data.Member, r *row) { rec.Education = r.text("学历") }},
	{"人员类别", func(rec *data.Member, r *row) { rec.PersonType = r.choice("人员类别", nil) }},
	{"工号或学号", func(rec *data.Member, r *row) { rec.StaffNo = r.text("工号或学号") }},
	{"单位职务或院系班级", func(rec *data.Member, r *row) { rec.Position = r.text("单位职务或院系班级") }},
	{"入党日期", func(rec *data.Member, r *row) { rec.JoinedDate = r.date("入党日期") }},
	{"转正日期", func(rec *data.Member, r *row) { rec.ConfirmedAt = r.date("转正日期") }},
	{"党员类别", func(rec *data.Member, r *row) { rec.Category = r.choice("党员类别", data.CategoryAliases) }},
	{"党内职务", func(rec *data.Member, r *row) { rec.PartyPost = r.text("党内职务") }},
	{"党员领导干部", func(rec *data.Member, r *row) { rec.IsLeader = r.boolean("党员领导干部") }},
	{"联系电话", func(rec *data.Member, r *row) { rec.Phone = r.text("联系电话") }},
	{"困难党员", func(rec *data.Member, r *row) { rec.InDifficulty = r.boolean("困难党员") }},
	{"党费基数", func(rec *data.Member, r *row) { rec.DuesBase = r.money("党费基数") }},
	{"备注", func(rec *data.Member, r *row) { rec.Note = r.text("备注") }},
	{"学位", func(rec *data.Member, r *row) { rec.Degree = r.text("学位") }},
	{"毕业院校", func(rec *data.Member, r *row) { rec.School = r.text("毕业院校") }},
	{"户籍所在地", func(rec *data.Member, r *row) { rec.HouseholdPlace = r.text("户籍所在地") }},
	{"现居住地", func(rec *data.Member, r *row) { rec.Residence = r.text("现居住地") }},
	{"档案所在单位", func(rec *data.Member, r *row) { rec.ArchiveUnit = r.text("档案所在单位") }},
	{"工作单位及职务", func(rec *data.Member, r *row) {
		// The 全国党员管理信息系统 layout writes 单位职务或院系班级 here for a
		// member without one of its own: read back, it is not stored twice.
		if v := r.text("工作单位及职务"); v != rec.Position || rec.WorkUnit != "" || v == "" {
			rec.WorkUnit = v
		}
	}},
	{"失联情形", func(rec *data.Member, r *row) { rec.LostCircumstance = r.text("失联情形") }},
	{"失联日期", func(rec *data.Member, r *row) { rec.LostDate = r.date("失联日期") }},
}

// memberRequired are the members layout's required columns.
var memberRequired = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range LayoutOf(Members).Columns {
		out[c.Header] = c.Required
	}
	return out
}()

// fill copies the row's cells onto the member: the required columns
// always (a blank one is a problem), the others only when the sheet has
// the column, a blank cell clearing the value.
func (m *memberImporter) fill(rec *data.Member, r *row, id string) {
	rec.IDNumber = id
	for _, s := range memberSetters {
		if memberRequired[s.col] || r.has(s.col) {
			s.set(rec, r)
		}
	}
}

// fillGiven copies the cells the row fills onto a stored member: a blank
// cell keeps the stored value (Options.Update).
func (m *memberImporter) fillGiven(rec *data.Member, r *row, id string) {
	rec.IDNumber = id
	for _, s := range memberSetters {
		if r.cells[s.col] != "" {
			s.set(rec, r)
		}
	}
}

// Change is one value an update changes on a stored member.
type Change struct {
	Row      int    // the sheet's row
	Name     string // the member's name (after the change)
	IDNumber string // the member's 公民身份号码
	Column   string // the template column
	Old, New string // the values as the sheet writes them; "" for blank
}

// String formats the change as 第N行 姓名：列 “旧” → “新”.
func (c Change) String() string {
	return fmt.Sprintf("第%d行 %s：%s %s → %s", c.Row, c.Name, c.Column, quoteValue(c.Old), quoteValue(c.New))
}

func quoteValue(v string) string {
	if v == "" {
		return "（空）"
	}
	return "“" + v + "”"
}

// diff lists what changed from a to b, column by column.
func (m *memberImporter) diff(num int, a, b *data.Member) []Change {
	av, bv := m.values(a), m.values(b)
	var out []Change
	for i := range av {
		if av[i][1] != bv[i][1] {
			out = append(out, Change{Row: num, Name: b.Name, IDNumber: b.IDNumber, Column: av[i][0],
				Old: av[i][1], New: bv[i][1]})
		}
	}
	return out
}

// values are a member's columns as text, in the members layout's order,
// the new fields after.
func (m *memberImporter) values(mem *data.Member) [][2]string {
	branch := ""
	for name, b := range m.branches {
		if data.Ref(b.ID) == mem.BranchID {
			branch = name
			break
		}
	}
	date := func(d data.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	yes := func(b bool) string { return yesNoText(b) }
	return [][2]string{
		{"姓名", mem.Name}, {"性别", mem.Gender}, {"民族", mem.Ethnicity}, {"出生日期", date(mem.BirthDate)},
		{"籍贯", mem.NativePlace}, {"学历", mem.Education}, {"人员类别", mem.PersonType},
		{"工号或学号", mem.StaffNo}, {"单位职务或院系班级", mem.Position}, {"所在支部", branch},
		{"入党日期", date(mem.JoinedDate)}, {"转正日期", date(mem.ConfirmedAt)}, {"党员类别", mem.Category},
		{"党内职务", mem.PartyPost}, {"党员领导干部", yes(mem.IsLeader)}, {"联系电话", mem.Phone},
		{"困难党员", yes(mem.InDifficulty)}, {"党费基数", mem.DuesBase.String()}, {"党籍状态", mem.Status},
		{"备注", mem.Note}, {"学位", mem.Degree}, {"毕业院校", mem.School}, {"户籍所在地", mem.HouseholdPlace},
		{"现居住地", mem.Residence}, {"档案所在单位", mem.ArchiveUnit}, {"工作单位及职务", mem.WorkUnit},
		{"失联情形", mem.LostCircumstance}, {"失联日期", date(mem.LostDate)},
	}
}

// withOptions passes the import's options to the importer that uses them.
func withOptions(imp importer, o Options) {
	if m, ok := imp.(*memberImporter); ok {
		m.update = o.Update
	}
}

// afterRows books what the importer gathered and, unless nothing is to be
// written, remembers the header mapping the import used.
func afterRows(ctx context.Context, tx *data.Tx, imp importer, rep *Report, o Options) error {
	if m, ok := imp.(*memberImporter); ok {
		rep.Changes = m.changes
	}
	if w, ok := imp.(interface{ rowWarnings() []Problem }); ok {
		rep.Warnings = w.rowWarnings()
	}
	if o.DryRun || rep.Mapping == nil {
		return nil
	}
	return remember(ctx, tx, rep.Mapping)
}

// branch finds the branch by name, creating it (type guessed from the name)
// when the organization has none of that name yet.
func (m *memberImporter) branch(ctx context.Context, tx *data.Tx, name string) (*data.Branch, error) {
	if b, ok := m.branches[name]; ok {
		return b, nil
	}
	b := &data.Branch{Name: name, Type: string(guessBranchType(name))}
	if err := tx.Branches.Create(ctx, b); err != nil {
		return nil, err
	}
	m.branches[name], m.pending = b, b
	return b, nil
}

func (m *memberImporter) settle(ok bool) {
	if b := m.pending; b != nil {
		if ok {
			m.newBranches = append(m.newBranches, b.Name)
		} else {
			delete(m.branches, b.Name)
		}
	}
	m.pending = nil
}

// guessBranchType reads a branch's type from its name: the type's own word
// (离退休, 学生, 教工) or another that goes with it, e.g. 本科 or 研究生
// (spelled as the 学历) for students.
func guessBranchType(name string) vocab.BranchType {
	switch {
	case strings.Contains(name, string(vocab.BranchRetired)) || strings.Contains(name, "退休"):
		return vocab.BranchRetired
	case strings.Contains(name, string(vocab.BranchStudent)) || strings.Contains(name, "本科") ||
		strings.Contains(name, string(vocab.EduPostgraduate)) || strings.Contains(name, "级"):
		return vocab.BranchStudent
	case strings.Contains(name, string(vocab.BranchStaff)) || strings.Contains(name, "机关") || strings.Contains(name, "教师"):
		return vocab.BranchStaff
	}
	return vocab.BranchMixed
}

// keepDerived leaves blank what a row gives only because an export derived
// it from another record: the 失联日期 and 失联情形 the 全国党员管理信息系统
// layout takes from an open 失联 episode when the member record has none.
func (m *memberImporter) keepDerived(rec, stored *data.Member) {
	lost := data.LostOf(stored, m.lost[stored.ID])
	if stored.LostDate.IsZero() && rec.LostDate.Equal(lost.Date.Time) {
		rec.LostDate = stored.LostDate
	}
	if stored.LostCircumstance == "" && rec.LostCircumstance == lost.Circumstances {
		rec.LostCircumstance = stored.LostCircumstance
	}
}
