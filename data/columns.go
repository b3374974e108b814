package data

// Column names a table's column in a condition or an order (Where,
// Between, OrderBy…). Callers use the constants below, never free text;
// the query builder also checks each name against the table's columns.
type Column string

// Desc orders by c descending.
func Desc(c Column) Column { return "-" + c }

// The columns that conditions and orders name.
const (
	ColID          Column = "id"
	ColOrgID       Column = "org_id"
	ColName        Column = "name"
	ColKey         Column = "key"
	ColNote        Column = "note"
	ColStatus      Column = "status"
	ColDate        Column = "date"
	ColYear        Column = "year"
	ColMonth       Column = "month"
	ColForm        Column = "form"
	ColKind        Column = "kind"
	ColTopic       Column = "topic"
	ColSeq         Column = "seq"
	ColDirection   Column = "direction"
	ColIssuedDate  Column = "issued_date"
	ColLetterNo    Column = "letter_no"
	ColIDNumber    Column = "id_number"
	ColBranchID    Column = "branch_id"
	ColMemberID    Column = "member_id"
	ColMeetingID   Column = "meeting_id"
	ColTrainingID  Column = "training_id"
	ColAgreementID Column = "agreement_id"
	ColOwnerID     Column = "owner_id"
	ColOwnerTable  Column = "owner_table"
	ColSince       Column = "since"
	ColTitle       Column = "title"
	ColCourse      Column = "course"
	ColLiaisonID   Column = "liaison_id"
	ColApplicantID Column = "applicant_id"
	ColStep        Column = "step"
)

// Desc orders by the column from the largest value down.
func (c Column) Desc() Column { return "-" + c }
