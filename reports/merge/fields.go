package merge

import (
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/reports/layout"
)

// Kind names what a merge makes one document for.
type Kind string

// The kinds of records a template is filled from.
const (
	Members    Kind = "members"   // one document per member on the rolls
	Appraisals Kind = "appraisal" // one per 民主评议 record of the year
	Agreements Kind = "agreement" // one per 目标管理责任书 of the year
	Transfers  Kind = "transfers" // one per 转出 介绍信 issued in the year
)

// Kinds lists the kinds, in the order the command line and 报表 show them.
var Kinds = []Kind{Members, Appraisals, Agreements, Transfers}

// kindTitles are the kinds' Chinese names.
var kindTitles = map[Kind]string{
	Members:    "党员(每名党员一份)",
	Appraisals: "民主评议(每条评议记录一份)",
	Agreements: "目标管理责任书(每份责任书一份)",
	Transfers:  "组织关系介绍信(每封转出介绍信一份)",
}

// Title is a kind's Chinese name, as 报表 and the usage show it.
func Title(k Kind) string { return kindTitles[k] }

// ParseKind reads a kind's name (members, appraisal, agreement, transfers).
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
	return "", fmt.Errorf("未知的套打种类“%s”,应为: %s", s, strings.Join(names, " | "))
}

// Field is a placeholder a template may hold, written {{Name}} in it.
type Field struct {
	Name        string // as the unit writes it: 姓名, 所在支部, 入党日期
	Description string // one line, Chinese
	// Kinds are the kinds that fill it; every kind when empty (the
	// member's own fields).
	Kinds []Kind
	// List marks a field with one value per item (an agreement's
	// targets): the paragraph holding it, or the table row when such
	// fields fill two or more of its cells, is repeated once per item.
	List bool
}

