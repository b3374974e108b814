package documents

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// publicityBlank is a 公示期 left to fill in by hand.
const publicityBlank = "　　　　年　　月　　日至　　　　年　　月　　日"

// notice is one 公示 of an organization: its period (zero: to fill in by
// hand) and people.
type notice struct {
	org         string // the organization's id
	from, until time.Time
	people      []*devPerson
}

// notices gathers the people into notices, one per organization and
// period, in the order of the organizations (by name) and then of their
// first person.
type notices struct {
	list []*notice
	by   map[noticeKey]*notice
}

// noticeKey tells notices apart: an organization and a period.
type noticeKey struct {
	org         string
	from, until time.Time
}

func (ns *notices) add(p *devPerson, from, until time.Time) {
	key := noticeKey{org: p.Applicant.OrgID, from: from, until: until}
	n := ns.by[key]
	if n == nil {
		if ns.by == nil {
			ns.by = map[noticeKey]*notice{}
		}
		n = &notice{org: key.org, from: from, until: until}
		ns.by[key] = n
		ns.list = append(ns.list, n)
	}
	n.people = append(n.people, p)
}

// sorted lists the notices by organization, in the order of r's.
func (ns *notices) sorted(r *request) []*notice {
	rank := map[string]int{}
	for i, o := range r.scope.orgs {
		rank[o.ID] = i
	}
	out := slices.Clone(ns.list)
	slices.SortStableFunc(out, func(a, b *notice) int { return rank[a.org] - rank[b.org] })
	return out
}

// signer is the organization that signs a notice: the person's own in a
// consolidated database, else the document's.
func (r *request) signer(orgID string) string {
	if r.scope.consolidated() {
		for _, o := range r.scope.orgs {
			if o.ID == orgID {
				return o.Name
			}
		}
	}
	return r.scope.name
}

// publicityColumns are the columns of a 公示's list, on a portrait page.
func publicityColumns(last []devColumn) []devColumn {
	cols := []devColumn{
		{layout.Column{Title: "姓名", Width: 15, Keep: true}, devName.value},
		{layout.Column{Title: "性别", Width: 9, Align: layout.Center}, devGender.value},
		{layout.Column{Title: "出生年月", Width: 17, Align: layout.Center, Keep: true}, devBirth.value},
		{layout.Column{Title: "所在党支部"}, func(_ *devData, p *devPerson, _ time.Time) string { return p.branch }},
		{layout.Column{Title: "院系班级"}, devPosition.value},
	}
	return append(cols, last...)
}

// noticeDate is a date column of a 公示's list.
func noticeDate(title string, kind vocab.DevStep, outcome ...vocab.DevOutcome) devColumn {
	c := devStepColumn(title, kind, outcome...)
	c.Width = 18
	return c
}

// today is the print day, as a date.
func (r *request) today() time.Time {
	return time.Date(r.now.Year(), r.now.Month(), r.now.Day(), 0, 0, 0, 0, time.UTC)
}

// buildDevPublicity makes 关于拟发展党员的公示: the 发展对象 not yet voted on
// by a 支部大会 who have a 公示 recorded or, with none, passed the 党委's
// 预审. With --from/--to, one notice for that 公示期 of those whose 公示
// starts in it or is not recorded yet; else one notice per 公示 recorded
// (its days) and one, its days left blank, of those with none recorded.
func buildDevPublicity(r *request) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	day := r.today()
	if !r.opts.From.IsZero() {
		day, _ = r.period()
	}
	var ns notices
	for _, p := range d.people {
		if p.stageOn(day) != vocab.StageCandidate {
			continue
		}
		if _, voted := p.last(vocab.StepAdmitVote, day, vocab.OutcomePassed); voted {
			continue
		}
		pub, ok := p.last(vocab.StepPublicity, time.Time{})
		if _, reviewed := p.last(vocab.StepPreReview, day); !ok && !reviewed {
			continue
		}
		if !r.opts.From.IsZero() {
			from, to := r.period()
			if ok && !inPeriod(pub.Date, from, to) {
				continue
			}
			ns.add(p, from, to)
		} else if ok {
			ns.add(p, pub.Date, pub.Until)
		} else {
			ns.add(p, time.Time{}, time.Time{})
		}
	}
	if len(ns.list) == 0 {
		r.nothing(fmt.Sprintf("截至%s没有经党委预审、待支部大会讨论接收的发展对象。", prose(day)))
		return nil
	}
	cols := publicityColumns([]devColumn{noticeDate("申请入党\n时间", vocab.StepApply),
		noticeDate("确定积极分子时间", vocab.StepActivist), noticeDate("确定发展对象时间", vocab.StepCandidate)})
	for _, n := range ns.sorted(r) {
		intro := fmt.Sprintf("根据%s的有关规定，经党支部委员会审查、党委预审，拟发展以下%d名同志为中共预备党员，现将有关情况予以公示。",
			n.people[0].rules.Title, len(n.people))
		r.notice(d, n, intro, cols, day)
	}
	return nil
}

