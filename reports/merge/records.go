package merge

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// ungraded is what {{评议等次}} says for a member who was a 预备党员 at the
// end of the appraisal year, as the 民主评议 form does.
const ungraded = "预备党员不评定等次"

// Options choose the records a merge fills.
type Options struct {
	Year int // the year of the records; the print date's year when 0
	// BranchID is the one branch covered, by id; every branch when
	// empty. (The command line resolves a name with
	// data.Store.ResolveBranch.)
	BranchID string
	// OrgID is the one organization of a consolidated database covered
	// (its branches), by id; every organization when empty. (The command
	// line resolves a name with documents.ResolveOrg.)
	OrgID string
	Now   time.Time // the print date ({{打印日期}}); the store's clock when zero
}

// reader reads the records of one merge.
type reader struct {
	ctx      context.Context
	store    *data.Store
	year     int
	now      time.Time
	branches map[string]data.BranchRef // the covered branches by id
	rank     map[string]int            // their order
	groups   map[string]string         // 党小组 names by id
	members  map[data.Ref]*data.Member // the covered branches' members, whatever their status
	all      map[data.Ref]*data.Member // every member
	names    map[string]string         // every branch's name by id
}

// entry is a record with what orders it: branch, name, then key.
type entry struct {
	branch, name, key string
	rec               Record
}

// Records reads the records kind k fills, one per document: for members,
// every member on the rolls of the covered branches; for the others, the
// year's 民主评议 records, 目标管理责任书 and 转出 介绍信 of the covered
// branches' members, whatever their status now. They come in the order
// the printed documents use: branches in the store's order, members in
// 姓氏笔画 order.
func Records(ctx context.Context, s *data.Store, k Kind, o Options) ([]Record, error) {
	r := &reader{ctx: ctx, store: s, year: o.Year, now: o.Now}
	if r.now.IsZero() {
		r.now = s.Now()
	}
	if r.year == 0 {
		r.year = r.now.Year()
	}
	if err := r.load(o.BranchID, o.OrgID); err != nil {
		return nil, err
	}
	var es []entry
	var err error
	switch k {
	case Members:
		es = r.memberEntries()
	case Appraisals:
		es, err = r.appraisalEntries()
	case Agreements:
		es, err = r.agreementEntries()
	case Transfers:
		es, err = r.transferEntries()
	default:
		_, err = ParseKind(string(k))
	}
	if err != nil {
		return nil, err
	}
	r.sort(es)
	out := make([]Record, len(es))
	for i := range es {
		out[i] = es[i].rec
		typeset(out[i].Values)
		for _, it := range out[i].Items {
			typeset(it)
		}
	}
	return out, nil
}

// typeset gives every value the punctuation of official documents:
// full-width beside Chinese (layout.Typeset), as typed text such as
// 「中共某某科技(深圳)有限公司委员会」 prints in every document.
func typeset(values map[string]string) {
	for k, v := range values {
		values[k] = layout.Typeset(v)
	}
}

// load reads the covered branches (branchID's, or orgID's, or all), the
// 党小组 and the members.
func (r *reader) load(branchID, orgID string) error {
	refs, err := r.store.BranchRefs(r.ctx)
	if err != nil {
		return err
	}
	r.branches, r.rank, r.names = map[string]data.BranchRef{}, map[string]int{}, map[string]string{}
	for i, b := range refs {
		r.names[b.ID] = b.Name
		if (branchID == "" || b.ID == branchID) && (orgID == "" || b.OrgID == orgID) {
			r.branches[b.ID], r.rank[b.ID] = b, i
		}
	}
	if branchID != "" && len(r.branches) == 0 {
		return fmt.Errorf("没有编号为“%s”的支部", branchID)
	}
	groups, err := r.store.Groups.List(r.ctx)
	if err != nil {
		return err
	}
	r.groups = map[string]string{}
	for _, g := range groups {
		r.groups[g.ID] = g.Name
	}
	r.members, r.all = map[data.Ref]*data.Member{}, map[data.Ref]*data.Member{}
	return r.store.Members.Each(r.ctx, func(m *data.Member) error {
		c := *m
		r.all[data.Ref(m.ID)] = &c
		if _, ok := r.branches[string(m.BranchID)]; ok {
			r.members[data.Ref(m.ID)] = &c
		}
		return nil
	})
}

