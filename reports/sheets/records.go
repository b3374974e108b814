package sheets

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// One importer and one exporter serve every kind of the member file and of
// 实践锻炼 (records_layouts.go): a recordSpec binds each column of the
// sheet to a store column of the record, and names the natural key that a
// row is matched on, so that importing the same sheet again changes
// nothing.

// recordSpec is a kind of record sheet.
type recordSpec struct {
	kind  Kind
	title string
	// key says the natural key in Chinese, for the 填写说明.
	key string
	// keyFields are the store columns of the natural key; a member is
	// matched on their 公民身份号码, other references on the record they
	// name.
	keyFields []string
	// keyHeader is the column a row repeating an earlier row's key is
	// reported on.
	keyHeader string
	cols      []recordCol
	table     func(*data.Tables) recordTable
	// yearHeader is the column whose date (or year) keeps a record in the
	// export of a year; "" exports every record whatever the year.
	yearHeader string
	// inYear, when set, decides instead of yearHeader.
	inYear func(rec data.Record, year int) bool
	// covers keeps the records the kind is about (a liaison of kind 支部
	// or 班级); nil: all of the table.
	covers func(ix *refIndex, rec data.Record) bool
	// check adds the kind's own checks of a parsed row; old is the stored
	// record the row matches, nil for a new one.
	check func(ix *refIndex, r *row, rec, old data.Record)
}

// recordCol is a column of a record sheet.
type recordCol struct {
	Column
	field  string  // the store column it fills; "" for a column read with a reference
	ref    refKind // what a reference column names
	future bool    // a date that may lie after today (a deadline, a 影响期)
}

// refKind is what a column refers to.
type refKind int

const (
	refNone    refKind = iota
	refMember          // 公民身份号码 (with 姓名): the member
	refBranch          // 所在支部: a branch by name
	refTeacher         // 授课教师: a 二级党校 teacher by name
	refPlan            // 计划课程 (with 年度): a 培训计划 line
	refLink            // 联系对象 (with 公民身份号码, 姓名, 联系类型 and 日期): a leader's liaison
)

// layout is the spec's sheet layout.
func (sp *recordSpec) layout() Layout {
	cols := make([]Column, len(sp.cols))
	for i, c := range sp.cols {
		cols[i] = c.Column
	}
	return Layout{Kind: sp.kind, Title: sp.title, Columns: cols, Key: sp.key}
}

func (sp *recordSpec) col(header string) *recordCol {
	for i := range sp.cols {
		if sp.cols[i].Header == header {
			return &sp.cols[i]
		}
	}
	return nil
}

// recordTable is the part of a data.Table the sheets use, for any record.
type recordTable interface {
	each(ctx context.Context, fn func(data.Record) error, conds ...data.Cond) error
	create(ctx context.Context, rec data.Record) error
	update(ctx context.Context, rec data.Record) error
	fresh() data.Record
	clone(rec data.Record) data.Record
}

type tableOf[T any, P interface {
	*T
	data.Record
}] struct{ t data.Table[T, P] }

func (a tableOf[T, P]) each(ctx context.Context, fn func(data.Record) error, conds ...data.Cond) error {
	return a.t.Each(ctx, func(rec *T) error { return fn(P(rec)) }, conds...)
}

func (a tableOf[T, P]) create(ctx context.Context, rec data.Record) error {
	return a.t.Create(ctx, rec.(P))
}

func (a tableOf[T, P]) update(ctx context.Context, rec data.Record) error {
	return a.t.Update(ctx, rec.(P))
}

func (a tableOf[T, P]) fresh() data.Record { return P(new(T)) }

func (a tableOf[T, P]) clone(rec data.Record) data.Record {
	c := new(T)
	*c = *(*T)(rec.(P))
	return P(c)
}

// metaOf returns a record's bookkeeping columns.
func metaOf(rec data.Record) *data.Meta {
	return reflect.ValueOf(rec).Elem().FieldByName("Meta").Addr().Interface().(*data.Meta)
}

// fieldPtr returns the pointer to a record's store column.
func fieldPtr(rec data.Record, col string) any {
	for _, f := range rec.Fields() {
		if f.Col == col {
			return f.Ptr
		}
	}
	panic("sheets: no column " + col + " in " + rec.Table())
}

// assign sets a record's store column.
func assign(rec data.Record, col string, v any) {
	switch p := fieldPtr(rec, col).(type) {
	case *string:
		*p = v.(string)
	case *data.Date:
		*p = v.(data.Date)
	case *data.Ref:
		*p = v.(data.Ref)
	case *float64:
		*p = v.(float64)
	case *int:
		*p = v.(int)
	default:
		panic("sheets: column " + col + " of an unexpected type")
	}
}

