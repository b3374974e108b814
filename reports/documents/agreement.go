package documents

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Agreement] = builder{title: "党员目标管理责任书", build: buildAgreement}
}

// agreementPreamble opens every agreement, after the policy's 党员目标管理制度
// (《关于进一步加强党员教育管理工作的意见》五(三)).
const agreementPreamble = "根据学校党委《关于进一步加强党员教育管理工作的意见》健全党员目标管理制度的要求，" +
	"党支部与党员%s签订%d年度党员目标管理责任书，把先进性要求具体化。" +
	"党员应对照下列目标，立足岗位发挥先锋模范作用；年终由党支部逐项评定完成情况并评分，" +
	"评定结果作为党员评奖评优的重要依据。"

// agreementPledge is the member's undertaking above the signatures.
const agreementPledge = "党员承诺：认真履行党员义务，对照上述目标严格要求自己，自觉接受党组织和党员群众的监督。" +
	"党支部加强对党员的教育、管理、监督和服务，年终如实评定目标完成情况。"

// agreementParty is the member an agreement binds, as on the day it was
// signed (or, not signed yet, on the print date): what its page prints.
type agreementParty struct {
	id, name, branchID, branch string
	category                   vocab.Category
	personType                 vocab.PersonType
	post                       string
}

// agreementPage is one page to print: an agreement and its member.
type agreementPage struct {
	party agreementParty
	a     *data.Agreement
}

// agreementParties returns a function giving the member of an agreement
// as on day: branch, 党内职务 and category from the recorded changes
// (rules.MemberOn), or false when the member is not known. A branch that
// is no longer there is taken as the member's branch today.
func agreementParties(facts *rules.Facts) func(id data.Ref, day time.Time) (agreementParty, bool) {
	members := make(map[string]rules.Member, len(facts.Members))
	for _, m := range facts.Members {
		members[m.ID] = m
	}
	changes := map[string][]rules.Change{}
	for _, c := range facts.Changes {
		changes[c.MemberID] = append(changes[c.MemberID], c)
	}
	names := make(map[string]string, len(facts.Branches))
	for _, b := range facts.Branches {
		names[b.ID] = b.Name
	}
	return func(id data.Ref, day time.Time) (agreementParty, bool) {
		m, ok := members[string(id)]
		if !ok {
			return agreementParty{}, false
		}
		on := rules.MemberOn(m, changes[m.ID], day)
		if _, known := names[on.BranchID]; !known {
			on.BranchID = m.BranchID
		}
		return agreementParty{id: m.ID, name: m.Name, branchID: on.BranchID, branch: names[on.BranchID],
			category: on.Category, personType: m.PersonType, post: on.PartyPost}, true
	}
}

// buildAgreement makes one 党员目标管理责任书, a part of its own, for every
// agreement of the year whose member was in a covered branch on the day
// it was signed (or, not signed yet, is on the print date), or of the one
// member Options.MemberID names: branches in the store's order, members in
// 姓氏笔画 order.
func buildAgreement(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	partyOn := agreementParties(fig.Facts())
	rows, err := r.store.Agreements.List(r.ctx, data.Where(data.ColYear, r.year), data.OrderBy(data.ColID))
	if err != nil {
		return err
	}
	labels := r.branchLabels()
	today := data.DateOf(r.now).Time
	var pages []agreementPage
	covered := map[data.Ref]bool{}
	for i := range rows {
		a := &rows[i]
		if r.opts.MemberID != "" && string(a.MemberID) != r.opts.MemberID {
			continue
		}
		day := today
		if !a.SignedDate.IsZero() {
			day = a.SignedDate.Time
		}
		p, ok := partyOn(a.MemberID, day)
		if !ok || !r.inBranch(data.Ref(p.branchID)) {
			continue
		}
		p.branch = labels[p.branchID]
		pages = append(pages, agreementPage{party: p, a: a})
		covered[data.Ref(a.ID)] = true
	}
	if len(pages) == 0 {
		return r.blankAgreement(partyOn, today)
	}
	targets := map[data.Ref][]data.AgreementTarget{}
	err = r.store.AgreementTargets.Each(r.ctx, func(t *data.AgreementTarget) error {
		if covered[t.AgreementID] {
			targets[t.AgreementID] = append(targets[t.AgreementID], *t)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, ts := range targets {
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].Seq < ts[j].Seq })
	}
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	// A member's agreements stay in the order listed (by id).
	orderBy(r, pages, func(p agreementPage) (string, string, string) {
		return p.party.branchID, p.party.name, p.party.id + "\x00" + p.a.ID
	})
	for i, p := range pages {
		r.agreementForm(p.party, staff[p.party.id], p.a, targets[data.Ref(p.a.ID)])
		if err := r.tick(i+1, len(pages), 20); err != nil {
			return err
		}
	}
	r.progress(len(pages), len(pages))
	return nil
}