// sort orders entries by branch, then name in 姓氏笔画 order, then key.
func (r *reader) sort(es []entry) {
	keys := map[string][]byte{}
	for _, e := range es {
		if keys[e.name] == nil {
			keys[e.name] = hanzi.StrokeKey(e.name)
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.branch != b.branch {
			return r.rank[a.branch] < r.rank[b.branch]
		}
		if c := bytes.Compare(keys[a.name], keys[b.name]); c != 0 {
			return c < 0
		}
		if c := hanzi.CompareStroke(a.name, b.name); c != 0 {
			return c < 0
		}
		return a.key < b.key
	})
}

// memberEntry is the entry of a member's document: the member's own
// fields, the 党员类别 as on day.
func (r *reader) memberEntry(m *data.Member, day time.Time, key string) entry {
	cat := rules.CategoryOn(vocab.Category(m.Category), m.JoinedDate.Time, m.ConfirmedAt.Time, day)
	b := r.branches[string(m.BranchID)]
	org := b.OrgName
	if org == "" {
		org = r.store.Org().Name
	}
	v := map[string]string{
		fName: m.Name, fGender: m.Gender, fEthnicity: m.Ethnicity,
		fBirth: ProseDate(m.BirthDate), fBirthMonth: proseMonth(m.BirthDate),
		fNative: m.NativePlace, fEducation: m.Education, fIDNumber: m.IDNumber, fPersonType: m.PersonType,
		fStaffNo: m.StaffNo, fPosition: m.Position, fBranch: b.Name, fGroup: r.groups[string(m.GroupID)],
		fJoined: ProseDate(m.JoinedDate), fConfirmed: ProseDate(m.ConfirmedAt), fCategory: string(cat),
		fPost: m.PartyPost, fPhone: m.Phone, fPartyAge: partyAge(m, cat, r.now), fOrg: org,
		fPrinted: layout.ProseDate(r.now), fYear: strconv.Itoa(r.year),
	}
	return entry{branch: string(m.BranchID), name: m.Name, key: m.ID + "\x00" + key,
		rec: Record{Name: m.Name, StaffNo: m.StaffNo, Values: v}}
}

// partyAge is a member's 党龄 in whole years on day, counted from 转正
// (rules.PartyAgeStart); "" for a 预备党员 or when no date is recorded.
func partyAge(m *data.Member, cat vocab.Category, day time.Time) string {
	start := rules.PartyAgeStart(m.JoinedDate.Time, m.ConfirmedAt.Time)
	if cat != vocab.CategoryFull || start.IsZero() || start.After(day) {
		return ""
	}
	years := day.Year() - start.Year()
	if day.Month() < start.Month() || (day.Month() == start.Month() && day.Day() < start.Day()) {
		years--
	}
	return strconv.Itoa(years)
}

// memberEntries are the members on the rolls.
func (r *reader) memberEntries() []entry {
	var es []entry
	for _, m := range r.members {
		if m.Active() {
			es = append(es, r.memberEntry(m, r.now, ""))
		}
	}
	return es
}

// appraisalEntries are the year's 民主评议 records, the 党员类别 as on 31
// December of the year.
func (r *reader) appraisalEntries() ([]entry, error) {
	rows, err := r.store.Appraisals.List(r.ctx, data.Where(data.ColYear, r.year))
	if err != nil {
		return nil, err
	}
	yearEnd := time.Date(r.year, time.December, 31, 0, 0, 0, 0, time.UTC)
	var es []entry
	for i := range rows {
		a := &rows[i]
		m := r.members[a.MemberID]
		if m == nil {
			continue
		}
		e := r.memberEntry(m, yearEnd, a.ID)
		v := e.rec.Values
		grade := a.Grade
		if vocab.Category(v[fCategory]) == vocab.CategoryProbation {
			grade = ungraded
		}
		v[fApprYear], v[fGrade] = strconv.Itoa(a.Year), grade
		v[fSelf], v[fOpinion] = a.SelfAssessment, a.BranchOpinion
		v[fFollowUp], v[fSuperior] = a.FollowUp, a.SuperiorOpinion
		if a.VotesExcellent+a.VotesQualified+a.VotesBasic+a.VotesFail > 0 {
			v[fVotesExc], v[fVotesPass] = strconv.Itoa(a.VotesExcellent), strconv.Itoa(a.VotesQualified)
			v[fVotesBasic], v[fVotesFail] = strconv.Itoa(a.VotesBasic), strconv.Itoa(a.VotesFail)
		}
		es = append(es, e)
	}
	return es, nil
}