// refIndex finds what rows refer to: members, branches, teachers, plans
// and liaisons, by what a sheet names them with and by id.
type refIndex struct {
	members    memberIndex
	branches   map[string]*data.Branch // by name
	branchByID map[data.Ref]*data.Branch
	teachers   map[string]*data.SchoolTeacher // by name
	teacherBy  map[data.Ref]*data.SchoolTeacher
	plans      map[string]*data.TrainingPlan // by 年度|课程
	planByID   map[data.Ref]*data.TrainingPlan
	links      map[string][]*data.Liaison // by 公民身份号码|联系类型|联系对象
	linkByID   map[data.Ref]*data.Liaison
}

// loadRefIndex reads what rows refer to; conds (WithDeleted for an export,
// so that records of deleted rows still show what they name) apply to
// every table.
func loadRefIndex(ctx context.Context, t *data.Tables, conds ...data.Cond) (*refIndex, error) {
	ix := &refIndex{
		members:  memberIndex{byNumber: map[string]*data.Member{}, byID: map[string]*data.Member{}},
		branches: map[string]*data.Branch{}, branchByID: map[data.Ref]*data.Branch{},
		teachers: map[string]*data.SchoolTeacher{}, teacherBy: map[data.Ref]*data.SchoolTeacher{},
		plans: map[string]*data.TrainingPlan{}, planByID: map[data.Ref]*data.TrainingPlan{},
		links: map[string][]*data.Liaison{}, linkByID: map[data.Ref]*data.Liaison{},
	}
	err := t.Members.Each(ctx, func(m *data.Member) error {
		ix.members.byID[m.ID] = m
		if old, ok := ix.members.byNumber[m.IDNumber]; !ok || (!old.Active() && m.Active()) || (old.Deleted() && !m.Deleted()) {
			ix.members.byNumber[m.IDNumber] = m
		}
		return nil
	}, conds...)
	if err != nil {
		return nil, err
	}
	err = t.Branches.Each(ctx, func(b *data.Branch) error {
		ix.branchByID[data.Ref(b.ID)] = b
		if old, ok := ix.branches[b.Name]; !ok || old.Deleted() {
			ix.branches[b.Name] = b
		}
		return nil
	}, conds...)
	if err != nil {
		return nil, err
	}
	err = t.SchoolTeachers.Each(ctx, func(x *data.SchoolTeacher) error {
		ix.teacherBy[data.Ref(x.ID)] = x
		if old, ok := ix.teachers[x.Name]; !ok || old.Deleted() {
			ix.teachers[x.Name] = x
		}
		return nil
	}, conds...)
	if err != nil {
		return nil, err
	}
	err = t.TrainingPlans.Each(ctx, func(p *data.TrainingPlan) error {
		ix.planByID[data.Ref(p.ID)] = p
		key := planKey(p.Year, p.Course)
		if old, ok := ix.plans[key]; !ok || old.Deleted() {
			ix.plans[key] = p
		}
		return nil
	}, conds...)
	if err != nil {
		return nil, err
	}
	err = t.Liaisons.Each(ctx, func(l *data.Liaison) error {
		ix.linkByID[data.Ref(l.ID)] = l
		if m := ix.members.byID[string(l.MemberID)]; m != nil {
			key := linkKey(m.IDNumber, l.Kind, l.Contact)
			ix.links[key] = append(ix.links[key], l)
		}
		return nil
	}, append(conds, data.OrderBy(data.ColID))...)
	return ix, err
}

func planKey(year int, course string) string { return strconv.Itoa(year) + "|" + course }

func linkKey(idNumber, kind, contact string) string { return idNumber + "|" + kind + "|" + contact }

// person is what an export shows of the member ref names.
func (ix *refIndex) person(ref data.Ref) (idNumber, name string) {
	if m := ix.members.byID[string(ref)]; m != nil {
		return m.IDNumber, m.Name
	}
	return "", ""
}

// isLeaderLink reports whether a liaison is a 领导干部联系点: of kind 支部
// or 班级.
func isLeaderLink(kind string) bool {
	return kind == string(vocab.LiaisonBranch) || kind == string(vocab.LiaisonClass)
}

// link finds the liaison a visit on date belongs to: the one in force that
// day, or nil; known tells whether the leader has such a liaison at all
// (one not in force that day, then).
func (ix *refIndex) link(idNumber, kind, contact string, date data.Date) (l *data.Liaison, known bool) {
	for _, l := range ix.links[linkKey(idNumber, kind, contact)] {
		if l.Deleted() {
			continue
		}
		known = true
		begun := l.Since.IsZero() || date.IsZero() || !l.Since.After(date.Time)
		if begun && (l.Until.IsZero() || date.IsZero() || !l.Until.Before(date.Time)) {
			return l, true
		}
	}
	return nil, known
}

