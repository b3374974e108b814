package sheets

import (
	"strings"

	"dangjian/data/field"
	"dangjian/data/vocab"
)

// Ignore is the column a header is mapped to when its cells are not read:
// a header the user chose to leave out, or a known extra such as 序号.
const Ignore = "忽略"

// commonAliases are other names sheets give a template column, whatever
// the kind: each alias lists the template headers it may stand for, the
// first one the kind's layout has wins (所在党支部 is 所在支部 in a members
// sheet and a meetings sheet alike). Among them are the columns of the
// 全国党员管理信息系统's own member sheets and of its 党员基本信息采集表, so
// that a sheet exported from it, or ExportNational's, imports without a
// mapping. An alias to Ignore is a known extra: read past, listed as not
// imported.
var commonAliases = foldKeys(map[string][]string{
	// who
	"身份证号": {"公民身份号码"}, "身份证号码": {"公民身份号码"}, "证件号码": {"公民身份号码"},
	"身份证": {"公民身份号码"}, "公民身份证号": {"公民身份号码"}, "公民身份证号码": {"公民身份号码"},
	"居民身份证号码": {"公民身份号码"}, "身份证件号码": {"公民身份号码"},
	"党员姓名": {"姓名"}, "名字": {"姓名"}, "人员姓名": {"姓名"},
	// the members sheet
	"性别（男/女）": {"性别"},
	"出生年月":    {"出生日期"}, "出生时间": {"出生日期"}, "生日": {"出生日期"}, "出生年月日": {"出生日期"},
	"入党时间": {"入党日期"}, "加入党组织日期": {"入党日期"}, "入党年月": {"入党日期"},
	"转正时间": {"转正日期"}, "转为正式党员日期": {"转正日期"}, "转正年月": {"转正日期"},
	"所在党支部": {"所在支部"}, "党支部": {"所在支部"}, "所属支部": {"所在支部"}, "所属党支部": {"所在支部"},
	string(vocab.LiaisonBranch): {"所在支部"}, "支部名称": {"所在支部"}, "党支部名称": {"所在支部"}, "所在党组织": {"所在支部"},
	"手机号码": {"联系电话"}, "手机号": {"联系电话"}, "手机": {"联系电话"}, "电话": {"联系电话"},
	"联系方式": {"联系电话"}, "电话号码": {"联系电话"}, "联系电话（手机）": {"联系电话"},
	"最高学历": {"学历"}, "文化程度": {"学历"}, "学历（最高）": {"学历"},
	"人员身份": {"人员类别"}, "身份类别": {"人员类别"},
	"党员身份": {"党员类别"}, "党员类型": {"党员类别"}, "预备/正式": {"党员类别"}, "预/正": {"党员类别"},
	"工号": {"工号或学号"}, "学号": {"工号或学号"}, "学工号": {"工号或学号"}, "职工号": {"工号或学号"},
	"学号/工号": {"工号或学号"}, "工号/学号": {"工号或学号"}, "学号或工号": {"工号或学号"},
	"院系班级": {"单位职务或院系班级"}, "单位及职务": {"工作单位及职务", "单位职务或院系班级"},
	"工作单位和职务": {"工作单位及职务"}, "工作单位": {"工作单位及职务"}, "单位职务": {"单位职务或院系班级"},
	"党内职务名称":   {"党内职务"},
	"是否党员领导干部": {"党员领导干部"}, "是否困难党员": {"困难党员"},
	"缴费基数": {"党费基数"}, "工资基数": {"党费基数"}, "党费计算基数": {"党费基数"},
	"学位名称": {"学位"}, "毕业学校": {"毕业院校"},
	"户口所在地": {"户籍所在地"}, "户籍地": {"户籍所在地"}, "户籍地址": {"户籍所在地"},
	"家庭住址": {"现居住地"}, "现住址": {"现居住地"}, "居住地址": {"现居住地"}, "家庭地址": {"现居住地"},
	"现居住地址":  {"现居住地"},
	"档案存放单位": {"档案所在单位"}, "人事档案所在单位": {"档案所在单位"}, "档案所在地": {"档案所在单位"},
	"失去联系情形": {"失联情形"}, "失联原因": {"失联情形"},
	"失去联系日期": {"失联日期"}, "失联时间": {"失联日期"},
	"党籍情况": {"党籍状态"},
	"说明":   {"备注"}, "备注说明": {"备注"},
	// training, meetings, dues, transfers and the records by date
	"培训日期": {"日期"}, "学习日期": {"日期"}, "会议日期": {"日期"}, "活动日期": {"日期"}, "时间": {"日期"},
	"学时数": {"学时"}, "培训学时": {"学时"}, "学习时长": {"学时"},
	"培训形式": {"形式"}, "学习形式": {"形式"},
	"培训主题": {"主题"}, "学习内容": {"主题"}, "会议主题": {"主题"}, "活动主题": {"主题"}, "内容": {"主题"},
	"主办方": {"主办单位"}, "举办单位": {"主办单位"},
	"培训地点": {"地点"}, "会议地点": {"地点"}, "活动地点": {"地点"},
	"会议类型": {"类型"}, "活动类型": {"类型"}, "会议类别": {"类型"},
	"主讲人": {"主持人"}, "记录员": {"记录人"},
	"出席人员": {string(vocab.Present)}, "参加人员": {string(vocab.Present)},
	"请假人员": {string(vocab.Excused)}, "缺席人员": {string(vocab.Absent)},
	"缴费月份": {"月份"}, "所属月份": {"月份"}, "党费月份": {"月份"}, "交纳月份": {"月份"},
	"缴纳金额": {"实缴金额"}, "实缴党费": {"实缴金额"}, "实交金额": {"实缴金额"}, "交纳金额": {"实缴金额"},
	"缴费日期": {"缴纳日期"}, "交纳日期": {"缴纳日期"},
	"转接方向": {"方向"}, "转接类型": {"方向"},
	"对方党组织": {"对方组织"}, "转往党组织": {"对方组织"}, "转入党组织": {"对方组织"}, "接收党组织": {"对方组织"},
	"介绍信号": {"介绍信编号"}, "开具时间": {"开具日期"}, "开出日期": {"开具日期"},
	"有效期": {"有效期天数"}, "有效天数": {"有效期天数"}, "回执时间": {"回执日期"},
	// the member file, 实践锻炼, 宣传, the 二级党校 and the 领导干部联系点
	"岗位名称": {"岗位或责任区"}, "责任区": {"岗位或责任区"}, "岗位职责": {"职责"},
	"承诺内容": {"承诺事项"}, "承诺时间": {"承诺日期"}, "评议结果": {"践诺评议"}, "践诺情况": {"践诺评议"},
	"服务时间": {"服务时长"}, "志愿服务时长": {"服务时长"}, "服务小时数": {"服务时长"}, "志愿服务内容": {"服务内容"},
	"服务项目": {"服务内容"}, "活动组织单位": {"组织单位"},
	"发布渠道": {"宣传渠道"}, "渠道": {"宣传渠道"}, "宣传标题": {"标题"}, "链接": {"链接或存档位置"},
	"表彰名称": {"奖励名称"}, "荣誉名称": {"奖励名称"}, "奖励级别": {"级别"}, "表彰级别": {"级别"},
	"授奖单位": {"授予单位"}, "表彰单位": {"授予单位"}, "获奖日期": {"日期"}, "表彰日期": {"日期"},
	"处分类别": {"处分种类"}, "处分名称": {"处分种类"}, "处分时间": {"处分日期"}, "影响期": {"影响期至"},
	"处分原因": {"事由"}, "原因": {"事由"}, "决定时间": {"决定日期"}, "处理决定": {"处置"},
	"改正期限日期": {"改正期限"}, "改正结果": {"处理结果"},
	"任职时间": {"任职日期"}, "免职时间": {"免职日期"}, "选举日期": {"换届选举日期"}, "换届日期": {"换届选举日期"},
	"党内职务": {"职务"},
	"状态":   {"情形"}, "外出地点": {"地点"}, "查找情况说明": {"查找情况"}, "最后联系日期": {"最近联系日期"},
	"专职/兼职": {"专兼职"}, "教师类型": {"专兼职"}, "教师姓名": {"姓名"}, "研究方向": {"主讲方向"},
	"聘任时间": {"聘任日期"}, "解聘时间": {"解聘日期"},
	"课程": {"课程名称"}, "授课人": {"授课教师"}, "主讲教师": {"授课教师"}, "授课对象": {"培训对象"},
	"联系点": {"联系对象"}, "联系方式类型": {"联系类型"}, "走访日期": {"日期"}, "走访内容": {"联系内容"},
	// known extras: read past
	"序号": {Ignore}, "年龄": {Ignore}, "党龄": {Ignore}, "照片": {Ignore}, "是否为失联党员": {Ignore},
	"是否失联": {Ignore}, "是否失联党员": {Ignore},
})