// agreementEntries are the year's 目标管理责任书 with their targets in
// order. As the printed 责任书, an agreement shows its member as on the day
// it was signed (or the print date, not signed yet): branch, 党内职务 and
// 党员类别 from the recorded changes (rules.MemberOn); it belongs to the
// branch the member was in then.
func (r *reader) agreementEntries() ([]entry, error) {
	rows, err := r.store.Agreements.List(r.ctx, data.Where(data.ColYear, r.year))
	if err != nil {
		return nil, err
	}
	on, err := r.membersOn()
	if err != nil {
		return nil, err
	}
	type signed struct {
		a   *data.Agreement
		m   data.Member // as on the day
		day time.Time
	}
	var chosen []signed
	covered := map[data.Ref]bool{}
	for i := range rows {
		a := &rows[i]
		day := r.now
		if !a.SignedDate.IsZero() {
			day = a.SignedDate.Time
		}
		m, ok := on(a.MemberID, day)
		if _, in := r.branches[string(m.BranchID)]; !ok || !in {
			continue
		}
		chosen = append(chosen, signed{a, m, day})
		covered[data.Ref(a.ID)] = true
	}
	targets := map[data.Ref][]data.AgreementTarget{}
	err = r.store.AgreementTargets.Each(r.ctx, func(t *data.AgreementTarget) error {
		if covered[t.AgreementID] {
			targets[t.AgreementID] = append(targets[t.AgreementID], *t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	es := make([]entry, 0, len(chosen))
	for _, c := range chosen {
		a := c.a
		e := r.memberEntry(&c.m, c.day, a.ID)
		v := e.rec.Values
		v[fSigned], v[fAssessed] = ProseDate(a.SignedDate), ProseDate(a.AssessedAt)
		if !a.AssessedAt.IsZero() {
			v[fScore] = strconv.FormatFloat(a.Score, 'f', -1, 64)
		}
		ts := targets[data.Ref(a.ID)]
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].Seq < ts[j].Seq })
		for k, t := range ts {
			e.rec.Items = append(e.rec.Items, map[string]string{
				fTargetNo: strconv.Itoa(k + 1), fTarget: t.Content, fCompletion: t.Completion,
			})
		}
		es = append(es, e)
	}
	return es, nil
}

// membersOn returns a function giving a member as on day: branch and
// 党内职务 as the recorded changes had them (rules.MemberOn), the rest as
// recorded now; false when there is no such member. A branch that is no
// longer there is taken as the member's branch today.
func (r *reader) membersOn() (func(id data.Ref, day time.Time) (data.Member, bool), error) {
	facts, err := r.store.Facts(r.ctx, r.year, r.now)
	if err != nil {
		return nil, err
	}
	ruled := make(map[string]rules.Member, len(facts.Members))
	for _, m := range facts.Members {
		ruled[m.ID] = m
	}
	changes := map[string][]rules.Change{}
	for _, c := range facts.Changes {
		changes[c.MemberID] = append(changes[c.MemberID], c)
	}
	return func(id data.Ref, day time.Time) (data.Member, bool) {
		cur := r.all[id]
		if cur == nil {
			return data.Member{}, false
		}
		m := *cur
		if rm, ok := ruled[string(id)]; ok {
			then := rules.MemberOn(rm, changes[rm.ID], day)
			if _, known := r.names[then.BranchID]; known {
				m.BranchID = data.Ref(then.BranchID)
			}
			m.PartyPost = then.PartyPost
		}
		return m, true
	}, nil
}

// transferEntries are the 转出 介绍信 issued in the year; {{党费交至}} is
// the month the 组织关系转接台账 prints (rules.DuesPaidUntil, from the
// facts as of the year's check day).
func (r *reader) transferEntries() ([]entry, error) {
	set, err := r.store.RuleSettings(r.ctx)
	if err != nil {
		return nil, err
	}
	facts, err := r.store.Facts(r.ctx, r.year, rules.CheckDay(r.year, r.now))
	if err != nil {
		return nil, err
	}
	var es []entry
	err = r.store.Transfers.Each(r.ctx, func(t *data.Transfer) error {
		m := r.members[t.MemberID]
		if m == nil || vocab.Direction(t.Direction) != vocab.TransferOut || t.IssuedDate.Year() != r.year {
			return nil
		}
		e := r.memberEntry(m, t.IssuedDate.Time, t.IssuedDate.String()+"\x00"+t.ID)
		v := e.rec.Values
		v[fLetterNo], v[fOtherOrg], v[fIssued] = t.LetterNo, t.OtherOrg, ProseDate(t.IssuedDate)
		v[fValidity] = fmt.Sprintf("%d天", rules.TransferValidity(t.ValidDays, set.TransferValidDays))
		v[fDuesPaidTil] = layout.ProseMonth(rules.DuesPaidUntil(facts, string(t.MemberID), vocab.TransferOut, t.DuesPaidUntil))
		es = append(es, e)
		return nil
	})
	return es, err
}
