package demo

import (
	"context"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// TestPipelineAtEveryStage: demos of every size have people at every
// stage of 发展党员, about one not yet a member per nine members; every
// member the pipeline admitted has the 入党日期 of the 支部大会's vote, the
// category of their stage and, once confirmed, the 转正 date the rules give;
// every vote has its quorum and every applicant was 18 on the application.
func TestPipelineAtEveryStage(t *testing.T) {
	ctx := context.Background()
	for _, size := range []int{23, 300, 1500} {
		if size > 300 && testing.Short() {
			continue
		}
		s, sum := generate(t, Options{Members: size, Seed: int64(size)})
		pipe, err := s.Pipeline(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(pipe) != sum.Applicants || sum.DevSteps == 0 {
			t.Fatalf("%d members: %d applicants read, %d written, %d steps", size, len(pipe), sum.Applicants, sum.DevSteps)
		}
		members, err := s.Members.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]data.Member{}
		probation := 0
		for _, m := range members {
			byID[m.ID] = m
			if m.Category == string(vocab.CategoryProbation) && m.Status == string(vocab.StatusNormal) {
				probation++
			}
		}
		stages := map[vocab.Stage]int{}
		linkedProbation, notMembers, extended := 0, 0, 0
		for _, a := range pipe {
			stage := rules.StageOf(a.Steps)
			stages[stage]++
			if _, ok := rules.Last(a.Steps, vocab.StepConfirmApproval, vocab.OutcomeExtended); ok && stage == vocab.StageFull {
				extended++
			}
			if a.MemberID == "" {
				notMembers++
				if stage == vocab.StageProbation || stage == vocab.StageFull {
					t.Errorf("%d members: %s is a %s without a member record", size, a.Name, stage)
				}
			} else {
				m, ok := byID[a.MemberID]
				switch {
				case !ok:
					t.Errorf("%d members: %s linked to no member", size, a.Name)
				case m.JoinedDate.Time != rules.Admitted(a.Steps):
					t.Errorf("%d members: %s joined %s, the 支部大会 voted %s", size, a.Name, m.JoinedDate,
						rules.Admitted(a.Steps).Format(time.DateOnly))
				case stage == vocab.StageProbation && m.Category != string(vocab.CategoryProbation),
					stage == vocab.StageFull && m.Category != string(vocab.CategoryFull):
					t.Errorf("%d members: %s is a %s, the member a %s", size, a.Name, stage, m.Category)
				case stage == vocab.StageFull && m.ConfirmedAt.Time != rules.ConfirmedOn(a.Steps, rules.Rules2014()):
					t.Errorf("%d members: %s confirmed %s, the rules say %s", size, a.Name, m.ConfirmedAt,
						rules.ConfirmedOn(a.Steps, rules.Rules2014()).Format(time.DateOnly))
				case m.Name != a.Name || m.IDNumber != "" && m.BranchID != data.Ref(a.BranchID):
					t.Errorf("%d members: %s is %s of another branch", size, a.Name, m.Name)
				}
				if stage == vocab.StageProbation {
					linkedProbation++
				}
			}
			if first := a.Steps[0]; first.Kind != vocab.StepApply || first.Date.Before(a.Birth.AddDate(18, 0, 0)) {
				t.Errorf("%d members: %s begins with %s on %s, born %s", size, a.Name, first.Kind,
					first.Date.Format(time.DateOnly), a.Birth.Format(time.DateOnly))
			}
			for _, st := range a.Steps {
				if st.Kind.Votes() && (st.Present*2 <= st.Eligible || st.For*2 <= st.Eligible) {
					t.Errorf("%d members: %s's %s: %d of %d present, %d for", size, a.Name, st.Kind, st.Present,
						st.Eligible, st.For)
				}
			}
		}
		checkDevFindings(t, s, size)
		for _, stage := range vocab.Stages {
			if stages[stage] == 0 {
				t.Errorf("%d members: nobody at %s (%v)", size, stage, stages)
			}
		}
		if notMembers < size/12 || notMembers > size/6+8 {
			t.Errorf("%d members: %d not yet members in the pipeline", size, notMembers)
		}
		if extended != 1 && size >= 300 {
			t.Errorf("%d members: %d confirmed after an extended 预备期, want 1", size, extended)
		}
		if linkedProbation*10 < probation*9 {
			t.Errorf("%d members: %d of %d 预备党员 admitted through the pipeline", size, linkedProbation, probation)
		}
		t.Logf("%d members: %d applicants, %d steps, %v", size, sum.Applicants, sum.DevSteps, stages)
	}
}

// TestPipelineStepsPassCheckStep replays every demo step in the order it
// was written through rules.CheckStep, as the store checks it: none is
// refused.
func TestPipelineStepsPassCheckStep(t *testing.T) {
	ctx := context.Background()
	s, _ := generate(t, Options{Seed: 1})
	pipe, err := s.Pipeline(ctx)
	if err != nil {
		t.Fatal(err)
	}
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]data.Member{}
	for _, m := range members {
		byID[m.ID] = m
	}
	d := rules.Rules2014()
	warnings := map[vocab.RuleID]int{}
	for _, a := range pipe {
		steps := a.Steps
		for i, st := range steps {
			var people []rules.PersonOn
			for _, id := range st.People {
				if id == "" {
					continue
				}
				m, ok := byID[id]
				people = append(people, rules.PersonOn{ID: id, Name: m.Name, Known: ok,
					Full: ok && rules.FullOn(vocab.Category(m.Category), vocab.Status(m.Status), m.JoinedDate.Time,
						m.ConfirmedAt.Time, st.Date)})
				if !ok || !people[len(people)-1].Full && st.Kind.NeedsFullMembers() {
					t.Errorf("%s's %s on %s names %s, no 正式党员 on the day", a.Name, st.Kind,
						st.Date.Format(time.DateOnly), m.Name)
				}
			}
			before := a
			before.Steps = steps[:i:i]
			for _, is := range rules.CheckStep(d, before, st, people, fixedNow) {
				if is.Refuse {
					t.Errorf("%s's %s on %s refused: %s (%s)", a.Name, st.Kind, st.Date.Format(time.DateOnly), is.Text,
						is.Rule)
				} else {
					warnings[is.Rule]++
				}
			}
		}
	}
	t.Logf("warnings: %v", warnings)
}

