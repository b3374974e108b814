package data

// Org is a 二级党组织. Exactly one owns a local database; a consolidated
// database holds many.
type Org struct {
	Meta
	Name string
	Code string
}

// Table names the SQL table.
func (*Org) Table() string { return "orgs" }

// Fields lists the columns.
func (o *Org) Fields() []Field {
	return []Field{{"name", "组织名称", &o.Name}, {"code", "组织代码", &o.Code}}
}

func (o *Org) check(c *checker) { c.required("name", o.Name) }

// Branch is a 党支部.
type Branch struct {
	Meta
	Name      string
	Type      string // 教工/学生/离退休/混合
	Secretary string // the secretary's name
	Founded   Date
	Note      string
}

// Table names the SQL table.
func (*Branch) Table() string { return "branches" }

// Fields lists the columns.
func (b *Branch) Fields() []Field {
	return []Field{
		{"name", "支部名称", &b.Name}, {"type", "支部类型", &b.Type},
		{"secretary", "支部书记", &b.Secretary}, {"founded", "成立日期", &b.Founded},
		{"note", "备注", &b.Note},
	}
}

func (b *Branch) check(c *checker) {
	c.required("name", b.Name)
	c.required("type", b.Type)
	c.oneOf("type", b.Type, BranchTypes)
	c.notFuture("founded", b.Founded)
}

// PartyGroup is a 党小组 within a branch.
type PartyGroup struct {
	Meta
	BranchID Ref
	Name     string
	Leader   string // the group leader's name
}

// Table names the SQL table.
func (*PartyGroup) Table() string { return "party_groups" }

// Fields lists the columns.
func (g *PartyGroup) Fields() []Field {
	return []Field{{"branch_id", "所在支部", &g.BranchID}, {"name", "党小组名称", &g.Name}, {"leader", "党小组长", &g.Leader}}
}

func (g *PartyGroup) check(c *checker) {
	c.requiredRef("branch_id", g.BranchID)
	c.required("name", g.Name)
}

// Setting is one configurable value, such as a rule threshold.
type Setting struct {
	Meta
	Key   string
	Value string
}

// Table names the SQL table.
func (*Setting) Table() string { return "settings" }

// Fields lists the columns.
func (s *Setting) Fields() []Field {
	return []Field{{"key", "设置项", &s.Key}, {"value", "设置值", &s.Value}}
}

func (s *Setting) check(c *checker) { c.required("key", s.Key) }
