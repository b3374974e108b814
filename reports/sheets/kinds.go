package sheets

import (
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/data/vocab"
)

// Kind names a sheet layout: members, training, meetings, dues, transfers,
// and the kinds of records_layouts.go.
type Kind string

// The kinds of sheet.
const (
	Members   Kind = "members"
	Training  Kind = "training"
	Meetings  Kind = "meetings"
	Dues      Kind = "dues"
	Transfers Kind = "transfers"
)

// Kinds lists every kind in the order records depend on each other: the
// first five, then those of the member file, 实践锻炼, 宣传 and the 二级党校
// (records_layouts.go).
var Kinds = append([]Kind{Members, Training, Meetings, Dues, Transfers}, recordKinds...)

// ParseKind reads a kind name, with a Chinese error listing the valid ones.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("未知的表格类型“%s”，应为：%s", s, strings.Join(names, " | "))
}

// Column is one column of a sheet.
type Column struct {
	Header   string   // the header text, exactly as DESIGN.md gives it
	Required bool     // a row must give a value
	Type     string   // text, date, month, number, money, bool, id, names
	Choices  []string // allowed values, offered as a drop-down
	Open     bool     // Choices are suggestions: other values are accepted
	Width    float64  // column width in characters
	Note     string   // what to fill in, for the 填写说明 sheet
	Computed bool     // written by export, ignored by import
	// ExportOnly columns are written by export and read by import when a
	// sheet has them, but left out of templates.
	ExportOnly bool
}

// Layout is a kind's sheet: its name and columns.
type Layout struct {
	Kind    Kind
	Title   string // the worksheet's name
	Columns []Column
	// Key says which rows are taken for the same record, for the 填写说明;
	// "" for the first five kinds, whose guide says it otherwise.
	Key string
}

// Header returns the column with the header text, or nil.
func (l Layout) Header(h string) *Column {
	for i := range l.Columns {
		if l.Columns[i].Header == h {
			return &l.Columns[i]
		}
	}
	return nil
}

// LayoutOf returns a kind's layout.
func LayoutOf(k Kind) Layout { return layouts[k] }

var yesNo = []string{"是", "否"}

const namesNote = "姓名之间用顿号（、）或逗号分隔，须为本支部党员"

// reasonNote tells how a reason of 请假 or 缺席 is written.
const reasonNote = "；原因写在姓名后的括号内，如：张三（出差）、李四（病假）"

