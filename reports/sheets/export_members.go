package sheets

import (
	"context"

	"dangjian/data"
)

// exportMembers writes every member, on the rolls or not (党籍状态 says
// which), branch by branch in name order, each branch's members in name
// order, so that records naming former members import back too. year is
// ignored.
func exportMembers(ctx context.Context, s *data.Store, out *exportSheet, _ int) error {
	return eachMemberByBranch(ctx, s, out, func(m *data.Member, branch string) error {
		return out.add(memberExportRow(m, branch))
	})
}

// eachMemberByBranch starts out with the number of members and calls fn
// for each, branch by branch in name order, each branch's members in name
// order.
func eachMemberByBranch(ctx context.Context, s *data.Store, out *exportSheet, fn func(m *data.Member, branch string) error) error {
	branches, err := branchesByName(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	total, err := s.Members.Count(ctx, out.inOrg()...)
	if err != nil {
		return err
	}
	out.start(total)
	for _, b := range branches {
		err := s.Members.Each(ctx, func(m *data.Member) error { return fn(m, b.Name) },
			data.Where(data.ColBranchID, b.ID), data.OrderBy(data.ColName, data.ColIDNumber, data.ColID))
		if err != nil {
			return err
		}
	}
	return nil
}

func memberExportRow(m *data.Member, branch string) map[string]any {
	return map[string]any{
		"姓名":        m.Name,
		"性别":        m.Gender,
		"民族":        m.Ethnicity,
		"出生日期":      m.BirthDate,
		"公民身份号码":    m.IDNumber,
		"籍贯":        m.NativePlace,
		"学历":        m.Education,
		"人员类别":      m.PersonType,
		"工号或学号":     m.StaffNo,
		"单位职务或院系班级": m.Position,
		"所在支部":      branch,
		"入党日期":      m.JoinedDate,
		"转正日期":      m.ConfirmedAt,
		"党员类别":      m.Category,
		"党内职务":      m.PartyPost,
		"党员领导干部":    m.IsLeader,
		"联系电话":      m.Phone,
		"困难党员":      m.InDifficulty,
		"党费基数":      m.DuesBase,
		"党籍状态":      m.Status,
		"备注":        m.Note,
		"学位":        m.Degree,
		"毕业院校":      m.School,
		"户籍所在地":     m.HouseholdPlace,
		"现居住地":      m.Residence,
		"档案所在单位":    m.ArchiveUnit,
		"工作单位及职务":   m.WorkUnit,
		"失联情形":      m.LostCircumstance,
		"失联日期":      m.LostDate,
	}
}
