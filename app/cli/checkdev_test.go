package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
)

// check tells the DEV- findings and this month's to-dos of the pipeline,
// in text (the version of the rules in the title, the to-dos counted) and
// in JSON (applicant_id, due), each with its organization.
func TestCheckTellsThePipeline(t *testing.T) {
	db, _, _ := consolidatedDB(t, func(s *data.Store) {
		ctx := context.Background()
		if err := s.SetSetting(ctx, rules.RecordsSinceKey, "2026-01"); err != nil {
			t.Fatal(err)
		}
		var b data.Branch
		bs, err := s.Branches.List(ctx)
		if err != nil || len(bs) == 0 {
			t.Fatal(err)
		}
		b = bs[0]
		birth := time.Date(2004, 5, 6, 0, 0, 0, 0, time.UTC)
		for i, day := range []data.Date{data.NewDate(2026, 9, 1), data.NewDate(2026, 10, 28)} {
			a := &data.Applicant{BranchID: data.Ref(b.ID), Name: []string{"申请人甲", "申请人乙"}[i], PersonType: "学生",
				IDNumber: field.MakeIDNumber("420106", birth, 40+i, true)}
			if err := s.Applicants.Create(ctx, a); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RecordDevStep(ctx, &data.DevStep{ApplicantID: data.Ref(a.ID), Step: "递交入党申请书", Date: day}); err != nil {
				t.Fatal(err)
			}
		}
	})
	code, out, errOut := run(t, "check", "--db", db)
	if code != ExitOK {
		t.Fatalf("check: %d %s", code, errOut)
	}
	for _, want := range []string{"（其中本月待办2项）", "[DEV-TALK] 收到入党申请书后按期谈话（2014版：《中国共产党发展党员工作细则》（2014年）第二章「入党申请」）",
		"外国语学院党委 · 第一党支部 申请人甲:2026年9月1日递交入党申请书，应于2026年10月1日前谈话，尚无谈话记录",
		"计算机学院党委 · 第一党支部 申请人乙:本月待办：2026年10月28日递交入党申请书，应于2026年11月28日前谈话"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	code, out, errOut = run(t, "check", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("check --json: %d %s", code, errOut)
	}
	var findings []struct {
		Rule, Member, Org, Detail string
		ApplicantID               string `json:"applicant_id"`
		Due                       bool
	}
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatal(err)
	}
	talks, due := 0, 0
	for _, f := range findings {
		if f.Rule != "DEV-TALK" {
			if f.ApplicantID != "" || f.Due {
				t.Errorf("%s finding with applicant_id or due: %+v", f.Rule, f)
			}
			continue
		}
		talks++
		if f.ApplicantID == "" || f.Org == "" || !strings.HasPrefix(f.Member, "申请人") {
			t.Errorf("DEV-TALK without its person: %+v", f)
		}
		if f.Due {
			due++
		}
	}
	if talks != 4 || due != 2 {
		t.Errorf("%d DEV-TALK findings, %d due; want 4 and 2", talks, due)
	}
}