// buildDevConfirmPublicity makes 关于预备党员拟转正的公示: the 预备党员
// without a 转正 vote whose 预备期 has ended or ends within a month of the
// 公示's last day (--to; the print day when not given), in one notice for
// the 公示期 --from/--to gives, or with its days left blank.
func buildDevConfirmPublicity(r *request) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	var ns notices
	var from, until time.Time
	day, horizon := r.today(), r.today()
	if !r.opts.From.IsZero() || !r.opts.To.IsZero() {
		from, until = r.period()
		day, horizon = from, until
	}
	for _, p := range d.people {
		if p.stageOn(day) != vocab.StageProbation {
			continue
		}
		if _, voted := p.last(vocab.StepConfirmVote, day); voted {
			continue
		}
		end := rules.ConfirmedOn(p.stepsUpTo(day), p.rules)
		if end.IsZero() || end.After(horizon.AddDate(0, 1, 0)) {
			continue
		}
		ns.add(p, from, until)
	}
	if len(ns.list) == 0 {
		r.nothing(fmt.Sprintf("截至%s没有预备期已满或一个月内期满、待讨论转正的预备党员。", prose(day)))
		return nil
	}
	cols := publicityColumns([]devColumn{
		{layout.Column{Title: "入党时间", Width: 18, Align: layout.Center, Keep: true},
			func(_ *devData, p *devPerson, day time.Time) string {
				return layout.TableDate(rules.Admitted(p.stepsUpTo(day)))
			}},
		{layout.Column{Title: "预备期满", Width: 18, Align: layout.Center, Keep: true},
			func(d *devData, p *devPerson, day time.Time) string {
				return layout.TableDate(rules.ConfirmedOn(p.stepsUpTo(day), p.rules))
			}},
	})
	for _, n := range ns.sorted(r) {
		intro := fmt.Sprintf("根据%s的有关规定，以下%d名预备党员预备期已满或即将期满，"+
			"经党支部研究，拟提交支部大会讨论其转正问题，现将有关情况予以公示。", n.people[0].rules.Title, len(n.people))
		r.notice(d, n, intro, cols, day)
	}
	return nil
}

// notice adds one 公示 as a part: the opening, the list in 姓氏笔画 order
// within each branch, the 公示期, where to report, the organization as
// signer and the date.
func (r *request) notice(d *devData, n *notice, intro string, cols []devColumn, day time.Time) {
	p := r.part("", "", "")
	t := &layout.Table{Columns: []layout.Column{{Title: "序号", Width: 9, Align: layout.Center}}}
	for _, c := range cols {
		t.Columns = append(t.Columns, c.Column)
	}
	for i, q := range n.people {
		cells := []string{strconv.Itoa(i + 1)}
		for _, c := range cols {
			cells = append(cells, c.value(d, q, day))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Record: q.record()})
	}
	period := publicityBlank
	if !n.from.IsZero() {
		period = prose(n.from) + "至"
		if n.until.IsZero() {
			period += "　　　　年　　月　　日"
		} else {
			period += prose(n.until)
		}
	}
	signed := "　　　　年　　月　　日"
	if !n.from.IsZero() {
		signed = prose(n.from)
	}
	p.Add(&layout.Paragraph{Indent: true, Text: intro}, &layout.Spacer{MM: 2}, t, &layout.Spacer{MM: 3},
		&layout.Paragraph{Indent: true, Text: "公示时间：" + period + "。"},
		&layout.Paragraph{Indent: true, Text: "公示期间，党员和群众如对公示对象有意见或问题，可通过来电、来信、来访等方式向" +
			r.signer(n.org) + "反映。反映问题应实事求是，以个人名义反映的请署真实姓名，以单位名义反映的请加盖公章。我们将对反映人和反映的情况严格保密。"},
		&layout.Spacer{MM: 2},
		&layout.Fields{Items: []layout.Field{{Label: "联系人"}, {Label: "联系电话"}}},
		&layout.Spacer{MM: 10},
		&layout.Paragraph{Align: layout.Right, Text: r.signer(n.org)},
		&layout.Paragraph{Align: layout.Right, Text: signed})
}