var layouts = map[Kind]Layout{
	Members: {Kind: Members, Title: "党员信息", Columns: []Column{
		{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "党员姓名"},
		{Header: "性别", Type: "text", Choices: data.Genders, Width: 6, Note: "男/女；不填时按公民身份号码确定"},
		{Header: "民族", Type: "text", Width: 8, Note: "如：汉族"},
		{Header: "出生日期", Type: "date", Width: 12, Note: "如2019-07-01；不填时按公民身份号码确定，填写时须与之一致"},
		{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "18位，末位可为X；请设为文本格式，以免被改成科学计数法"},
		{Header: "籍贯", Type: "text", Width: 10, Note: "如：湖北武汉"},
		{Header: "学历", Type: "text", Choices: data.Educations, Open: true, Width: 10, Note: "最高学历"},
		{Header: "人员类别", Required: true, Type: "text", Choices: data.PersonTypes, Width: 12, Note: "决定党费标准"},
		{Header: "工号或学号", Type: "text", Width: 12, Note: "教职工填工号，学生填学号"},
		{Header: "单位职务或院系班级", Type: "text", Width: 22, Note: "教职工填单位和职务，学生填院系班级"},
		{Header: "所在支部", Required: true, Type: "text", Width: 24, Note: "支部全称；本库中没有的支部将自动新建"},
		{Header: "入党日期", Required: true, Type: "date", Width: 12, Note: "接收为预备党员的日期，须年满十八岁"},
		{Header: "转正日期", Type: "date", Width: 12, Note: "正式党员填写，须晚于入党日期；预备党员不填"},
		{Header: "党员类别", Required: true, Type: "text", Choices: data.Categories, Open: true, Width: 10, Note: "正式党员/预备党员（也可填正式/预备）"},
		{Header: "党内职务", Type: "text", Width: 12, Note: "如：支部书记、组织委员；含“书记”或“委员”者每年须学习56学时"},
		{Header: "党员领导干部", Type: "bool", Choices: yesNo, Width: 8, Note: "是/否"},
		{Header: "联系电话", Type: "text", Width: 14, Note: "手机或座机"},
		{Header: "困难党员", Type: "bool", Choices: yesNo, Width: 8, Note: "是/否"},
		{Header: "党费基数", Type: "money", Width: 10, Note: "每月税后工资性收入（元），学生填0"},
		{Header: "党籍状态", Type: "text", Choices: data.MemberStatuses, Width: 10, ExportOnly: true,
			Note: "导出时填写；导入时无此列或不填按“正常”。已转出等不在册的党员只随导出保留记录"},
		{Header: "备注", Type: "text", Width: 20, Note: "其他需要说明的情况"},
		// The fields of the 全国党员管理信息系统, added after the first
		// layout: sheets without them still import.
		{Header: "学位", Type: "text", Choices: data.Degrees, Width: 8, Note: "最高学位"},
		{Header: "毕业院校", Type: "text", Width: 18, Note: "最高学历的毕业院校"},
		{Header: "户籍所在地", Type: "text", Width: 20, Note: "如：湖北省武汉市洪山区"},
		{Header: "现居住地", Type: "text", Width: 24, Note: "现居住地址"},
		{Header: "档案所在单位", Type: "text", Width: 18, Note: "人事档案存放的单位"},
		{Header: "工作单位及职务", Type: "text", Width: 22, Note: "全国党员管理信息系统的“工作单位及职务”；学生可不填"},
		{Header: "失联情形", Type: "text", Choices: data.LostCircumstances, Open: true, Width: 18, Note: "失联党员填写"},
		{Header: "失联日期", Type: "date", Width: 12, Note: "失联党员填写，不能晚于今天"},
	}},
	Training: {Kind: Training, Title: "学习培训", Columns: []Column{
		{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "参加培训的党员，须已在本库中"},
		{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "须与公民身份号码相符"},
		{Header: "日期", Required: true, Type: "date", Width: 12, Note: "培训日期，不能晚于今天"},
		{Header: "学时", Required: true, Type: "number", Width: 6, Note: "该党员获得的学时，可有一位小数"},
		{Header: "形式", Required: true, Type: "text", Choices: data.TrainingForms, Width: 10, Note: "个人自学不计入集中学习学时"},
		{Header: "主题", Required: true, Type: "text", Width: 30, Note: "同一日期同一主题视为同一次培训"},
		{Header: "主办单位", Type: "text", Width: 16, Note: "如：二级党校"},
		{Header: "地点", Type: "text", Width: 20, Note: "培训地点，如：学院会议室（行政楼305）；同一次培训填一处即可"},
		{Header: "证书编号", Type: "text", Width: 18, Note: "该党员的结业证书或培训证书编号；没有的不填"},
	}},
	Meetings: {Kind: Meetings, Title: "组织生活", Columns: []Column{
		{Header: "所在支部", Required: true, Type: "text", Width: 24, Note: "支部全称，须已在本库中"},
		{Header: "类型", Required: true, Type: "text", Choices: data.MeetingKinds, Width: 12, Note: "三会一课、主题党日等"},
		{Header: "日期", Required: true, Type: "date", Width: 12, Note: "同一支部同一类型同一日期视为同一次会议"},
		{Header: "主题", Type: "text", Width: 30, Note: "会议主题"},
		{Header: "主持人", Type: "text", Width: 10, Note: "党课填主讲人"},
		{Header: "记录人", Type: "text", Width: 10, Note: ""},
		// The attendance columns are named after the attendance values.
		{Header: string(vocab.Present), Type: "names", Width: 40, Note: namesNote},
		{Header: string(vocab.Excused), Type: "names", Width: 20, Note: namesNote + reasonNote},
		{Header: string(vocab.Absent), Type: "names", Width: 20, Note: namesNote + reasonNote},
		{Header: "地点", Type: "text", Width: 20, Note: "会议地点，如：党员活动室（行政楼201）"},
	}},
	Dues: {Kind: Dues, Title: "党费收缴", Columns: []Column{
		{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "交纳党费的党员，须已在本库中"},
		{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "须与公民身份号码相符"},
		{Header: "月份", Required: true, Type: "month", Width: 10, Note: "如2026-03或2026年3月"},
		{Header: "实缴金额", Required: true, Type: "money", Width: 10, Note: "元，最多两位小数"},
		{Header: "缴纳日期", Type: "date", Width: 12, Note: ""},
		{Header: "党费基数", Type: "money", Width: 10, Note: "导出时填写，导入时不读取", Computed: true},
		{Header: "应缴金额", Type: "money", Width: 10, Note: "按组通字〔2008〕3号计算；导出时填写，导入时不读取", Computed: true},
	}},
	Transfers: {Kind: Transfers, Title: "组织关系转接", Columns: []Column{
		{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "须已在本库中"},
		{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "须与公民身份号码相符"},
		{Header: "方向", Required: true, Type: "text", Choices: data.Directions, Width: 6, Note: "转出/转入"},
		{Header: "对方组织", Required: true, Type: "text", Width: 28, Note: "转往或转自的党组织"},
		{Header: "介绍信编号", Required: true, Type: "text", Width: 18, Note: "每封介绍信一行，编号不能重复"},
		{Header: "开具日期", Required: true, Type: "date", Width: 12, Note: ""},
		{Header: "有效期天数", Type: "number", Width: 8, Note: "不填按90天"},
		{Header: "回执日期", Type: "date", Width: 12, Note: "收到回执后填写"},
		{Header: "党费交至", Type: "month", Width: 10, Note: "介绍信注明的党费交至年月，如2026-04或2026年4月；未注明的不填"},
	}},
}