// keyOf is a record's natural key.
func (sp *recordSpec) keyOf(ix *refIndex, rec data.Record) string {
	parts := make([]string, len(sp.keyFields))
	for i, f := range sp.keyFields {
		switch v := fieldPtr(rec, f).(type) {
		case *data.Ref:
			if f == "member_id" {
				parts[i], _ = ix.person(*v)
			} else {
				parts[i] = string(*v)
			}
		case *string:
			parts[i] = *v
		case *data.Date:
			parts[i] = v.String()
		case *int:
			parts[i] = strconv.Itoa(*v)
		case *float64:
			parts[i] = strconv.FormatFloat(*v, 'f', -1, 64)
		}
	}
	return strings.Join(parts, "\x1f")
}

// recordImporter imports a record sheet: a row whose natural key is stored
// updates that record (the columns the sheet has), any other row creates
// one.
type recordImporter struct {
	sp      *recordSpec
	ix      *refIndex
	byKey   map[string]data.Record
	rows    rowKeys
	pending string // the key the current row created
	undo    func() // restores the record the current row changed
}

func (ri *recordImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	if ri.ix, err = loadRefIndex(ctx, &tx.Tables); err != nil {
		return err
	}
	ri.byKey, ri.rows = map[string]data.Record{}, rowKeys{}
	return ri.sp.table(&tx.Tables).each(ctx, func(rec data.Record) error {
		if ri.sp.covers == nil || ri.sp.covers(ri.ix, rec) {
			key := ri.sp.keyOf(ri.ix, rec)
			if _, ok := ri.byKey[key]; !ok {
				ri.byKey[key] = rec
			}
		}
		return nil
	}, data.OrderBy(data.ColID))
}

func (ri *recordImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	sp, tbl := ri.sp, ri.sp.table(&tx.Tables)
	vals := ri.parse(r, tbl.fresh())
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	probe := tbl.fresh()
	for f, v := range vals {
		assign(probe, f, v)
	}
	key := sp.keyOf(ri.ix, probe)
	if ri.rows.claim(r, key, sp.keyHeader); len(r.problems) > 0 {
		return unchanged, nil
	}
	old := ri.byKey[key]
	rec := probe
	if old != nil {
		rec = tbl.clone(old)
		for f, v := range vals {
			assign(rec, f, v)
		}
	}
	if sp.check != nil {
		if sp.check(ri.ix, r, rec, old); len(r.problems) > 0 {
			return unchanged, nil
		}
	}
	cols := ri.columnsOf()
	if old == nil {
		if err := tbl.create(ctx, rec); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		ri.byKey[key], ri.pending = rec, key
		return created, nil
	}
	before := metaOf(rec).Version
	if err := tbl.update(ctx, rec); err != nil {
		return unchanged, rowErr(r, err, cols)
	}
	if metaOf(rec).Version == before {
		return unchanged, nil
	}
	ri.byKey[key] = rec
	ri.undo = func() { ri.byKey[key] = old }
	return updated, nil
}

func (ri *recordImporter) settle(ok bool) {
	if !ok {
		if ri.pending != "" {
			delete(ri.byKey, ri.pending)
		}
		if ri.undo != nil {
			ri.undo()
		}
	}
	ri.pending, ri.undo = "", nil
}

// columnsOf names the sheet column of each store column, for the store's
// problems.
func (ri *recordImporter) columnsOf() map[string]string {
	cols := map[string]string{}
	for _, c := range ri.sp.cols {
		if c.field != "" {
			cols[c.field] = c.Header
		}
	}
	return cols
}

// parse reads the row's columns into store values (only the columns the
// sheet has; a reference and its companions count as one), recording
// problems in the row. zero is a blank record, for the columns' types.
func (ri *recordImporter) parse(r *row, zero data.Record) map[string]any {
	vals := map[string]any{}
	for _, c := range ri.sp.cols {
		if c.field == "" || (!r.has(c.Header) && !c.Required) {
			continue
		}
		switch c.ref {
		case refMember:
			vals[c.field] = ri.memberRef(r, c.Header)
		case refBranch:
			vals[c.field] = ri.named(r, c.Header, func(n string) (data.Ref, bool) {
				b, ok := ri.ix.branches[n]
				if !ok {
					return "", false
				}
				return data.Ref(b.ID), true
			}, "本库中没有名为“%s”的支部")
		case refTeacher:
			vals[c.field] = ri.named(r, c.Header, func(n string) (data.Ref, bool) {
				t, ok := ri.ix.teachers[n]
				if !ok {
					return "", false
				}
				return data.Ref(t.ID), true
			}, "本库中没有名为“%s”的党校教师，请先导入党校教师")
		case refPlan:
			vals[c.field] = ri.plan(r, c.Header)
		case refLink:
			vals[c.field] = ri.link(r, c.Header)
		default:
			vals[c.field] = ri.value(r, c, fieldPtr(zero, c.field))
		}
	}
	return vals
}

