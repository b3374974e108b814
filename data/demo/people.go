package demo

import (
	"fmt"
	"math"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// person is a planned member with what the generator needs to know about
// them beyond the record.
type person struct {
	rec    data.Member
	id     data.Ref
	branch *branch
	group  *group
	birth  time.Time
	joined time.Time
	// from is when the member came under the organization (the later of
	// 入党 and a transfer in); until is the day of a transfer out, or zero.
	from, until time.Time

	taken      bool // holds a role that excludes the others
	committee  bool
	leader     bool
	lectures   bool // a leader who gives a 党课 this year
	skipsOwn   bool // a leader absent from their own branch (双重组织生活)
	fifty      bool
	lowTrain   bool // attends little training
	quietFrom  int  // from this month index on, attends nothing; 0: never
	unpaidFrom int  // from this month index on, pays no dues; 0: never
	out, in    bool // transferred out / in this year
	issued     time.Time
	receipt    time.Time
	otherOrg   string

	// The member file (memberfile.go).
	marked       bool // has a status or a record of the member file picked for them
	episodes     []data.Episode
	dispositions []data.Disposition
}

// present reports whether the member belonged to the organization on day d.
func (p *person) present(d time.Time) bool {
	return !d.Before(p.from) && (p.until.IsZero() || !d.After(p.until))
}

// kind is the member's 人员类别.
func (p *person) kind() vocab.PersonType { return vocab.PersonType(p.rec.PersonType) }

func (p *person) staff() bool   { return p.kind() == vocab.PersonStaff }
func (p *person) student() bool { return p.kind() == vocab.PersonStudent }
func (p *person) retired() bool { return p.kind() == vocab.PersonRetired }

// full reports whether the member is a 正式党员.
func (p *person) full() bool { return p.rec.Category == string(vocab.CategoryFull) }

// planPeople creates every branch's members with their personal details. A
// student branch's secretary is a 辅导员 (staff); 教工 branches' members are
// shared between the two 党小组.
func (g *gen) planPeople() {
	for _, b := range g.branches {
		for i := range b.size {
			var p *person
			switch {
			case b.kind == vocab.BranchStaff:
				p = g.newStaff(b, false)
			case b.kind == vocab.BranchRetired:
				p = g.newRetired(b)
			case i == 0:
				p = g.newStaff(b, true)
			default:
				p = g.newStudent(b)
			}
			if len(b.groups) > 0 {
				p.group = b.groups[i%len(b.groups)]
				p.group.members = append(p.group.members, p)
			}
			p.from = p.joined
			b.members = append(b.members, p)
			g.people = append(g.people, p)
		}
	}
}

// newPerson fills what every member has: name, gender, 民族, birth,
// 公民身份号码, 籍贯, phone, and a 入党日期 (as 正式党员) at an age in
// [joinLo, joinHi]. The birth is in [ageLo, ageHi] years before AsOf's year.
func (g *gen) newPerson(b *branch, personType vocab.PersonType, ageLo, ageHi int, maleP float64, joinLo, joinHi int) *person {
	p := &person{branch: b}
	male := g.chance(maleP)
	p.birth = g.someDay(g.year-ageHi, g.year-ageLo)
	p.rec.PersonType = string(personType)
	p.rec.Gender = string(vocab.Female)
	if male {
		p.rec.Gender = string(vocab.Male)
	}
	p.rec.Name = g.uniqueName(b, p.birth.Year(), male)
	p.rec.Ethnicity = "汉族"
	reg := regions[g.intn(len(regions))]
	if roll := g.intn(1000); roll < 90 {
		for _, e := range ethnicities {
			if roll < e.permil {
				p.rec.Ethnicity = e.name
				reg = regionByCode(e.regions[g.intn(len(e.regions))])
				break
			}
			roll -= e.permil
		}
	}
	p.rec.NativePlace = reg.place
	p.rec.BirthDate = dt(p.birth)
	p.rec.IDNumber = g.idNumber(reg.code, p.birth, male)
	p.rec.Phone = fmt.Sprintf("1%d%09d", []int{3, 5, 8}[g.intn(3)], g.intn(1_000_000_000))
	p.rec.Category = string(vocab.CategoryFull)
	adult := p.birth.AddDate(18, 0, 0)
	latest := g.asOf.AddDate(-1, 0, -1)
	p.joined = p.birth.AddDate(g.between(joinLo, joinHi), 0, g.intn(365))
	if p.joined.Before(adult) || p.joined.After(latest) {
		p.joined = g.dayIn(adult, latest)
	}
	p.rec.JoinedDate = dt(p.joined)
	p.rec.ConfirmedAt = dt(p.joined.AddDate(1, 0, 0))
	return p
}

// regionByCode finds a region of the list.
func regionByCode(code string) region {
	for _, r := range regions {
		if r.code == code {
			return r
		}
	}
	return regions[0]
}

// Birth ranges are years before AsOf's year: for 2026, staff are born
// 1965–1996, students 1999–2006 and retired members 1938–1962.

func (g *gen) newStaff(b *branch, counsellor bool) *person {
	hi, joinHi := 61, 32
	if counsellor {
		hi, joinHi = 40, 24
	}
	p := g.newPerson(b, vocab.PersonStaff, 30, hi, 0.55, 19, joinHi)
	hired := max(p.birth.Year()+g.between(23, 30), g.year-38)
	g.staffNo++
	p.rec.StaffNo = fmt.Sprintf("%04d%04d", min(hired, g.year), g.staffNo)
	switch {
	case counsellor:
		p.rec.Position = "学生工作办公室 辅导员"
	case b.dept == "机关":
		p.rec.Position = g.pick(officeTitles)
	default:
		p.rec.Position = b.dept + " " + g.pick(facultyTitles)
	}
	p.rec.Education = string(vocab.EduPostgraduate)
	if g.chance(0.15) || b.dept == "机关" && g.chance(0.4) {
		p.rec.Education = string(vocab.EduBachelor)
	}
	p.rec.DuesBase = g.staffIncome()
	return p
}

func (g *gen) newStudent(b *branch) *person {
	lo, hi := 20, 27
	if b.grad {
		lo = 22
	} else {
		age := g.year - (b.grade - 18 - g.between(0, 1))
		lo = min(max(lo, age), hi)
		hi = lo
	}
	p := g.newPerson(b, vocab.PersonStudent, lo, hi, 0.62, 18, 21)
	g.staffNo++
	if b.grad {
		grade := g.year - g.between(0, 2)
		if g.asOf.Month() < time.September {
			grade--
		}
		degree := g.pick(gradDegrees)
		prefix := "M"
		if degree == "博士研究生" {
			prefix = "D"
		}
		p.rec.StaffNo = fmt.Sprintf("%s%d%05d", prefix, grade, g.staffNo)
		p.rec.Position = fmt.Sprintf("%s%d级%s", g.pick(gradMajors), grade, degree)
		p.rec.Education = string(vocab.EduPostgraduate)
	} else {
		p.rec.StaffNo = fmt.Sprintf("U%d%05d", b.grade, g.staffNo)
		p.rec.Position = fmt.Sprintf("%s%d级%d班", g.pick(majors), b.grade, g.between(1, 4))
		p.rec.Education = string(vocab.EduBachelor)
	}
	return p
}

func (g *gen) newRetired(b *branch) *person {
	p := g.newPerson(b, vocab.PersonRetired, 64, 88, 0.6, 20, 45)
	g.staffNo++
	p.rec.StaffNo = fmt.Sprintf("%04d%04d", p.birth.Year()+g.between(22, 26), g.staffNo)
	p.rec.Position = "原" + departments[g.intn(len(departments))] + "(退休)"
	p.rec.Education = string([]vocab.Education{vocab.EduBachelor, vocab.EduBachelor, vocab.EduCollege,
		vocab.EduPostgraduate, vocab.EduTechnical}[g.intn(5)])
	p.rec.DuesBase = data.Yuan(int64(g.between(2500, 8000)))
	if g.chance(0.1) {
		p.rec.DuesBase = data.Yuan(5000)
	}
	return p
}

// staffIncome is a 党费基数 between 3000 and 16000 元, some exactly on a
// bracket's edge, some with 分.
func (g *gen) staffIncome() data.Money {
	if g.chance(0.12) {
		return data.Yuan([]int64{3000, 5000, 10000}[g.intn(3)])
	}
	m := data.Yuan(int64(g.between(3000, 15999)))
	if g.chance(0.4) {
		m += data.Money(g.intn(100))
	}
	return m
}

// uniqueName draws a name not yet used in the branch.
func (g *gen) uniqueName(b *branch, born int, male bool) string {
	era := 2
	switch {
	case born < g.year-61:
		era = 0
	case born < g.year-36:
		era = 1
	}
	sex := 1
	if male {
		sex = 0
	}
	given := givenNames[era][sex]
	for {
		// Surnames favour the head of the list.
		i := int(math.Pow(g.r.Float64(), 1.8) * float64(len(surnames)))
		name := surnames[i] + given[g.intn(len(given))]
		if !b.names[name] {
			b.names[name] = true
			return name
		}
	}
}

// idNumber builds a 公民身份号码 not used before.
func (g *gen) idNumber(region string, birth time.Time, male bool) string {
	seq := g.intn(500)
	for {
		id := field.MakeIDNumber(region, birth, seq, male)
		if !g.usedIDs[id] {
			g.usedIDs[id] = true
			return id
		}
		seq = (seq + 1) % 500
	}
}

// writeMembers writes the members, in branch order.
func (g *gen) writeMembers() error {
	for i, p := range g.people {
		p.rec.BranchID = p.branch.id
		if p.group != nil {
			p.rec.GroupID = p.group.id
		}
		if err := put(g, g.tx.Members, &p.rec, &g.sum.Members); err != nil {
			return err
		}
		p.id = data.Ref(p.rec.ID)
		if i%64 == 63 {
			g.advance(64)
		}
	}
	g.advance(len(g.people) % 64)
	return nil
}
