package sheets

import (
	"context"
	"io"

	"dangjian/data"
)

// NationalLayout is the column layout in which the 全国党员管理信息系统
// takes in members (its 党员信息 import and the 党员基本信息采集表 the
// 2017 collection used): the collection's items, in its order, then the
// fields the system's member record adds (学位, 毕业院校, 户籍所在地,
// 档案所在单位). README.md ("Export for the 全国党员管理信息系统") gives
// the sources. Required columns are those the system will not take a
// member without (the PROFILE rule's list). Every header is the template's
// own or one of its aliases, so the export imports back as a members
// sheet without a mapping.
var NationalLayout = Layout{Kind: "national", Title: "党员信息", Columns: []Column{
	{Header: "姓名", Required: true, Type: "text", Width: 10},
	{Header: "性别", Required: true, Type: "text", Width: 6},
	{Header: "公民身份号码", Required: true, Type: "id", Width: 21},
	{Header: "民族", Required: true, Type: "text", Width: 8},
	{Header: "出生日期", Required: true, Type: "date", Width: 12},
	{Header: "籍贯", Required: true, Type: "text", Width: 12},
	{Header: "学历", Required: true, Type: "text", Width: 10},
	{Header: "学位", Type: "text", Width: 8},
	{Header: "毕业院校", Type: "text", Width: 18},
	{Header: "人员类别", Required: true, Type: "text", Width: 12},
	{Header: "所在党支部", Required: true, Type: "text", Width: 24},
	{Header: "党员类别", Required: true, Type: "text", Width: 10},
	{Header: "入党日期", Required: true, Type: "date", Width: 12},
	{Header: "转为正式党员日期", Type: "date", Width: 14},
	{Header: "工作单位及职务", Required: true, Type: "text", Width: 24},
	{Header: "联系电话", Required: true, Type: "text", Width: 14},
	{Header: "户籍所在地", Required: true, Type: "text", Width: 18},
	{Header: "现居住地", Required: true, Type: "text", Width: 18},
	{Header: "档案所在单位", Type: "text", Width: 18},
	{Header: "党籍状态", Type: "text", Width: 10},
	{Header: "是否为失联党员", Type: "text", Width: 10},
	{Header: "失去联系日期", Type: "date", Width: 12},
	{Header: "失去联系情形", Type: "text", Width: 16},
}}

// ExportNational writes the members on the rolls (正常 and 停止党籍), branch
// by branch in name order, in NationalLayout, for upload to the
// 全国党员管理信息系统. o.OrgID keeps one organization of a consolidated
// database; o.Year is ignored. 工作单位及职务 falls back to
// 单位职务或院系班级 when the member has none. Dates are date cells
// (yyyy-mm-dd), 公民身份号码 and 联系电话 text. As Export, nothing is
// written to w unless the whole export succeeds, and nothing goes to the
// system's temporary folder.
func ExportNational(ctx context.Context, s *data.Store, w io.Writer, o ExportOptions) (rows int, err error) {
	return exportLayout(ctx, s, w, NationalLayout, o, func(ctx context.Context, s *data.Store, out *exportSheet, _ int) error {
		return exportNationalRows(ctx, s, out)
	}, nil)
}

func exportNationalRows(ctx context.Context, s *data.Store, out *exportSheet) error {
	lost, err := s.OpenLostEpisodes(ctx)
	if err != nil {
		return err
	}
	return eachMemberByBranch(ctx, s, out, func(m *data.Member, branch string) error {
		if !m.Active() {
			return nil
		}
		return out.add(nationalRow(m, branch, data.LostOf(m, lost[m.ID])))
	})
}

// nationalRow is a member's row of NationalLayout.
func nationalRow(m *data.Member, branch string, lost data.Lost) map[string]any {
	work := m.WorkUnit
	if work == "" {
		work = m.Position
	}
	return map[string]any{
		"姓名": m.Name, "性别": m.Gender, "公民身份号码": m.IDNumber, "民族": m.Ethnicity,
		"出生日期": m.BirthDate, "籍贯": m.NativePlace, "学历": m.Education, "学位": m.Degree,
		"毕业院校": m.School, "人员类别": m.PersonType, "所在党支部": branch, "党员类别": m.Category,
		"入党日期": m.JoinedDate, "转为正式党员日期": m.ConfirmedAt, "工作单位及职务": work,
		"联系电话": m.Phone, "户籍所在地": m.HouseholdPlace, "现居住地": m.Residence,
		"档案所在单位": m.ArchiveUnit, "党籍状态": m.Status, "是否为失联党员": yesNoText(lost.Lost),
		"失去联系日期": lost.Date, "失去联系情形": lost.Circumstances,
	}
}