// memberRef reads 公民身份号码 (and 姓名): the member, or "" when the
// column is blank (and may be) or wrong.
func (ri *recordImporter) memberRef(r *row, header string) data.Ref {
	if r.cells[header] == "" && !r.layout.Header(header).Required {
		return ""
	}
	m := ri.ix.members.member(r)
	if m == nil {
		return ""
	}
	return data.Ref(m.ID)
}

// named reads a name and finds what it names with find; msg says an
// unknown name (with %s for it).
func (ri *recordImporter) named(r *row, header string, find func(string) (data.Ref, bool), msg string) data.Ref {
	name := r.name(header)
	if name == "" {
		return ""
	}
	ref, ok := find(name)
	if !ok {
		r.fail(header, strings.Replace(msg, "%s", name, 1))
	}
	return ref
}

// plan reads 年度 and 计划课程: the 培训计划 line.
func (ri *recordImporter) plan(r *row, header string) data.Ref {
	year, ok := r.year("年度")
	course := r.text(header)
	if !ok || course == "" {
		return ""
	}
	p, found := ri.ix.plans[planKey(year, course)]
	if !found {
		r.fail(header, "本库的"+strconv.Itoa(year)+"年度培训计划中没有课程“"+course+"”，请先在培训计划中添加")
		return ""
	}
	return data.Ref(p.ID)
}

// link reads 公民身份号码, 姓名, 联系类型, 联系对象 and 日期: the leader's
// liaison the visit was made under.
func (ri *recordImporter) link(r *row, header string) data.Ref {
	m := ri.ix.members.member(r)
	kind := r.choice("联系类型", nil)
	contact := r.text(header)
	date := r.date("日期")
	if m == nil || kind == "" || contact == "" || len(r.problems) > 0 {
		return ""
	}
	l, known := ri.ix.link(m.IDNumber, kind, contact, date)
	switch {
	case l == nil && known:
		r.fail("日期", "该党员与“"+contact+"”的联系点在"+date.String()+"不在联系期间内")
		return ""
	case l == nil:
		r.fail(header, "该党员没有联系类型为“"+kind+"”、联系对象为“"+contact+"”的联系点，请先导入领导干部联系点")
		return ""
	}
	return data.Ref(l.ID)
}

// value reads a plain column into the type of the store column ptr points
// to.
func (ri *recordImporter) value(r *row, c recordCol, ptr any) any {
	switch ptr.(type) {
	case *data.Date:
		if c.future {
			return r.anyDate(c.Header)
		}
		return r.date(c.Header)
	case *int:
		y, _ := r.year(c.Header)
		return y
	case *float64:
		return r.hours(c.Header)
	}
	switch {
	case len(c.Choices) > 0 && !c.Open:
		return r.choice(c.Header, choiceAliases[c.Header])
	case len(c.Choices) > 0:
		v := r.text(c.Header)
		if alias, ok := foldedAliases(c.Choices)[v]; ok {
			return alias
		}
		return v
	case c.Header == "姓名":
		return r.name(c.Header)
	}
	return r.text(c.Header)
}

// choiceAliases are the other names a column's choices go by in the
// sheets units keep, by header: 支部委员会 for 支委会.
var choiceAliases = map[string]map[string]string{
	"机构": {
		"支部委员会": string(vocab.OrganBranchCommittee), "党支部委员会": string(vocab.OrganBranchCommittee),
		"总支委员会": string(vocab.OrganGeneralBranch), "党总支委员会": string(vocab.OrganGeneralBranch),
		"党委会": string(vocab.OrganCommittee), "党委委员会": string(vocab.OrganCommittee),
	},
}

// foldedAliases maps the half-width spelling of each choice written with
// full-width punctuation (出国(境)未联系) to the choice, so that an open
// choice typed so is kept as the listed value.
func foldedAliases(choices []string) map[string]string {
	var out map[string]string
	for _, c := range choices {
		if f := width.Fold.String(c); f != c {
			if out == nil {
				out = map[string]string{}
			}
			out[f] = c
		}
	}
	return out
}