// agreementForm adds one agreement as a part of its own: the member, the
// preamble, every target numbered from 1 with its completion (the table
// goes on to further pages of the part when they are many), the score,
// the pledge, the signatures of both sides and the 签订日期.
func (r *request) agreementForm(m agreementParty, staffNo string, a *data.Agreement, ts []data.AgreementTarget) {
	g := formGrid
	head := &layout.Form{Rows: []layout.FormRow{
		{Height: formRowH, Cells: []layout.Cell{g.label("姓名"), g.value(0, layout.Keep(m.name)), g.label("所在支部"), g.span(1, 3, m.branch)}},
		{Height: formRowH, Cells: []layout.Cell{g.label("党员类别"), g.value(0, string(m.category)), g.label("人员类别"),
			g.value(1, string(m.personType)), g.label("党内职务"), g.span(2, 3, m.post)}},
	}}
	targets := &layout.Table{Columns: []layout.Column{
		{Title: "序号", Width: 14, Align: layout.Center}, {Title: "目标内容"}, {Title: "完成情况", Width: 24, Align: layout.Center},
	}}
	for i, t := range ts {
		targets.Rows = append(targets.Rows, layout.Row{Cells: []string{strconv.Itoa(i + 1), t.Content, t.Completion}, MinHeight: 10})
	}
	if ts == nil && a.ID == "" { // a blank form: rows to write the targets on
		for i := range agreementBlankTargets {
			targets.Rows = append(targets.Rows, layout.Row{Cells: []string{strconv.Itoa(i + 1)}, MinHeight: agreementBlankTargetH})
		}
	} else if len(ts) == 0 {
		targets.Rows = append(targets.Rows, layout.Row{Cells: []string{"", "（尚未填写目标）"}})
	}
	score, assessed := "", ""
	if !a.AssessedAt.IsZero() {
		score = strconv.FormatFloat(a.Score, 'f', -1, 64) + "分"
		assessed = tableDate(a.AssessedAt)
	}
	result := &layout.Form{Rows: []layout.FormRow{
		{Height: formRowH, Cells: []layout.Cell{g.label("完成得分"), g.span(0, 1, score), g.label("评定日期"), g.span(2, 3, assessed)}},
	}}
	p := r.part("", fmt.Sprintf("（%d年度）", r.year), record(m.branch, m.name, staffNo))
	p.Add(head, &layout.Spacer{MM: 4},
		&layout.Paragraph{Indent: true, Text: fmt.Sprintf(agreementPreamble, layout.Keep(m.name), r.year)},
		&layout.Spacer{MM: 2}, targets, &layout.Spacer{MM: 2}, result, &layout.Spacer{MM: 5},
		&layout.Paragraph{Indent: true, Text: agreementPledge},
		&layout.Signatures{Lines: []layout.SignLine{{Who: "党员签字：", Date: true}, {Who: "党支部书记签字", Seal: true, Date: true}}},
		&layout.Spacer{MM: 4}, &layout.Paragraph{Align: layout.Right, Text: agreementSigned(a.SignedDate)})
}

// agreementSigned is the 签订日期 line: the date in prose, or blanks to
// write it in when the agreement is not signed yet.
func agreementSigned(d data.Date) string {
	if d.IsZero() {
		return "签订日期：　　　　年　　月　　日"
	}
	return "签订日期：" + proseDate(d)
}

// A blank 责任书 has this many target rows, each this high (mm), to write
// the targets on by hand.
const (
	agreementBlankTargets = 6
	agreementBlankTargetH = 18.0
)

// blankAgreement prints, when Options.MemberID names a member of a covered
// branch who has no 责任书 of the year, the form to fill in by hand: the
// member's particulars as on the print date, blank target rows and blank
// dates; else that there is nothing to print.
func (r *request) blankAgreement(partyOn func(data.Ref, time.Time) (agreementParty, bool), today time.Time) error {
	p, ok := partyOn(data.Ref(r.opts.MemberID), today)
	if r.opts.MemberID == "" || !ok || !r.inBranch(data.Ref(p.branchID)) {
		r.nothing(fmt.Sprintf("%d年度没有党员目标管理责任书。", r.year))
		return nil
	}
	p.branch = r.branchLabels()[p.branchID]
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	r.agreementForm(p, staff[p.id], &data.Agreement{Year: r.year, MemberID: data.Ref(p.id)}, nil)
	return nil
}