// checkDevFindings: what the demo leaves undone is found, and nothing
// else: a talk overdue (DEV-TALK), an 积极分子 not reported to the 党委
// (DEV-FILING), one whose 思想汇报 stopped (DEV-REPORT), one whose 考察 is
// overdue (DEV-REVIEW), a vote the 党委 has not approved in time
// (DEV-APPROVAL), each once; the 预备期 ended without a 转正 vote is
// PROBATION's. This month's to-dos are not counted.
func checkDevFindings(t *testing.T, s *data.Store, size int) {
	t.Helper()
	findings, err := s.Check(context.Background(), fixedNow.Year(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	got := map[vocab.RuleID]int{}
	for _, f := range findings {
		if f.Rule.IsDev() && !f.Due {
			got[f.Rule]++
			t.Logf("%d members: %s %s %s", size, f.Rule, f.Member, f.Detail)
		}
	}
	want := map[vocab.RuleID]int{vocab.RuleDevTalk: 1, vocab.RuleDevFiling: 1, vocab.RuleDevReport: 1,
		vocab.RuleDevReview: 1, vocab.RuleDevApproval: 1}
	if !maps.Equal(got, want) {
		t.Errorf("%d members: findings of 发展党员 %v, want %v", size, got, want)
	}
}

// TestPipelineAnyDay: demos of several seeds on days around the
// boundaries of the statistical years are written (the store refuses any
// step the rules forbid), each with the store's clock on that day.
func TestPipelineAnyDay(t *testing.T) {
	for _, day := range []time.Time{time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)} {
		for seed := int64(1); seed <= 3; seed++ {
			s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "T",
				data.WithClock(func() time.Time { return day.Add(20 * time.Hour) }))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Generate(context.Background(), s, Options{Members: 80, Seed: seed}); err != nil {
				t.Errorf("seed %d, %s: %v", seed, day.Format(time.DateOnly), err)
			}
			s.Close()
		}
	}
}