// year reads a year (2026, 2026年); ok is false when blank or wrong.
func (r *row) year(col string) (int, bool) {
	v := r.text(col)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(field.Normalize(v), "年度"), "年"))
	if err != nil || n < 1921 || n > r.today.Year()+1 {
		r.fail(col, "应为年份，如"+strconv.Itoa(r.today.Year()))
		return 0, false
	}
	return n, true
}

// export writes the kind's records (of year, when not 0), ordered by their
// date (or year), then their natural key.
func (sp *recordSpec) export(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	ix, err := loadRefIndex(ctx, &s.Tables, data.WithDeleted())
	if err != nil {
		return err
	}
	type item struct {
		rec  data.Record
		vals map[string]any
		sort string
	}
	var items []item
	err = sp.table(&s.Tables).each(ctx, func(rec data.Record) error {
		if sp.covers != nil && !sp.covers(ix, rec) {
			return nil
		}
		vals := sp.exportValues(ix, rec)
		if year != 0 && !sp.keepYear(rec, vals, year) {
			return nil
		}
		items = append(items, item{rec, vals, sp.sortKey(vals)})
		return nil
	}, out.inOrg()...)
	if err != nil {
		return err
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(strings.Compare(a.sort, b.sort), strings.Compare(metaOf(a.rec).ID, metaOf(b.rec).ID))
	})
	out.start(len(items))
	for _, it := range items {
		if err := out.add(it.vals); err != nil {
			return err
		}
	}
	return nil
}

// keepYear reports whether a record belongs in the export of year.
func (sp *recordSpec) keepYear(rec data.Record, vals map[string]any, year int) bool {
	if sp.inYear != nil {
		return sp.inYear(rec, year)
	}
	switch v := vals[sp.yearHeader].(type) {
	case data.Date:
		return v.Year() == year
	case int:
		return v == year
	}
	return true
}

// sortKey orders an export: the year column first, then the columns of
// the sheet in order.
func (sp *recordSpec) sortKey(vals map[string]any) string {
	var b strings.Builder
	text := func(v any) string {
		switch v := v.(type) {
		case data.Date:
			return v.String()
		case int:
			return strconv.Itoa(v)
		case float64:
			return strconv.FormatFloat(v, 'f', 2, 64)
		case string:
			return v
		}
		return ""
	}
	if sp.yearHeader != "" {
		b.WriteString(text(vals[sp.yearHeader]))
	}
	for _, c := range sp.cols {
		b.WriteString("\x1f")
		b.WriteString(text(vals[c.Header]))
	}
	return b.String()
}

// exportValues gives every column of the record's row.
func (sp *recordSpec) exportValues(ix *refIndex, rec data.Record) map[string]any {
	vals := map[string]any{}
	put := func(header string, v any) {
		if c := sp.col(header); c != nil && c.field == "" {
			vals[header] = v
		}
	}
	for _, c := range sp.cols {
		if c.field == "" {
			continue
		}
		ptr := fieldPtr(rec, c.field)
		switch c.ref {
		case refMember:
			number, name := ix.person(*ptr.(*data.Ref))
			vals[c.Header] = number
			put("姓名", name)
		case refBranch:
			vals[c.Header] = ""
			if b := ix.branchByID[*ptr.(*data.Ref)]; b != nil {
				vals[c.Header] = b.Name
			}
		case refTeacher:
			vals[c.Header] = ""
			if t := ix.teacherBy[*ptr.(*data.Ref)]; t != nil {
				vals[c.Header] = t.Name
			}
		case refPlan:
			vals[c.Header] = ""
			put("年度", "")
			if p := ix.planByID[*ptr.(*data.Ref)]; p != nil {
				vals[c.Header] = p.Course
				put("年度", p.Year)
			}
		case refLink:
			vals[c.Header] = ""
			put("公民身份号码", "")
			put("姓名", "")
			put("联系类型", "")
			if l := ix.linkByID[*ptr.(*data.Ref)]; l != nil {
				number, name := ix.person(l.MemberID)
				vals[c.Header] = l.Contact
				put("公民身份号码", number)
				put("姓名", name)
				put("联系类型", l.Kind)
			}
		default:
			vals[c.Header] = reflect.ValueOf(ptr).Elem().Interface()
		}
	}
	for _, c := range sp.cols {
		if _, ok := vals[c.Header]; !ok {
			vals[c.Header] = "" // a companion nothing filled
		}
	}
	return vals
}

// activeIn reports whether a period (since, until; zero for open ends)
// overlaps year.
func activeIn(since, until data.Date, year int) bool {
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	return (since.IsZero() || !since.After(end)) && (until.IsZero() || !until.Before(start))
}
