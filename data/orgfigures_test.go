package data_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"dangjian/data"
	"dangjian/data/rules"
)

// The committee's figures of an organization, computed over the
// consolidated database, are the figures the organization's own database
// gives — findings, scores, training, meetings and dues — even when two
// organizations have branches of the same names and different settings.
func TestOrgFiguresInTheConsolidatedDatabaseEqualTheOrganizationsOwn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 60, 1, mergeNow)
	b := demoOrg(t, dir, "数学学院党委", 45, 2, mergeNow)
	must(t, b.SetSetting(ctx, "train.hours", "40"))
	out := filepath.Join(dir, "merged.db")
	must(t, data.Merge(ctx, out, []string{snapshotTo(t, a, dir, "a.snapshot"), snapshotTo(t, b, dir, "b.snapshot")}))
	merged, err := data.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	all, err := merged.OrgFigures(ctx, 2026, mergeNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Org.Name != "计算机学院党委" || all[1].Org.Name != "数学学院党委" {
		t.Fatalf("organizations %v, want the two by name", all)
	}
	var university rules.Summary
	for i, own := range []*data.Store{a, b} {
		want, err := own.Figures(ctx, 2026, mergeNow)
		if err != nil {
			t.Fatal(err)
		}
		got := all[i].Figures
		if !reflect.DeepEqual(got.Findings(), want.Findings()) {
			t.Errorf("%s: %d findings in the consolidated database, %d in its own", own.Org().Name, len(got.Findings()), len(want.Findings()))
		}
		gs, ws := got.Summary(), want.Summary()
		if !reflect.DeepEqual(gs, ws) {
			t.Errorf("%s: summary\n%+v\nwant\n%+v", own.Org().Name, gs, ws)
		}
		if gs.Members == 0 || gs.Branches == 0 || gs.Findings == 0 || gs.Dues.Due == 0 {
			t.Errorf("%s: an empty summary %+v", own.Org().Name, gs)
		}
		one, err := merged.FiguresOf(ctx, own.Org().ID, 2026, mergeNow)
		if err != nil || one == nil || !reflect.DeepEqual(one.Summary(), ws) {
			t.Errorf("%s: FiguresOf differs from OrgFigures (%v)", own.Org().Name, err)
		}
		university.Add(gs)
	}
	if got := all[1].Figures.Settings().TrainingHours; got != 40 {
		t.Errorf("the second organization's training hours %d, want its own 40", got)
	}
	if university.Members != all[0].Figures.Summary().Members+all[1].Figures.Summary().Members ||
		len(university.Scores) != university.Branches {
		t.Errorf("the university's sum %+v", university)
	}
	if none, err := merged.FiguresOf(ctx, "no-such-org", 2026, mergeNow); err != nil || none != nil {
		t.Errorf("an unknown organization: %v, %v", none, err)
	}

	// The university's figures (the whole database: 工作台 on 全部组织, the
	// documents for 全校) are its organizations' put together, each judged by
	// its own thresholds: never one organization's settings for all.
	facts, err := merged.ReadYearFacts(ctx, 2026, mergeNow)
	if err != nil {
		t.Fatal(err)
	}
	fromFacts, err := facts.Figures(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	whole, err := merged.Figures(ctx, 2026, mergeNow)
	if err != nil {
		t.Fatal(err)
	}
	var findings []rules.Finding
	var hours []rules.MemberHours
	var owing int
	for _, o := range all {
		findings = append(findings, o.Figures.Findings()...)
		hours = append(hours, o.Figures.TrainingHours()...)
		owing += o.Figures.DuesLedger().Org.Owing
	}
	for name, g := range map[string]*rules.Figures{"Store.Figures": whole, "YearFacts.Figures": fromFacts} {
		if s := g.Summary(); s.Members != university.Members || s.Findings != university.Findings ||
			!reflect.DeepEqual(s.ByRule, university.ByRule) || s.TrainingMet != university.TrainingMet ||
			s.Dues != university.Dues || s.Score() != university.Score() {
			t.Errorf("%s: the university's summary\n%+v\nis not the sum of its organizations'\n%+v", name, s, university)
		}
		if got := g.Findings(); len(got) != len(findings) {
			t.Errorf("%s: %d findings, the organizations have %d", name, len(got), len(findings))
		}
		if got := g.TrainingHours(); len(got) != len(hours) {
			t.Errorf("%s: training hours of %d members, the organizations have %d", name, len(got), len(hours))
		}
		if got := g.DuesLedger().Org.Owing; got != owing {
			t.Errorf("%s: %d members owing, the organizations have %d", name, got, owing)
		}
		if got := g.Settings().TrainingHours; got != rules.DefaultSettings().TrainingHours {
			t.Errorf("%s: settings of organizations that differ state %d学时, want the default", name, got)
		}
	}
}
