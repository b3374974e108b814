package sheets

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// devExport is what the sheets of 发展党员 are written from: the people in
// the pipeline with their steps in the order of rules.SortSteps, the
// names of the branches and of the members the steps name.
type devExport struct {
	applicants []data.Applicant
	steps      map[string][]data.DevStep
	branches   map[data.Ref]string
	members    map[data.Ref]*data.Member
	// live are the members an import can name, by name.
	live map[string][]*data.Member
}

func loadDevExport(ctx context.Context, s *data.Store, out *exportSheet) (*devExport, error) {
	x := &devExport{steps: map[string][]data.DevStep{}, branches: map[data.Ref]string{},
		members: map[data.Ref]*data.Member{}, live: map[string][]*data.Member{}}
	err := s.Branches.Each(ctx, func(b *data.Branch) error {
		x.branches[data.Ref(b.ID)] = b.Name
		return nil
	}, data.WithDeleted())
	if err != nil {
		return nil, err
	}
	err = s.Members.Each(ctx, func(m *data.Member) error {
		c := *m
		x.members[data.Ref(m.ID)] = &c
		if !m.Deleted() {
			x.live[m.Name] = append(x.live[m.Name], &c)
		}
		return nil
	}, data.WithDeleted())
	if err != nil {
		return nil, err
	}
	if x.applicants, err = s.Applicants.List(ctx, out.inOrg()...); err != nil {
		return nil, err
	}
	err = s.DevSteps.Each(ctx, func(st *data.DevStep) error {
		x.steps[string(st.ApplicantID)] = append(x.steps[string(st.ApplicantID)], *st)
		return nil
	}, out.inOrg()...)
	if err != nil {
		return nil, err
	}
	for id := range x.steps {
		slices.SortStableFunc(x.steps[id], func(a, b data.DevStep) int {
			return rules.CompareSteps(a.RuleStep(), b.RuleStep())
		})
	}
	// By branch, then by the day the application was made, then by name.
	applied := func(a data.Applicant) string {
		for _, st := range x.steps[a.ID] {
			if st.Step == string(pipeSteps[0].step) {
				return st.Date.String()
			}
		}
		return ""
	}
	slices.SortStableFunc(x.applicants, func(a, b data.Applicant) int {
		return cmp.Or(strings.Compare(x.branches[a.BranchID], x.branches[b.BranchID]),
			strings.Compare(applied(a), applied(b)), strings.Compare(a.Name, b.Name),
			strings.Compare(a.IDNumber, b.IDNumber))
	})
	return x, nil
}

// names writes the members a step names, 、-separated: a name shared
// with another member followed by the end of the 公民身份号码 that tells
// them apart (周雪晴（1234）), as the import reads it.
func (x *devExport) names(st *data.DevStep) string {
	var out []string
	for _, ref := range []data.Ref{st.PersonID, st.Person2ID} {
		if m := x.members[ref]; ref != "" && m != nil {
			out = append(out, x.nameOf(m))
		}
	}
	return strings.Join(out, "、")
}

// nameOf is how a sheet names the member: the name, with the last four
// characters of the 公民身份号码 when another member has the name, the
// whole number when those do not tell them apart.
func (x *devExport) nameOf(m *data.Member) string {
	same := x.live[m.Name]
	if len(same) == 0 || (len(same) == 1 && same[0].ID == m.ID) {
		return m.Name
	}
	tail := m.IDNumber[max(len(m.IDNumber)-4, 0):]
	for _, o := range same {
		if o.ID != m.ID && strings.HasSuffix(o.IDNumber, tail) {
			tail = m.IDNumber
		}
	}
	return m.Name + "（" + tail + "）"
}

// exportPipeline writes a row per person in the pipeline with the last
// record of every main step; year is ignored (every person is written).
func exportPipeline(ctx context.Context, s *data.Store, out *exportSheet, _ int) error {
	x, err := loadDevExport(ctx, s, out)
	if err != nil {
		return err
	}
	out.start(len(x.applicants))
	for i := range x.applicants {
		a := &x.applicants[i]
		vals := map[string]any{
			"姓名": a.Name, "公民身份号码": a.IDNumber, "性别": a.Gender, "民族": a.Ethnicity, "出生日期": a.BirthDate,
			"籍贯": a.NativePlace, "学历": a.Education, "人员类别": a.PersonType, "工号或学号": a.StaffNo,
			"单位职务或院系班级": a.Position, "联系电话": a.Phone, "所在支部": x.branches[a.BranchID], "备注": a.Note,
		}
		steps := x.steps[a.ID]
		for _, spec := range pipeSteps {
			var last *data.DevStep
			for j := range steps {
				if steps[j].Step == string(spec.step) {
					last = &steps[j]
				}
			}
			x.pipeValues(vals, spec, last)
		}
		if err := out.add(vals); err != nil {
			return err
		}
	}
	return nil
}

// pipeValues fills the step's columns from its record; blank when none.
func (x *devExport) pipeValues(vals map[string]any, spec pipeStep, st *data.DevStep) {
	put := func(header string, v any) {
		if header != "" {
			vals[header] = v
		}
	}
	if st == nil {
		put(spec.date, "")
		for _, h := range spec.cells() {
			put(h, "")
		}
		return
	}
	put(spec.date, st.Date)
	put(spec.until, st.Until)
	put(spec.people, x.names(st))
	put(spec.hours, nonZero(st.Hours))
	put(spec.days, nonZero(st.Days))
	put(spec.number, st.Number)
	for i, n := range []int{st.Eligible, st.Present, st.VotesFor, st.VotesAgainst, st.Abstain} {
		put(spec.votes[i], n)
	}
	put(spec.outcome, st.Outcome)
	put(spec.extend, nonZero(float64(st.ExtendMonths)))
}

// nonZero writes a number, or nothing for 0.
func nonZero(v float64) any {
	if v == 0 {
		return ""
	}
	return v
}

// exportDevSteps writes every step of every person in the pipeline (of
// year, when not 0), each person's in the order rules.SortSteps gives.
func exportDevSteps(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	x, err := loadDevExport(ctx, s, out)
	if err != nil {
		return err
	}
	n := 0
	keep := func(st *data.DevStep) bool { return year == 0 || st.Date.Year() == year }
	for _, a := range x.applicants {
		for i := range x.steps[a.ID] {
			if keep(&x.steps[a.ID][i]) {
				n++
			}
		}
	}
	out.start(n)
	for _, a := range x.applicants {
		for i := range x.steps[a.ID] {
			st := &x.steps[a.ID][i]
			if !keep(st) {
				continue
			}
			vals := map[string]any{
				"公民身份号码": a.IDNumber, "姓名": a.Name, "步骤": st.Step, "日期": st.Date, "截止日期": st.Until,
				"相关党员": x.names(st), "应到人数": st.Eligible, "实到人数": st.Present, "赞成票": st.VotesFor,
				"反对票": st.VotesAgainst, "弃权票": st.Abstain, "结果": st.Outcome,
				"延长预备期月数": nonZero(float64(st.ExtendMonths)), "学时": nonZero(st.Hours), "天数": nonZero(st.Days),
				"编号": st.Number, "内容": st.Content, "备注": st.Note,
			}
			if !vocab.DevStep(st.Step).Votes() {
				for i, h := range []string{"应到人数", "实到人数", "赞成票", "反对票", "弃权票"} {
					vals[h] = nonZero(float64([]int{st.Eligible, st.Present, st.VotesFor, st.VotesAgainst, st.Abstain}[i]))
				}
			}
			if err := out.add(vals); err != nil {
				return err
			}
		}
	}
	return nil
}
