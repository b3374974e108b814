package data

import (
	"fmt"
	"unicode/utf8"
)

// TextLimit is the most characters a text field may hold, counted as
// Unicode characters (runes), not bytes: 张 and 𠀀 each count one.
//
// Every text a sheet exports must fit an Excel cell (32,767 characters) with
// room to spare, or the export cuts it and a re-import changes the record;
// and no text should be longer than a person would sensibly type, so that
// a stray paste cannot fill the database, the forms or the ledgers.
type TextLimit int

// The limits, by kind of text.
const (
	// LimitCode is for numbers, codes and values chosen from a list:
	// 工号或学号, 介绍信编号, 联系电话, 凭证号, 性别, 党员类别….
	LimitCode TextLimit = 50
	// LimitPersonName is for a member's 姓名.
	LimitPersonName TextLimit = 50
	// LimitOrgName is for the name of an organization, a branch or a
	// 党小组, and short labels such as 预算科目 or 党内职务.
	LimitOrgName TextLimit = 100
	// LimitTitle is for one line of text: 主题, 主办单位, 对方组织, 籍贯,
	// 单位职务或院系班级, and people named in free text (主持人, 记录人,
	// 谈话人, 经办人…), which may name several or add a title.
	LimitTitle TextLimit = 200
	// LimitLongText is for paragraphs: 会议记录, 内容, 自我评价, 支部意见,
	// 先进事迹, 答复, 备注….
	LimitLongText TextLimit = 20000
)