// For reports whether kind k fills the field.
func (f Field) For(k Kind) bool {
	if len(f.Kinds) == 0 {
		return true
	}
	for _, x := range f.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Placeholder names, used where the records are read.
const (
	fName        = "姓名"
	fGender      = "性别"
	fEthnicity   = "民族"
	fBirth       = "出生日期"
	fBirthMonth  = "出生年月"
	fNative      = "籍贯"
	fEducation   = "学历"
	fIDNumber    = "公民身份号码"
	fPersonType  = "人员类别"
	fStaffNo     = "工号或学号"
	fPosition    = "单位职务或院系班级"
	fBranch      = "所在支部"
	fGroup       = "党小组"
	fJoined      = "入党日期"
	fConfirmed   = "转正日期"
	fCategory    = "党员类别"
	fPost        = "党内职务"
	fPhone       = "联系电话"
	fPartyAge    = "党龄"
	fOrg         = "组织名称"
	fPrinted     = "打印日期"
	fYear        = "年度"
	fApprYear    = "评议年度"
	fGrade       = "评议等次"
	fSelf        = "个人自我评价"
	fOpinion     = "支部意见"
	fFollowUp    = "教育处置情况"
	fVotesExc    = "优秀票数"
	fVotesPass   = "合格票数"
	fVotesBasic  = "基本合格票数"
	fVotesFail   = "不合格票数"
	fSuperior    = "上级党组织意见"
	fSigned      = "签订日期"
	fAssessed    = "考核日期"
	fScore       = "得分"
	fTargetNo    = "目标序号"
	fTarget      = "目标"
	fCompletion  = "完成情况"
	fLetterNo    = "介绍信编号"
	fOtherOrg    = "对方组织"
	fIssued      = "开具日期"
	fValidity    = "有效期"
	fDuesPaidTil = "党费交至"
)

var (
	onlyAppraisal = []Kind{Appraisals}
	onlyAgreement = []Kind{Agreements}
	onlyTransfer  = []Kind{Transfers}
)

// fields are every placeholder, the member's first.
var fields = []Field{
	{Name: fName, Description: "党员姓名"},
	{Name: fGender, Description: "性别"},
	{Name: fEthnicity, Description: "民族"},
	{Name: fBirth, Description: "出生日期,如1990年5月1日"},
	{Name: fBirthMonth, Description: "出生年月,如1990年5月"},
	{Name: fNative, Description: "籍贯"},
	{Name: fEducation, Description: "学历"},
	{Name: fIDNumber, Description: "公民身份号码"},
	{Name: fPersonType, Description: "人员类别(在职教职工、学生等)"},
	{Name: fStaffNo, Description: "工号或学号"},
	{Name: fPosition, Description: "单位职务或院系班级"},
	{Name: fBranch, Description: "所在党支部名称"},
	{Name: fGroup, Description: "所在党小组名称(未分小组时为空)"},
	{Name: fJoined, Description: "入党日期"},
	{Name: fConfirmed, Description: "转正日期(预备党员为空)"},
	{Name: fCategory, Description: "党员类别(正式党员或预备党员;评议表按评议年度年底,责任书按签订之日)"},
	{Name: fPost, Description: "党内职务"},
	{Name: fPhone, Description: "联系电话"},
	{Name: fPartyAge, Description: "党龄,整年数,自转正之日起算(预备党员为空)"},
	{Name: fOrg, Description: "党组织名称"},
	{Name: fPrinted, Description: "生成文档的日期"},
	{Name: fYear, Description: "所选年度,如2026"},
	{Name: fApprYear, Description: "评议年度,如2026", Kinds: onlyAppraisal},
	{Name: fGrade, Description: "评议等次(预备党员写明不评定等次)", Kinds: onlyAppraisal},
	{Name: fSelf, Description: "个人自我评价", Kinds: onlyAppraisal},
	{Name: fOpinion, Description: "党支部意见", Kinds: onlyAppraisal},
	{Name: fFollowUp, Description: "对不合格党员的教育处置情况", Kinds: onlyAppraisal},
	{Name: fVotesExc, Description: "民主测评“优秀”票数", Kinds: onlyAppraisal},
	{Name: fVotesPass, Description: "民主测评“合格”票数", Kinds: onlyAppraisal},
	{Name: fVotesBasic, Description: "民主测评“基本合格”票数", Kinds: onlyAppraisal},
	{Name: fVotesFail, Description: "民主测评“不合格”票数", Kinds: onlyAppraisal},
	{Name: fSuperior, Description: "上级党组织意见", Kinds: onlyAppraisal},
	{Name: fSigned, Description: "责任书签订日期", Kinds: onlyAgreement},
	{Name: fAssessed, Description: "年终考核(评定)日期", Kinds: onlyAgreement},
	{Name: fScore, Description: "考核得分(未考核时为空)", Kinds: onlyAgreement},
	{Name: fTargetNo, Description: "目标的序号1、2、3……(与目标同段或同行重复)", Kinds: onlyAgreement, List: true},
	{Name: fTarget, Description: "一项目标:所在段落(或表格行)按目标逐项重复,保留原格式和编号", Kinds: onlyAgreement, List: true},
	{Name: fCompletion, Description: "该项目标的完成情况(与目标同段或同行重复)", Kinds: onlyAgreement, List: true},
	{Name: fLetterNo, Description: "介绍信编号", Kinds: onlyTransfer},
	{Name: fOtherOrg, Description: "对方党组织(转往的单位)", Kinds: onlyTransfer},
	{Name: fIssued, Description: "介绍信开具日期", Kinds: onlyTransfer},
	{Name: fValidity, Description: "介绍信有效期,如30天", Kinds: onlyTransfer},
	{Name: fDuesPaidTil, Description: "党费交至的月份,如2026年4月", Kinds: onlyTransfer},
}

// Fields lists every placeholder with a one-line description: the
// member's fields, which every kind fills, then each kind's own.
func Fields() []Field { return append([]Field(nil), fields...) }

// FieldsFor lists the placeholders kind k fills.
func FieldsFor(k Kind) []Field {
	var out []Field
	for _, f := range fields {
		if f.For(k) {
			out = append(out, f)
		}
	}
	return out
}

// isListField reports whether a placeholder has one value per item.
func isListField(name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return f.List
		}
	}
	return false
}

// ProseDate is the date form of the filled documents, 2026年3月5日 (the
// one prose date form of every printed document, layout.ProseDate); ""
// when the date is not given.
func ProseDate(d data.Date) string { return layout.ProseDate(d.Time) }

// proseMonth is a month as 1990年5月, or "".
func proseMonth(d data.Date) string { return layout.ProseMonth(d.Time) }
