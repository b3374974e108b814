package documents

import (
	"fmt"
	"math"
	"strconv"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() { builders[Training] = builder{title: "学习培训台账", build: buildTraining} }

// trainHoursText prints hours without trailing zeros: 2, 2.5, 1.25.
func trainHoursText(h float64) string {
	return strconv.FormatFloat(math.Round(h*100)/100, 'f', -1, 64)
}

// The subtitles of the ledger's two parts, under the document's title.
const (
	trainActivitiesSub = "（一）学习培训活动登记"
	trainHoursSub      = "（二）党员学时登记"
)

// trainSigned is the line a ledger's part closes with.
func (r *request) trainSigned() layout.Block {
	return &layout.Fields{Items: []layout.Field{{Label: "填表人"}, {Label: "审核人"}, {Label: "填报日期", Value: prose(r.now)}}}
}

// buildTraining makes the 学习培训台账 in two parts, each numbered by
// itself: the 学习培训活动登记, one row per activity of the year, and the
// 党员学时登记, one row per member with the hours counted against the
// hours required (rules.Figures.TrainingHours).
func buildTraining(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	byBranch, members := r.trainMembers(fig)
	acts, err := r.trainActivities(fig)
	if err != nil {
		return err
	}
	if members == 0 && len(acts) == 0 {
		r.nothing(fmt.Sprintf("%d年度没有在册党员，无学习培训记录。", r.year))
		return nil
	}
	total := len(acts) + members
	if err := r.trainActivityPart(acts, total); err != nil {
		return err
	}
	if err := r.trainHoursPart(byBranch, members, fig.Settings(), len(acts), total); err != nil {
		return err
	}
	r.progress(total, total)
	return nil
}

// trainMembers returns the calculator's members of the year (on the rolls,
// 正常) in the covered branches, each branch's in 姓氏笔画 order, and how
// many there are.
func (r *request) trainMembers(fig *rules.Figures) (map[string][]rules.MemberHours, int) {
	out := map[string][]rules.MemberHours{}
	total := 0
	for _, h := range fig.TrainingHours() {
		if r.inBranch(data.Ref(h.Member.BranchID)) {
			out[h.Member.BranchID] = append(out[h.Member.BranchID], h)
			total++
		}
	}
	for _, hs := range out {
		sortStroke(hs, func(h rules.MemberHours) string { return h.Member.Name })
	}
	return out, total
}

// trainBasis says which forms count towards the hours, as the settings
// say.
func trainBasis(set rules.Settings) string {
	if set.SelfStudyCounts {
		return "各类学习培训（含" + string(vocab.FormSelfStudy) + "）"
	}
	return "除" + string(vocab.FormSelfStudy) + "外的各类学习培训"
}
