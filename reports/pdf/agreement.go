package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

func init() { writers[Agreement] = writer{"党员目标管理责任书", false, writeAgreement} }

// agreementPreamble opens every agreement, after the policy's 党员目标管理制度
// (《关于进一步加强党员教育管理工作的意见》五(三)).
const agreementPreamble = "根据学校党委《关于进一步加强党员教育管理工作的意见》健全党员目标管理制度的要求," +
	"党支部与党员%s签订%d年度党员目标管理责任书,把先进性要求具体化。" +
	"党员应对照下列目标,立足岗位发挥先锋模范作用;年终由党支部逐项评定完成情况并评分," +
	"评定结果作为党员评奖评优的重要依据。"

// agreementPledge is the member's undertaking above the signatures.
const agreementPledge = "党员承诺:认真履行党员义务,对照上述目标严格要求自己,自觉接受党组织和党员群众的监督。" +
	"党支部加强对党员的教育、管理、监督和服务,年终如实评定目标完成情况。"

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

// writeAgreement prints one 党员目标管理责任书 page for every agreement of the
// year whose member was in a covered branch on the day it was signed (or,
// not signed yet, is on the print date): branches by name, members in
// stroke order.
func writeAgreement(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	partyOn := agreementParties(fig.Facts())
	rows, err := r.store.Agreements.List(r.ctx, data.Where(data.ColYear, r.year), data.OrderBy(data.ColID))
	if err != nil {
		return err
	}
	today := data.DateOf(r.now).Time
	var pages []agreementPage
	covered := map[data.Ref]bool{}
	for i := range rows {
		a := &rows[i]
		day := today
		if !a.SignedDate.IsZero() {
			day = a.SignedDate.Time
		}
		p, ok := partyOn(a.MemberID, day)
		if !ok || !r.inBranch(data.Ref(p.branchID)) {
			continue
		}
		pages = append(pages, agreementPage{party: p, a: a})
		covered[data.Ref(a.ID)] = true
	}
	d := r.doc
	if len(pages) == 0 {
		d.NewPage()
		d.Paragraph(fmt.Sprintf("%d年度没有党员目标管理责任书。", r.year))
		return nil
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
	// A member's agreements stay in the order listed (by id).
	formOrderBy(r, pages, func(p agreementPage) (string, string, string) {
		return p.party.branchID, p.party.name, p.party.id + "\x00" + p.a.ID
	})
	for i, p := range pages {
		r.agreementPage(p.party, p.a, targets[data.Ref(p.a.ID)])
		if err := r.tick(i+1, len(pages), 20); err != nil {
			return err
		}
	}
	r.progress(len(pages), len(pages))
	return nil
}

// agreementPage draws one agreement on a page of its own. What follows the
// targets has a fixed height, so the targets table gets what is left: its
// type shrinks, and past the smallest size the targets that do not fit
// are left out with a row saying how many.
func (r *request) agreementPage(m agreementParty, a *data.Agreement, ts []data.AgreementTarget) {
	d := r.doc
	d.NewPage()
	const (
		rowH   = 10.0
		labelW = 22.0
		// below the table: the score row, a gap, two signature lines
		// with their dates, and the 签订日期 line
		scoreH = 10.0
		signH  = 62.0
	)
	y := marginTop + 2
	d.formRow(y, rowH, []float64{labelW, 38, labelW, 98}, "姓名", m.name, "所在支部", m.branch)
	y += rowH
	d.formRow(y, rowH, []float64{labelW, 38, labelW, 38, labelW, 38},
		"党员类别", string(m.category), "人员类别", string(m.personType), "党内职务", m.post)
	y += rowH + 4

	size, lines := d.formFit(fmt.Sprintf(agreementPreamble, m.name, r.year), d.bodyWidth(), 40, bodySize+1)
	lh := formLineHeight(size)
	for i, line := range lines {
		d.pdf.SetXY(marginLeft(d), y+float64(i)*lh)
		d.pdf.CellFormat(d.bodyWidth(), lh, line, "", 0, "L", false, 0, "")
	}
	y += float64(len(lines))*lh + 4
	d.font(bodySize)

	budget := d.bottom() - 1 - y - scoreH - signH
	y = r.agreementTargets(y, budget, ts)

	score, assessed := "", ""
	if !a.AssessedAt.IsZero() {
		score = strconv.FormatFloat(a.Score, 'f', -1, 64) + "分"
		assessed = formDay(a.AssessedAt)
	}
	d.formRow(y, scoreH, []float64{labelW, 68, labelW, 68}, "完成得分", score, "评定日期", assessed)
	y += scoreH + 5
	d.formText(marginLeft(d), y, d.bodyWidth(), 11, agreementPledge, "L", bodySize+1, false)
	y += 11

	// Each signature line has 14 mm free above it.
	left := marginLeft(d)
	mid := left + d.bodyWidth()/2 + 2
	d.formSign(left, y+14, "党员签字:", 52)
	d.formSign(mid, y+14, "支部书记签字:", 52)
	d.formDate(left, y+26, "日期:", data.Date{})
	d.formDate(mid, y+26, "日期:", data.Date{})
	d.formDate(left, y+40, "签订日期:", a.SignedDate)
}

// agreementTargets draws the targets table from y within height budget
// and returns the y below it.
func (r *request) agreementTargets(y, budget float64, ts []data.AgreementTarget) float64 {
	d := r.doc
	left := marginLeft(d)
	widths := []float64{14, d.bodyWidth() - 14 - 30, 30}
	const (
		headH    = 8.0
		minH     = 10.0 // a row's least height: room to write 完成情况 by hand
		compactH = 7.5  // the least height when there are too many targets for minH
	)
	textW := widths[1] - 2*formPad
	rowHeights := func(size, least float64) ([]float64, float64) {
		d.font(size)
		hs := make([]float64, len(ts))
		sum := 0.0
		for i, t := range ts {
			n := len(wrap(t.Content, textW, d.runeWidth))
			hs[i] = max(least, float64(n)*formLineHeight(size)+3)
			sum += hs[i]
		}
		return hs, sum
	}
	// The largest type at which every target fits, first with rows tall
	// enough to write in, then with compact rows.
	var hs []float64
	var size, least float64
	fits := func() bool {
		for _, least = range []float64{minH, compactH} {
			for size = bodySize + 0.5; size >= formMinSize; size -= 0.5 {
				var sum float64
				if hs, sum = rowHeights(size, least); sum+headH <= budget {
					return true
				}
			}
		}
		return false
	}()
	rows := ts
	omitted := 0
	if !fits {
		// Keep as many targets as fit, at the largest type that keeps
		// that many, and a row saying how many were left out.
		room := budget - headH - minH
		least = compactH
		keep, best := -1, 0.0
		for sz := bodySize + 0.5; sz >= formMinSize; sz -= 0.5 {
			all, _ := rowHeights(sz, least)
			n, used := 0, 0.0
			for n < len(all) && used+all[n] <= room {
				used += all[n]
				n++
			}
			if n > keep {
				keep, best = n, sz
			}
		}
		size = best
		hs, _ = rowHeights(size, least)
		rows, hs, omitted = ts[:keep], hs[:keep], len(ts)-keep
		if keep == 0 {
			// One target too long for the page: cut its text.
			rows, hs, omitted = ts[:1], []float64{room}, len(ts)-1
		}
	}

	d.font(bodySize)
	d.pdf.SetFillColor(238, 238, 238)
	x := left
	for i, title := range []string{"序号", "目标内容", "完成情况"} {
		d.pdf.Rect(x, y, widths[i], headH, "FD")
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(widths[i], headH, title, "", 0, "C", false, 0, "")
		x += widths[i]
	}
	y += headH
	if len(ts) == 0 {
		d.pdf.Rect(left, y, d.bodyWidth(), minH*2, "D")
		d.formText(left+formPad, y, d.bodyWidth()-2*formPad, minH*2, "(尚未填写目标)", "C", bodySize, true)
		return y + minH*2
	}
	for i, t := range rows {
		h := hs[i]
		x := left
		for k := range widths {
			d.pdf.Rect(x, y, widths[k], h, "D")
			x += widths[k]
		}
		d.formText(left, y, widths[0], h, strconv.Itoa(t.Seq), "C", bodySize, true)
		d.formText(left+widths[0]+formPad, y+1.5, textW, h-3, t.Content, "L", size, h <= least)
		d.formText(left+widths[0]+widths[1], y, widths[2], h, t.Completion, "C", bodySize, true)
		y += h
	}
	if omitted > 0 {
		d.pdf.Rect(left, y, d.bodyWidth(), minH, "D")
		d.formText(left+formPad, y, d.bodyWidth()-2*formPad, minH,
			fmt.Sprintf("另有%d项目标因篇幅所限未能列出,见系统记录", omitted), "C", bodySize, true)
		y += minH
	}
	return y
}
