package demo

import (
	"math/rand/v2"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The details the printed documents show besides the records' substance:
// 地点 of sessions and meetings, the reasons of 请假 and 缺席, and the
// 民主测评 votes. They are drawn from their own random stream (gen.x), so
// that everything else a seed gives stays as it was before they existed.

// staffRooms are where a 教工 or 离退休 branch meets, by branch.
var staffRooms = []string{
	"学院会议室(行政楼305)", "党员活动室(行政楼201)", "教工之家(实验楼102)", "第二会议室(实验楼410)",
	"学院小会议室(行政楼308)", "系会议室(科研楼512)",
}

// studentRooms are where a students' branch meets, by branch.
var studentRooms = []string{
	"学生党员活动室(学生公寓3号楼101)", "研讨室(图书馆四楼406)", "学院会议室(行政楼305)",
	"团学活动室(学生活动中心202)", "教室(第一教学楼A205)",
}

// The organization's places for its larger sessions.
const (
	hallPlace   = "学院报告厅(行政楼一楼)"
	onlinePlace = "线上(中国教育干部网络学院)"
)

// excuseReasons are the reasons of a 请假; absenceReasons those sometimes
// given for a 缺席.
var (
	excuseReasons  = []string{"出差", "病假", "上课", "事假", "外出参加学术会议", "监考", "产假"}
	studentExcuses = []string{"上课", "病假", "实习", "事假", "外出参加竞赛"}
	absenceReasons = []string{"未请假", "联系不上", "临时有事未到"}
)

// newExtras is the random stream of the details, from the seed.
func newExtras(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x5bd1e995, seed+0x27d4eb2f))
}

// room is where the branch meets.
func (b *branch) room() string {
	if b.kind == vocab.BranchStudent {
		return studentRooms[b.index%len(studentRooms)]
	}
	return staffRooms[b.index%len(staffRooms)]
}

// trainingPlace is the 地点 of a session: the branch's room for its own
// sessions, the hall for the organization's, online for 网络培训, none for
// 个人自学.
func trainingPlace(s *session, b *branch) string {
	switch vocab.TrainingForm(s.rec.Form) {
	case vocab.FormSelfStudy:
		return ""
	case vocab.FormOnline:
		return onlinePlace
	case vocab.FormCourse, vocab.FormReport:
		return hallPlace
	}
	if b != nil {
		return b.room()
	}
	return hallPlace
}

// reason is why a member was 请假 or 缺席 (none for 出席, and not always
// one for 缺席).
func (g *gen) reason(p *person, status vocab.Attendance) string {
	switch status {
	case vocab.Excused:
		if p.branch != nil && p.branch.kind == vocab.BranchStudent {
			return studentExcuses[g.x.IntN(len(studentExcuses))]
		}
		return excuseReasons[g.x.IntN(len(excuseReasons))]
	case vocab.Absent:
		if g.x.IntN(3) == 0 {
			return absenceReasons[g.x.IntN(len(absenceReasons))]
		}
	}
	return ""
}

// votes fills the 民主测评 of a graded member: voters of the branch vote,
// the counts leaning to the grade given, and add up to voters or fewer
// (a few absent). voters is never more than the branch's members.
func (g *gen) votes(a *data.Appraisal, grade vocab.Grade, voters int) {
	n := max(voters-g.x.IntN(3), min(voters, 1))
	share := func(lo, hi int) int { return (n*(lo+g.x.IntN(hi-lo+1)) + 50) / 100 }
	switch grade {
	case vocab.GradeExcellent:
		a.VotesExcellent = share(60, 90)
		a.VotesQualified = n - a.VotesExcellent
	case vocab.GradeBasic:
		a.VotesQualified = share(30, 50)
		a.VotesFail = share(0, 10)
		a.VotesBasic = n - a.VotesQualified - a.VotesFail
	case vocab.GradeFail:
		a.VotesQualified = share(5, 20)
		a.VotesBasic = share(20, 30)
		a.VotesFail = n - a.VotesQualified - a.VotesBasic
	default:
		a.VotesExcellent = share(5, 25)
		a.VotesBasic = share(0, 5)
		a.VotesQualified = n - a.VotesExcellent - a.VotesBasic
	}
}

// superiorOpinion is the organization's opinion on a graded member's
// appraisal.
func superiorOpinion(grade vocab.Grade) string {
	if grade == vocab.GradeFail {
		return "同意支部评定意见。请支部按规定做好教育帮助和组织处置工作。"
	}
	return "同意支部评定意见。"
}

// branchHeads counts the members recorded in each branch (by index), as
// the store counts them when it checks an appraisal's votes.
func (g *gen) branchHeads() []int {
	out := make([]int, len(g.branches))
	for _, p := range g.people {
		if p.branch != nil {
			out[p.branch.index]++
		}
	}
	return out
}
