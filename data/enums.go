package data

import "dangjian/data/vocab"

// The allowed values of the enumerated fields as text, in the order the
// templates' drop-downs and the forms offer them; the values themselves
// are data/vocab's.
var (
	Genders          = vocab.Texts(vocab.Genders)
	BranchTypes      = vocab.Texts(vocab.BranchTypes)
	PersonTypes      = vocab.Texts(vocab.PersonTypes)
	Categories       = vocab.Texts(vocab.Categories)
	MemberStatuses   = vocab.Texts(vocab.Statuses)
	Educations       = vocab.Texts(vocab.Educations)
	TrainingForms    = vocab.Texts(vocab.TrainingForms)
	MeetingKinds     = vocab.Texts(vocab.MeetingKinds)
	Attendances      = vocab.Texts(vocab.Attendances)
	Grades           = vocab.Texts(vocab.Grades)
	Completions      = vocab.Texts(vocab.Completions)
	Directions       = vocab.Texts(vocab.Directions)
	CareKinds        = vocab.Texts(vocab.CareKinds)
	LiaisonKinds     = vocab.Texts(vocab.LiaisonKinds)
	SupervisionKinds = vocab.Texts(vocab.SupervisionKinds)
	FeedbackChannels = vocab.Texts(vocab.FeedbackChannels)
	FeedbackStatuses = vocab.Texts(vocab.FeedbackStatuses)
	FundDirections   = vocab.Texts(vocab.FundDirections)

	PracticeKinds      = vocab.Texts(vocab.PracticeKinds)
	PledgeReviews      = vocab.Texts(vocab.PledgeReviews)
	PublicityChannels  = vocab.Texts(vocab.PublicityChannels)
	RewardLevels       = vocab.Texts(vocab.RewardLevels)
	DisciplineKinds    = vocab.Texts(vocab.DisciplineKinds)
	CorrectionOutcomes = vocab.Texts(vocab.CorrectionOutcomes)
	DispositionKinds   = vocab.Texts(vocab.DispositionKinds)
	PostOrgans         = vocab.Texts(vocab.PostOrgans)
	Posts              = vocab.Texts(vocab.Posts)
	EpisodeKinds       = vocab.Texts(vocab.EpisodeKinds)
	LostCircumstances  = vocab.Texts(vocab.LostCircumstances)
	TeacherKinds       = vocab.Texts(vocab.TeacherKinds)
	Degrees            = vocab.Texts(vocab.Degrees)
)

// CategoryAliases maps the short forms accepted on input to 党员类别 values.
var CategoryAliases = func() map[string]string {
	out := make(map[string]string, len(vocab.CategoryAliases))
	for k, v := range vocab.CategoryAliases {
		out[k] = string(v)
	}
	return out
}()

// ActiveStatuses are the 党籍状态 values of members still on the rolls;
// 公民身份号码 is unique among them.
var ActiveStatuses = vocab.Texts(vocab.ActiveStatuses)
