package documents

import (
	"fmt"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// The documents of 发展党员. Every stage is rules.StageOf's, every 入党时间
// rules.Admitted's, every 预备期满 rules.ConfirmedOn's (the day check and
// the member's 转正日期 name, not ProbationEnd's last day); a document reads
// the dates of the steps as recorded.
const (
	DevActivists        Kind = "dev-activists"         // 入党积极分子花名册
	DevCandidates       Kind = "dev-candidates"        // 发展对象花名册
	DevLedger           Kind = "dev-ledger"            // 发展党员工作台账
	DevPublicity        Kind = "dev-publicity"         // 关于拟发展党员的公示
	DevConfirmPublicity Kind = "dev-confirm-publicity" // 关于预备党员拟转正的公示
	DevFiling           Kind = "dev-filing"            // 备案表
	DevConfirm          Kind = "dev-confirm"           // 预备党员转正名单
)

// DevKinds are the documents of 发展党员, in the order they are offered.
var DevKinds = []Kind{DevActivists, DevCandidates, DevLedger, DevPublicity, DevConfirmPublicity, DevFiling, DevConfirm}

func init() {
	builders[DevActivists] = builder{title: "入党积极分子花名册", landscape: true, period: asOfPeriod, build: buildDevActivists}
	builders[DevCandidates] = builder{title: "发展对象花名册", landscape: true, period: asOfPeriod, build: buildDevCandidates}
	builders[DevLedger] = builder{title: "发展党员工作台账", landscape: true, period: devPeriodText, build: buildDevLedger}
	builders[DevPublicity] = builder{title: "关于拟发展党员的公示", period: noPeriod, build: buildDevPublicity}
	builders[DevConfirmPublicity] = builder{title: "关于预备党员拟转正的公示", period: noPeriod, build: buildDevConfirmPublicity}
	builders[DevFiling] = builder{title: "发展党员备案表", landscape: true, period: devPeriodText, build: buildDevFiling}
	builders[DevConfirm] = builder{title: "预备党员转正名单", landscape: true, period: devPeriodText, build: buildDevConfirm}
	Kinds = append(Kinds, DevKinds...)
}

// DevAsOf reports whether document k lists the people in a stage on a day
// (Options.AsOf): the 花名册.
func DevAsOf(k Kind) bool { return k == DevActivists || k == DevCandidates }

// DevPeriod reports whether document k covers a period (Options.From,
// Options.To; the year when not given).
func DevPeriod(k Kind) bool {
	switch k {
	case DevLedger, DevPublicity, DevConfirmPublicity, DevFiling, DevConfirm:
		return true
	}
	return false
}

// devPerson is a person of the pipeline as a document of 发展党员 prints
// them.
type devPerson struct {
	data.DevRecord
	branch string         // the branch's label
	rules  rules.DevRules // the rules of 发展党员 of the person's organization
}

// steps are the person's steps as the rules read them.
func (p *devPerson) steps() []rules.Step { return p.Person.Steps }

// stepsUpTo are the person's steps dated on or before day.
func (p *devPerson) stepsUpTo(day time.Time) []rules.Step {
	var out []rules.Step
	for _, s := range p.Person.Steps {
		if !s.Date.After(day) {
			out = append(out, s)
		}
	}
	return out
}

// stageOn is the person's stage at the end of day (rules.StageOf over the
// steps taken by then).
func (p *devPerson) stageOn(day time.Time) vocab.Stage { return rules.StageOf(p.stepsUpTo(day)) }

// last is the latest step of the kind (with one of the outcomes, when
// given) taken on or before day (any day when zero).
func (p *devPerson) last(kind vocab.DevStep, day time.Time, outcome ...vocab.DevOutcome) (rules.Step, bool) {
	steps := p.steps()
	if !day.IsZero() {
		steps = p.stepsUpTo(day)
	}
	return rules.Last(steps, kind, outcome...)
}

// date is the table date of the latest step of the kind taken on or
// before day (any day when zero); "" when none.
func (p *devPerson) date(kind vocab.DevStep, day time.Time, outcome ...vocab.DevOutcome) string {
	s, ok := p.last(kind, day, outcome...)
	if !ok {
		return ""
	}
	return layout.TableDate(s.Date)
}

// recorded is the step as recorded of a step the rules read.
func (p *devPerson) recorded(s rules.Step) *data.DevStep {
	for i := range p.Steps {
		if p.Steps[i].ID == s.ID {
			return &p.Steps[i]
		}
	}
	return nil
}

// record names the person for messages about characters that could not
// be printed.
func (p *devPerson) record() string { return record(p.branch, p.Applicant.Name, p.Applicant.StaffNo) }

// devData is what the documents of 发展党员 read: the people of the
// covered branches, by branch in the branches' order and in 姓氏笔画 order
// within one, the rules in force and the members' names.
type devData struct {
	people []*devPerson
	rules  rules.DevRules    // the rules in force for the document's organization, named in its text
	names  map[string]string // member id → name, for the people a step names
}

// devPeople reads the pipeline of the covered branches.
func (r *request) devPeople() (*devData, error) {
	recs, err := r.store.DevRecords(r.ctx)
	if err != nil {
		return nil, err
	}
	labels := r.branchLabels()
	d := &devData{names: map[string]string{}}
	if d.rules, err = r.devRulesOf(r.scope.orgID); err != nil {
		return nil, err
	}
	byOrg := map[string]rules.DevRules{r.scope.orgID: d.rules}
	for i := range recs {
		b := string(recs[i].Applicant.BranchID)
		if !r.inBranch(data.Ref(b)) {
			continue
		}
		p := &devPerson{DevRecord: recs[i], branch: labels[b], rules: d.rules}
		if org := p.Applicant.OrgID; r.scope.consolidated() {
			if _, ok := byOrg[org]; !ok {
				if byOrg[org], err = r.devRulesOf(org); err != nil {
					return nil, err
				}
			}
			p.rules = byOrg[org]
		}
		d.people = append(d.people, p)
	}
	orderBy(r, d.people, func(p *devPerson) (string, string, string) {
		return string(p.Applicant.BranchID), p.Applicant.Name, p.Applicant.ID
	})
	err = r.store.Members.Each(r.ctx, func(m *data.Member) error {
		d.names[m.ID] = m.Name
		return nil
	})
	return d, err
}

// devRulesOf reads the rules of 发展党员 in force for an organization of
// a consolidated database (its own setting), or for the database's own
// when orgID is "" or the database holds one.
func (r *request) devRulesOf(orgID string) (rules.DevRules, error) {
	if orgID == "" || !r.scope.consolidated() {
		return r.store.DevRules(r.ctx)
	}
	set, err := r.store.RuleSettingsOf(r.ctx, orgID)
	return set.Dev, err
}

// stepPeople names the members a step names, 「王红、李明」; the step's other
// people (named in words) after them.
func (d *devData) stepPeople(p *devPerson, s rules.Step, ok bool) string {
	if !ok {
		return ""
	}
	var out []string
	for _, id := range s.People {
		if id == "" {
			continue
		}
		if n := d.names[id]; n != "" {
			out = append(out, n)
		}
	}
	if rec := p.recorded(s); rec != nil && strings.TrimSpace(rec.People) != "" {
		out = append(out, strings.TrimSpace(rec.People))
	}
	return strings.Join(out, "、")
}

// contacts are the person's 培养联系人 as named last on or before day.
func (d *devData) contacts(p *devPerson, day time.Time) string {
	s, ok := p.last(vocab.StepContacts, day)
	return d.stepPeople(p, s, ok)
}

// introducers are the person's 入党介绍人 as named last on or before day.
func (d *devData) introducers(p *devPerson, day time.Time) string {
	s, ok := p.last(vocab.StepIntroducers, day)
	return d.stepPeople(p, s, ok)
}

// period is the period a document of 发展党员 covers: Options.From and
// Options.To, else the year; an open end is the print day or the first
// record.
func (r *request) period() (from, to time.Time) {
	day := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	from, to = day(r.opts.From), day(r.opts.To)
	if from.IsZero() && to.IsZero() {
		return time.Date(r.year, time.January, 1, 0, 0, 0, 0, time.UTC), time.Date(r.year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		to = day(r.now)
	}
	return from, to
}

// inPeriod reports whether day falls in the period.
func inPeriod(day, from, to time.Time) bool {
	return !day.IsZero() && !day.Before(from) && !day.After(to)
}

// noPeriod leaves the running header's right side blank: a notice
// carries its own dates.
func noPeriod(*request) string { return "" }

// devPeriodText is the running header of a document over a period:
// 「2026年度」 for a whole year, else 「2026年3月1日至2026年8月31日」.
func devPeriodText(r *request) string {
	from, to := r.period()
	if from.IsZero() {
		return "截至" + prose(to)
	}
	if from.Month() == time.January && from.Day() == 1 && to.Month() == time.December && to.Day() == 31 && from.Year() == to.Year() {
		return fmt.Sprintf("%d年度", from.Year())
	}
	return prose(from) + "至" + prose(to)
}

// periodWords is the period in a sentence: 「2026年度」 or 「2026年3月1日至
// 2026年8月31日期间」.
func periodWords(r *request) string {
	t := devPeriodText(r)
	if strings.HasSuffix(t, "年度") || strings.HasPrefix(t, "截至") {
		return t
	}
	return t + "期间"
}

// devSign is the foot of a sheet sent to the committee: 填报单位（盖章）,
// 填报人, 日期.
func (r *request) devSign() layout.Block {
	return &layout.Fields{Items: []layout.Field{{Label: "填报单位（盖章）", Value: r.scope.name}, {Label: "填报人"},
		{Label: "日期", Value: prose(r.now)}}}
}

// byBranch splits the people, in their order, into runs of one branch.
func byBranch(ps []*devPerson) [][]*devPerson {
	var out [][]*devPerson
	for i, p := range ps {
		if i == 0 || p.Applicant.BranchID != ps[i-1].Applicant.BranchID {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], p)
	}
	return out
}
