package pdf

import (
	"fmt"
	"strconv"

	"dangjian/data"
)

func init() { writers[Dues] = writer{"党费收缴台账", true, writeDues} }

// duesMember is one member's dues records of the year, by month (index 0 is
// January), and their sums.
type duesMember struct {
	m       data.Member
	months  [12]*data.Dues
	due     data.Money // 应缴 over the year's records
	paid    data.Money // 实缴
	arrears data.Money // Σ max(应缴 − 实缴, 0) month by month
}

// latest returns the member's most recent record of the year, or nil.
func (md *duesMember) latest() *data.Dues {
	for i := 11; i >= 0; i-- {
		if md.months[i] != nil {
			return md.months[i]
		}
	}
	return nil
}

// dueVaries reports whether the monthly amount due changed during the year.
func (md *duesMember) dueVaries() bool {
	var first *data.Dues
	for _, d := range md.months {
		if d == nil {
			continue
		}
		if first == nil {
			first = d
		} else if d.Due != first.Due {
			return true
		}
	}
	return false
}

// duesPaidCell is what a month's cell shows: the amount paid, 未缴 when
// nothing was paid of an amount due, 免交 when nothing was due, blank when
// there is no record.
func duesPaidCell(d *data.Dues) string {
	switch {
	case d == nil:
		return ""
	case d.Paid == 0 && d.Due > 0:
		return "未缴"
	case d.Paid == 0 && d.Due == 0:
		return "免交"
	}
	return d.Paid.String()
}

// duesTotals sums a branch's or the organization's dues.
type duesTotals struct {
	members, owing     int
	due, paid, arrears data.Money
}

func (t *duesTotals) add(md *duesMember) {
	t.members++
	t.due += md.due
	t.paid += md.paid
	t.arrears += md.arrears
	if md.arrears > 0 {
		t.owing++
	}
}

// rate is the share of the amount due that was paid (arrears excluded).
func (t duesTotals) rate() string {
	if t.due == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(t.due-t.arrears)*100/float64(t.due), 'f', 1, 64) + "%"
}