// foldKeys writes the aliases' keys as headerKey reads headers, with
// ASCII brackets for the full-width ones the table is written with.
func foldKeys(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[field.Normalize(k)] = v
	}
	return out
}

// requiredMarks are what sheets append to a required or optional header,
// as headerKey reads them (full-width brackets folded).
var requiredMarks = func() []string {
	var out []string
	for _, m := range []string{"（必填）", "（选填）", "（必填项）", "（可选）"} {
		out = append(out, field.Normalize(m))
	}
	return out
}()

// kindAliases are aliases that mean something else for one kind.
var kindAliases = map[Kind]map[string]string{}

// headerKey is a header as aliases are looked up: blanks, line breaks and
// the marks sheets put on required columns (*姓名, 姓名(必填)) left out.
func headerKey(h string) string {
	h = strings.Join(strings.Fields(field.Normalize(h)), "")
	for {
		was := h
		h = strings.Trim(h, "*")
		for _, mark := range requiredMarks {
			h = strings.TrimSuffix(h, mark)
		}
		if h == was {
			return h
		}
	}
}

// aliasOf returns the template column a header stands for in the layout:
// the header itself (marks left out), else an alias the layout has, else
// "". ok is false when the header is unknown.
func aliasOf(l Layout, h string) (col string, ok bool) {
	key := headerKey(h)
	if c := l.Header(key); c != nil {
		return key, true
	}
	if col, found := kindAliases[l.Kind][key]; found {
		return col, true
	}
	for _, col := range commonAliases[key] {
		if col == Ignore {
			return Ignore, true
		}
		if c := l.Header(col); c != nil {
			return col, true
		}
	}
	return "", false
}
