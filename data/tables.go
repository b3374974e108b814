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
}
