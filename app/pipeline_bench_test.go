package app

import (
	"fmt"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// BenchmarkPipelineRows makes the board's rows and counts of 1,500 people
// in 100 branches, each with a dozen steps: what a board's load does after
// its read.
func BenchmarkPipelineRows(b *testing.B) {
	var branches []data.BranchRef
	for i := range 100 {
		id := fmt.Sprintf("b%03d", i)
		r := data.BranchRef{Label: "第" + id + "党支部"}
		r.ID, r.Name = id, r.Label
		branches = append(branches, r)
	}
	kinds := []vocab.DevStep{vocab.StepApply, vocab.StepTalk, vocab.StepActivist, vocab.StepContacts,
		vocab.StepReport, vocab.StepReport, vocab.StepReview, vocab.StepCandidate, vocab.StepIntroducers,
		vocab.StepTraining, vocab.StepAdmitVote, vocab.StepApproval}
	people := make([]data.DevRecord, 1500)
	for i := range people {
		a := data.Applicant{BranchID: data.Ref(branches[i%100].ID), Name: fmt.Sprintf("张%d", i), StaffNo: fmt.Sprintf("S%05d", i)}
		a.ID = fmt.Sprintf("a%05d", i)
		var steps []data.DevStep
		day := data.NewDate(2022, 1, 1)
		for k := range kinds[:1+i%len(kinds)] {
			steps = append(steps, data.DevStep{Step: string(kinds[k]), Date: day, Outcome: map[bool]string{true: string(vocab.OutcomePassed)}[kinds[k].Outcomes() != nil]})
			day = data.DateOf(day.AddDate(0, 2, 0))
		}
		people[i] = data.DevRecord{Applicant: a, Steps: steps, Person: a.RuleApplicant(steps)}
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for range b.N {
		rows := pipelineRows(people, branches, rules.Rules2014(), now)
		countPipeline(rows, branches)
	}
}