// textLimits gives every text field of every record its limit, by table
// and column. A text field not listed gets LimitLongText; a test keeps the
// table complete.
var textLimits = map[string]map[string]TextLimit{
	"orgs":         {"name": LimitOrgName, "code": LimitCode},
	"branches":     {"name": LimitOrgName, "type": LimitCode, "secretary": LimitTitle, "note": LimitLongText},
	"party_groups": {"name": LimitOrgName, "leader": LimitTitle},
	"settings":     {"key": LimitOrgName, "value": LimitLongText},
	"members": {
		"name": LimitPersonName, "gender": LimitCode, "ethnicity": LimitCode, "id_number": LimitCode,
		"native_place": LimitTitle, "education": LimitCode, "person_type": LimitCode, "staff_no": LimitCode,
		"position": LimitTitle, "category": LimitCode, "status": LimitCode, "party_post": LimitOrgName,
		"phone": LimitCode, "floating_to": LimitTitle, "dues_exempt_by": LimitTitle, "note": LimitLongText,
		"degree": LimitCode, "school": LimitTitle, "household_place": LimitTitle, "residence": LimitTitle,
		"archive_unit": LimitTitle, "work_unit": LimitTitle, "lost_circumstance": LimitTitle,
	},
	"trainings": {
		"form": LimitCode, "topic": LimitTitle, "location": LimitTitle, "organizer": LimitTitle, "note": LimitLongText,
	},
	"training_plans": {
		"course": LimitTitle, "target_group": LimitTitle, "organizer": LimitTitle, "note": LimitLongText,
	},
	"meetings": {
		"kind": LimitCode, "topic": LimitTitle, "location": LimitTitle, "host": LimitTitle, "recorder": LimitTitle,
		"minutes": LimitLongText,
	},
	"meeting_attendance": {"status": LimitCode, "reason": LimitTitle},
	"training_attendees": {"certificate": LimitCode},
	"appraisals": {
		"self_assessment": LimitLongText, "grade": LimitCode, "branch_opinion": LimitLongText,
		"follow_up": LimitLongText, "superior_opinion": LimitLongText,
	},
	"agreements":        {"note": LimitLongText},
	"agreement_targets": {"content": LimitLongText, "completion": LimitCode},
	"honors":            {"title": LimitTitle, "deed": LimitLongText},
	"dues":              {"month": LimitCode, "rate": LimitCode, "note": LimitLongText},
	"funds": {
		"budget_line": LimitOrgName, "direction": LimitCode, "voucher": LimitCode, "purpose": LimitLongText,
	},
	"transfers": {
		"direction": LimitCode, "other_org": LimitTitle, "letter_no": LimitCode, "dues_paid_until": LimitCode, "note": LimitLongText,
	},
	"talks":        {"talker": LimitTitle, "content": LimitLongText},
	"care_records": {"kind": LimitCode, "content": LimitLongText, "handler": LimitTitle},
	"liaisons":     {"kind": LimitCode, "contact": LimitTitle, "note": LimitLongText},
	"liaison_logs": {"content": LimitLongText},
	"supervisions": {"kind": LimitCode, "content": LimitLongText, "result": LimitLongText},
	"feedback": {
		"channel": LimitCode, "submitter": LimitTitle, "content": LimitLongText, "handler": LimitTitle,
		"reply": LimitLongText, "status": LimitCode,
	},
	"school_teachers":    {"name": LimitPersonName, "kind": LimitCode, "unit": LimitTitle, "subjects": LimitTitle},
	"school_courses":     {"title": LimitTitle, "audience": LimitTitle, "note": LimitLongText},
	"practice_posts":     {"kind": LimitCode, "name": LimitTitle, "duties": LimitLongText},
	"pledges":            {"content": LimitLongText, "review": LimitCode, "reviewer": LimitTitle},
	"volunteer_services": {"activity": LimitTitle, "organizer": LimitTitle},
	"publicity":          {"channel": LimitCode, "title": LimitTitle, "link": LimitTitle, "note": LimitLongText},
	"rewards":            {"title": LimitTitle, "level": LimitCode, "issuer": LimitTitle},
	"disciplines":        {"kind": LimitCode, "decided_by": LimitTitle, "reason": LimitLongText},
	"corrections":        {"reason": LimitLongText, "outcome": LimitCode},
	"dispositions":       {"kind": LimitCode, "decided_by": LimitTitle, "reason": LimitLongText},
	"post_terms":         {"organ": LimitCode, "post": LimitOrgName},
	"episodes": {
		"kind": LimitCode, "place": LimitTitle, "circumstances": LimitTitle, "searches": LimitLongText,
		"note": LimitLongText,
	},
	"applicants": {
		"name": LimitPersonName, "gender": LimitCode, "ethnicity": LimitCode, "id_number": LimitCode,
		"native_place": LimitTitle, "education": LimitCode, "person_type": LimitCode, "staff_no": LimitCode,
		"position": LimitTitle, "phone": LimitCode, "note": LimitLongText,
	},
	"dev_steps": {
		"step": LimitCode, "people": LimitTitle, "outcome": LimitCode, "number": LimitCode,
		"content": LimitLongText, "note": LimitLongText,
	},
	"dev_rule_versions": {"version_name": LimitCode, "title": LimitTitle, "body": LimitLongText, "note": LimitLongText},
	// sha256 is the hexadecimal SHA-256 of the content: 64 characters.
	"attachments": {"owner_table": LimitCode, "name": LimitTitle, "mime": LimitOrgName, "sha256": 64},
}

// MaxChars is the most characters the text column col of table may hold.
func MaxChars(table, col string) TextLimit {
	if l, ok := textLimits[table][col]; ok {
		return l
	}
	return LimitLongText
}

// checkLengths fails every text field of r longer than its limit, unless
// the field has a problem already.
func checkLengths(r Record, c *checker) {
	for _, f := range r.Fields() {
		p, ok := f.Ptr.(*string)
		if !ok || c.failed(f.Col) {
			continue
		}
		limit := MaxChars(r.Table(), f.Col)
		if n := utf8.RuneCountInString(*p); n > int(limit) {
			c.fail(f.Col, fmt.Sprintf("不能超过%d个字（现为%d个字）", limit, n))
		}
	}
}
