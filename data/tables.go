package data

// Tables gives the typed API of every record. A Store's tables write each
// call in its own transaction; a Tx's tables write inside that transaction.
type Tables struct {
	Orgs              Table[Org, *Org]
	Branches          Table[Branch, *Branch]
	Groups            Table[PartyGroup, *PartyGroup]
	Settings          Table[Setting, *Setting]
	Members           Table[Member, *Member]
	Trainings         Table[Training, *Training]
	TrainingAttendees Table[TrainingAttendee, *TrainingAttendee]
	TrainingPlans     Table[TrainingPlan, *TrainingPlan]
	Meetings          Table[Meeting, *Meeting]
	MeetingAttendance Table[MeetingAttendance, *MeetingAttendance]
	Appraisals        Table[Appraisal, *Appraisal]
	Agreements        Table[Agreement, *Agreement]
	AgreementTargets  Table[AgreementTarget, *AgreementTarget]
	Honors            Table[Honor, *Honor]
	Dues              Table[Dues, *Dues]
	Funds             Table[Fund, *Fund]
	Transfers         Table[Transfer, *Transfer]
	Talks             Table[Talk, *Talk]
	CareRecords       Table[CareRecord, *CareRecord]
	Liaisons          Table[Liaison, *Liaison]
	LiaisonLogs       Table[LiaisonLog, *LiaisonLog]
	Supervisions      Table[Supervision, *Supervision]
	Feedback          Table[Feedback, *Feedback]
	Attachments       Table[Attachment, *Attachment]

	PracticePosts     Table[PracticePost, *PracticePost]
	Pledges           Table[Pledge, *Pledge]
	VolunteerServices Table[VolunteerService, *VolunteerService]
	Publicity         Table[Publicity, *Publicity]
	Rewards           Table[Reward, *Reward]
	Disciplines       Table[Discipline, *Discipline]
	Corrections       Table[Correction, *Correction]
	Dispositions      Table[Disposition, *Disposition]
	PostTerms         Table[PostTerm, *PostTerm]
	Episodes          Table[Episode, *Episode]
	SchoolTeachers    Table[SchoolTeacher, *SchoolTeacher]
	SchoolCourses     Table[SchoolCourse, *SchoolCourse]

	Applicants      Table[Applicant, *Applicant]
	DevSteps        Table[DevStep, *DevStep]
	DevRuleVersions Table[DevRuleVersion, *DevRuleVersion]
}

func newTables(x executor) Tables {
	return Tables{
		Orgs:              newTable[Org](x),
		Branches:          newTable[Branch](x),
		Groups:            newTable[PartyGroup](x),
		Settings:          newTable[Setting](x),
		Members:           newTable[Member](x),
		Trainings:         newTable[Training](x),
		TrainingAttendees: newTable[TrainingAttendee](x),
		TrainingPlans:     newTable[TrainingPlan](x),
		Meetings:          newTable[Meeting](x),
		MeetingAttendance: newTable[MeetingAttendance](x),
		Appraisals:        newTable[Appraisal](x),
		Agreements:        newTable[Agreement](x),
		AgreementTargets:  newTable[AgreementTarget](x),
		Honors:            newTable[Honor](x),
		Dues:              newTable[Dues](x),
		Funds:             newTable[Fund](x),
		Transfers:         newTable[Transfer](x),
		Talks:             newTable[Talk](x),
		CareRecords:       newTable[CareRecord](x),
		Liaisons:          newTable[Liaison](x),
		LiaisonLogs:       newTable[LiaisonLog](x),
		Supervisions:      newTable[Supervision](x),
		Feedback:          newTable[Feedback](x),
		Attachments:       newTable[Attachment](x),

		PracticePosts:     newTable[PracticePost](x),
		Pledges:           newTable[Pledge](x),
		VolunteerServices: newTable[VolunteerService](x),
		Publicity:         newTable[Publicity](x),
		Rewards:           newTable[Reward](x),
		Disciplines:       newTable[Discipline](x),
		Corrections:       newTable[Correction](x),
		Dispositions:      newTable[Disposition](x),
		PostTerms:         newTable[PostTerm](x),
		Episodes:          newTable[Episode](x),
		SchoolTeachers:    newTable[SchoolTeacher](x),
		SchoolCourses:     newTable[SchoolCourse](x),

		Applicants:      newTable[Applicant](x),
		DevSteps:        newTable[DevStep](x),
		DevRuleVersions: newTable[DevRuleVersion](x),
	}
}

// refTables maps a reference column to the table it points into, so a
// dangling reference is reported in Chinese before SQLite refuses it.
var refTables = map[string]string{
	"branch_id":    "branches",
	"group_id":     "party_groups",
	"member_id":    "members",
	"speaker_id":   "members",
	"host_id":      "members",
	"training_id":  "trainings",
	"meeting_id":   "meetings",
	"agreement_id": "agreements",
	"liaison_id":   "liaisons",
	"plan_id":      "training_plans",
	"teacher_id":   "school_teachers",
	"course_id":    "school_courses",
	"applicant_id": "applicants",
	"person_id":    "members",
	"person2_id":   "members",
	"sha256":       "blobs",
}