// duesOfYear gathers, per covered branch, the members on the rolls and those
// no longer on them who have dues records in the year, in stroke order.
func (r *request) duesOfYear() (map[string][]*duesMember, int, error) {
	all := map[string]*duesMember{}
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if r.inBranch(m.BranchID) {
			all[m.ID] = &duesMember{m: *m}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	from, to := fmt.Sprintf("%04d-01", r.year), fmt.Sprintf("%04d-12", r.year)
	n := 0
	err = r.store.Dues.Each(r.ctx, func(d *data.Dues) error {
		md := all[string(d.MemberID)]
		if md == nil || len(d.Month) != len("2006-01") {
			return nil
		}
		mo, err := strconv.Atoi(d.Month[5:])
		if err != nil || mo < 1 || mo > 12 {
			return nil
		}
		rec := *d
		md.months[mo-1] = &rec
		md.due += d.Due
		md.paid += d.Paid
		if d.Paid < d.Due {
			md.arrears += d.Due - d.Paid
		}
		if n++; n%2000 == 0 {
			return r.ctx.Err()
		}
		return nil
	}, data.Between("month", from, to))
	if err != nil {
		return nil, 0, err
	}
	out := map[string][]*duesMember{}
	total := 0
	for _, md := range all {
		if md.m.Active() || md.latest() != nil {
			out[string(md.m.BranchID)] = append(out[string(md.m.BranchID)], md)
			total++
		}
	}
	for _, mds := range out {
		ms := make([]data.Member, len(mds))
		byID := make(map[string]*duesMember, len(mds))
		for i, md := range mds {
			ms[i] = md.m
			byID[md.m.ID] = md
		}
		sortByStroke(ms)
		for i, m := range ms {
			mds[i] = byID[m.ID]
		}
	}
	return out, total, nil
}

func writeDues(r *request) error {
	byBranch, total, err := r.duesOfYear()
	if err != nil {
		return err
	}
	d := r.doc
	d.NewPage()
	if total == 0 {
		d.Paragraph(fmt.Sprintf("没有在册党员,%d年度无党费记录。", r.year))
		return nil
	}
	d.Paragraph(fmt.Sprintf("%d年度党费收缴情况,金额单位为元。月应缴按党费基数乘比例计算(学生等每月0.2元),"+
		"党费基数、比例和月应缴取本年最近一个月的记录,月应缴标*的年内有变动,党费基数为零的记作“—”;1月至12月各栏为实缴金额,"+
		"“未缴”为当月应缴而未缴,“免交”为当月无应缴,空白为无记录。欠缴按月计算,为各月应缴大于实缴的差额之和,"+
		"多缴部分不抵其他月份。不在册党员(已转出等)有本年党费记录的一并列出。各支部内按姓氏笔画排列。", r.year))
	d.Space(2)

	var org duesTotals
	sums := make([]duesTotals, len(r.branches))
	for i, b := range r.branches {
		for _, md := range byBranch[b.ID] {
			sums[i].add(md)
			org.add(md)
		}
	}
	d.Heading("汇总")
	st := d.NewTable([]Column{
		{Title: "党支部", Width: 62}, {Title: "人数", Width: 16, Align: "R"},
		{Title: "应缴合计", Width: 32, Align: "R"}, {Title: "实缴合计", Width: 32, Align: "R"},
		{Title: "欠缴", Width: 32, Align: "R"}, {Title: "有欠缴的党员", Width: 28, Align: "R"},
		{Title: "收缴率", Width: 24, Align: "R"}, {Title: "备注"},
	})
	for i, b := range r.branches {
		s := sums[i]
		note := ""
		if s.members == 0 {
			note = "无党员"
		}
		st.Row(b.Name, strconv.Itoa(s.members), s.due.String(), s.paid.String(), s.arrears.String(),
			strconv.Itoa(s.owing), s.rate(), note)
	}
	st.Row("合计", strconv.Itoa(org.members), org.due.String(), org.paid.String(), org.arrears.String(),
		strconv.Itoa(org.owing), org.rate())
	d.Space(3)

	cols := []Column{
		{Title: "姓名", Width: 15}, {Title: "党费基数", Width: 17, Align: "R"}, {Title: "比例", Width: 12, Align: "C"},
		{Title: "月应缴", Width: 15, Align: "R"},
	}
	// A month fits 999.99; the sums 99999.99; 欠缴 takes what is left.
	monthWidth := min((d.bodyWidth()-110)/12, 14.0)
	for m := 1; m <= 12; m++ {
		cols = append(cols, Column{Title: strconv.Itoa(m) + "月", Width: monthWidth, Align: "R"})
	}
	cols = append(cols, Column{Title: "应缴合计", Width: 17.5, Align: "R"}, Column{Title: "实缴合计", Width: 17.5, Align: "R"},
		Column{Title: "欠缴", Align: "R"})
	done := 0
	for i, b := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		mds := byBranch[b.ID]
		if len(mds) == 0 {
			continue
		}
		d.Heading(fmt.Sprintf("%s(%d名)", b.Name, len(mds)))
		t := d.NewTable(cols)
		for _, md := range mds {
			name := md.m.Name
			if !md.m.Active() {
				name += "\n" + md.m.Status
			}
			base := md.m.DuesBase
			row := []string{name, "", "", ""}
			if last := md.latest(); last != nil {
				base = last.Base
				row[2], row[3] = duesCompactRate(last.Rate), last.Due.String()
				if md.dueVaries() {
					row[3] += "*"
				}
			}
			if base > 0 {
				row[1] = base.String()
			} else {
				row[1] = "—"
			}
			for _, rec := range md.months {
				row = append(row, duesPaidCell(rec))
			}
			arrears := ""
			if md.arrears > 0 {
				arrears = md.arrears.String()
			}
			row = append(row, md.due.String(), md.paid.String(), arrears)
			t.Row(row...)
			done++
			if err := r.tick(done, total, 200); err != nil {
				return err
			}
		}
		s := sums[i]
		row := make([]string, 16, 19)
		row[0] = "合计"
		t.Row(append(row, s.due.String(), s.paid.String(), s.arrears.String())...)
		d.Paragraph(fmt.Sprintf("本支部%d名党员应缴合计%s元,实缴合计%s元,欠缴%s元(%d名党员有欠缴),收缴率%s。",
			s.members, s.due.String(), s.paid.String(), s.arrears.String(), s.owing, s.rate()))
		d.Space(3)
	}
	r.progress(total, total)
	return nil
}

// duesCompactRate shortens the 每月0.2元 rate to fit its column.
func duesCompactRate(rate string) string {
	if rate == "每月0.2元" {
		return "0.2元"
	}
	return rate
}
