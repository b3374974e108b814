package sheets

import (
	"context"
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
	pending     *data.Branch // a branch the current row created
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
	status := string(vocab.StatusNormal)
	if v := r.choice("党籍状态", nil); v != "" {
		status = v
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
	m.fill(&rec, r, id)
	rec.Status = status
	branchName := r.name("所在支部")
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	branch, err := m.branch(ctx, tx, branchName)
	if err != nil {
		return unchanged, rowErr(r, err, map[string]string{"name": "所在支部", "type": "所在支部"})
	}
	rec.BranchID = data.Ref(branch.ID)
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
	if err := tx.Members.Update(ctx, &rec); err != nil {
		return unchanged, rowErr(r, err, memberCols)
	}
	*old = rec
	if rec.Version == before {
		return unchanged, nil
	}
	return updated, nil
}

// fill copies the row's cells onto the member, only for the columns the
// sheet has.
func (m *memberImporter) fill(rec *data.Member, r *row, id string) {
	rec.IDNumber = id
	rec.Name = r.name("姓名")
	set := func(col string, apply func()) {
		if r.has(col) {
			apply()
		}
	}
	set("性别", func() { rec.Gender = r.choice("性别", nil) })
	set("民族", func() { rec.Ethnicity = r.text("民族") })
	set("出生日期", func() { rec.BirthDate = r.date("出生日期") })
	set("籍贯", func() { rec.NativePlace = r.text("籍贯") })
	set("学历", func() { rec.Education = r.text("学历") })
	rec.PersonType = r.choice("人员类别", nil)
	set("工号或学号", func() { rec.StaffNo = r.text("工号或学号") })
	set("单位职务或院系班级", func() { rec.Position = r.text("单位职务或院系班级") })
	rec.JoinedDate = r.date("入党日期")
	set("转正日期", func() { rec.ConfirmedAt = r.date("转正日期") })
	rec.Category = r.choice("党员类别", data.CategoryAliases)
	set("党内职务", func() { rec.PartyPost = r.text("党内职务") })
	set("党员领导干部", func() { rec.IsLeader = r.boolean("党员领导干部") })
	set("联系电话", func() { rec.Phone = r.text("联系电话") })
	set("困难党员", func() { rec.InDifficulty = r.boolean("困难党员") })
	set("党费基数", func() { rec.DuesBase = r.money("党费基数") })
	set("备注", func() { rec.Note = r.text("备注") })
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