// recordTypes makes an empty record of each table, for code that works on
// rows by table name (restoring, the recycle bin, refusals).
var recordTypes = map[string]func() Record{
	"orgs": func() Record { return &Org{} }, "branches": func() Record { return &Branch{} },
	"party_groups": func() Record { return &PartyGroup{} }, "settings": func() Record { return &Setting{} },
	"members": func() Record { return &Member{} }, "trainings": func() Record { return &Training{} },
	"training_attendees": func() Record { return &TrainingAttendee{} },
	"training_plans":     func() Record { return &TrainingPlan{} }, "meetings": func() Record { return &Meeting{} },
	"meeting_attendance": func() Record { return &MeetingAttendance{} },
	"appraisals":         func() Record { return &Appraisal{} }, "agreements": func() Record { return &Agreement{} },
	"agreement_targets": func() Record { return &AgreementTarget{} }, "honors": func() Record { return &Honor{} },
	"dues": func() Record { return &Dues{} }, "funds": func() Record { return &Fund{} },
	"transfers": func() Record { return &Transfer{} }, "talks": func() Record { return &Talk{} },
	"care_records": func() Record { return &CareRecord{} }, "liaisons": func() Record { return &Liaison{} },
	"liaison_logs": func() Record { return &LiaisonLog{} }, "supervisions": func() Record { return &Supervision{} },
	"feedback": func() Record { return &Feedback{} }, "attachments": func() Record { return &Attachment{} },

	"practice_posts": func() Record { return &PracticePost{} }, "pledges": func() Record { return &Pledge{} },
	"volunteer_services": func() Record { return &VolunteerService{} },
	"publicity":          func() Record { return &Publicity{} }, "rewards": func() Record { return &Reward{} },
	"disciplines": func() Record { return &Discipline{} }, "corrections": func() Record { return &Correction{} },
	"dispositions": func() Record { return &Disposition{} }, "post_terms": func() Record { return &PostTerm{} },
	"episodes": func() Record { return &Episode{} }, "school_teachers": func() Record { return &SchoolTeacher{} },
	"school_courses": func() Record { return &SchoolCourse{} },

	"applicants": func() Record { return &Applicant{} }, "dev_steps": func() Record { return &DevStep{} },
	"dev_rule_versions": func() Record { return &DevRuleVersion{} },
}

// recordTables are the tables of recordTypes in a fixed order.
var recordTables = []string{"orgs", "branches", "party_groups", "settings", "members", "trainings",
	"training_attendees", "training_plans", "meetings", "meeting_attendance", "appraisals", "agreements",
	"agreement_targets", "honors", "dues", "funds", "transfers", "talks", "care_records", "liaisons",
	"liaison_logs", "supervisions", "feedback", "school_teachers", "school_courses", "practice_posts",
	"pledges", "volunteer_services", "publicity", "rewards", "disciplines", "corrections", "dispositions",
	"post_terms", "episodes", "dev_rule_versions", "applicants", "dev_steps", "attachments"}

// referrers maps a table to the (table, column) pairs that refer to it.
var referrers = func() map[string][][2]string {
	out := map[string][][2]string{}
	for _, table := range recordTables {
		r := recordTypes[table]()
		for _, f := range r.Fields() {
			if target, ok := refTables[f.Col]; ok {
				out[target] = append(out[target], [2]string{r.Table(), f.Col})
			}
		}
	}
	return out
}()

// tableLabels names the tables in messages.
var tableLabels = map[string]string{
	"members": "党员", "party_groups": "党小组", "trainings": "学习培训", "training_attendees": "培训参加人员",
	"meetings": "组织生活", "meeting_attendance": "出席记录", "appraisals": "民主评议登记", "agreements": "目标管理责任书",
	"agreement_targets": "责任书目标", "honors": "先进典型", "dues": "党费", "transfers": "组织关系转接",
	"talks": "谈心谈话", "care_records": "关心关爱", "liaisons": "联系群众", "liaison_logs": "联系记录",
	"supervisions": "干部监督", "attachments": "附件",
	"practice_posts": "党员先锋岗和责任区", "pledges": "承诺践诺", "volunteer_services": "志愿服务",
	"publicity": "宣传", "rewards": "表彰奖励", "disciplines": "党纪处分", "corrections": "限期改正",
	"dispositions": "党籍处置", "post_terms": "党内职务", "episodes": "党员状态", "school_teachers": "党校教师",
	"school_courses": "党校课程",
	"applicants":     "发展党员", "dev_steps": "发展步骤", "dev_rule_versions": "发展党员规则版本",
}
