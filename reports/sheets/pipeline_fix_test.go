package sheets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/field"
)

// TestPipelineLinksAPersonAlreadyAMember: a row of an old 台账 for a person
// already on the rolls is linked to their member record, not refused, and
// the 党委审批 lists a 提示 naming the member's 入党日期 and the vote's
// without changing the member.
func TestPipelineLinksAPersonAlreadyAMember(t *testing.T) {
	s := testStore(t)
	seedPipeMembers(t, s)
	ctx := context.Background()
	bs, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	number := id("420106", 2003, 5, 6, 11, true)
	m := &data.Member{BranchID: data.Ref(bs[0].ID), Name: "赵小明", IDNumber: number, PersonType: "学生",
		Category: "正式党员", JoinedDate: data.NewDate(2023, 6, 12), ConfirmedAt: data.NewDate(2024, 6, 12)}
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	main := map[string]any{
		"递交入党申请书日期": "2021-10-08", "确定入党积极分子日期": "2022-03-15", "确定发展对象日期": "2023-04-10",
		"支部大会讨论接收日期": "2023-06-10", "接收应到人数": "20", "接收实到人数": "18", "接收赞成票": "18",
		"接收反对票": "0", "接收弃权票": "0", "党委审批日期": "2023-07-01",
	}
	rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("赵小明", number), main))), Options{})
	if err != nil || !rep.Written || len(rep.Problems) > 0 {
		t.Fatalf("%+v %v\n%s", rep, err, problemsText(rep))
	}
	apps, err := s.Applicants.List(ctx)
	if err != nil || len(apps) != 1 || apps[0].MemberID != data.Ref(m.ID) {
		t.Fatalf("applicant not linked to the member: %+v %v", apps, err)
	}
	found := false
	for _, w := range rep.Warnings {
		if w.Row == 2 && strings.Contains(w.Msg, "2023-06-12") && strings.Contains(w.Msg, "2023-06-10") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 提示 naming both dates: %v", rep.Warnings)
	}
	got, _ := s.Members.Get(ctx, m.ID)
	if got.JoinedDate != data.NewDate(2023, 6, 12) {
		t.Errorf("the member's 入党日期 became %v", got.JoinedDate)
	}
	if n, _ := s.Members.Count(ctx); n != 4 {
		t.Errorf("%d members, want 4", n)
	}
}

// TestPipelineAliasesOfAnOldLedger: the headers a new user's old 台账 had.
func TestPipelineAliasesOfAnOldLedger(t *testing.T) {
	for _, staff := range []string{"学号/工号", "工号/学号", "学号", "工号"} {
		s := testStore(t)
		seedPipeMembers(t, s)
		sheet := book(t, []string{"姓名", "身份证号", staff, "所在党支部", "申请入党时间", "谈话时间", "谈话人",
			"确定为积极分子时间", "培养人"},
			[]any{"赵小明", id("420106", 2003, 5, 6, 11, true), "2021001", pipeBranch, "2021-10-08", "2021-10-20",
				"王建国", "2022-03-15", "李红梅"})
		rep, err := run(t, s, Pipeline, sheet, Options{})
		if err != nil || rep.Created != 1 || len(rep.Problems) > 0 {
			t.Fatalf("%s: %+v %v\n%s", staff, rep, err, problemsText(rep))
		}
		apps, _ := s.Applicants.List(context.Background())
		if len(apps) != 1 || apps[0].StaffNo != "2021001" {
			t.Errorf("%s: 工号或学号 not read: %+v", staff, apps)
		}
		if got := pipeline(t, s); !strings.Contains(got[0], "确定入党积极分子 2022-03-15") {
			t.Errorf("%s: %s", staff, got[0])
		}
	}
	if got := pipelineAliases[field.Normalize("确定为积极分子日期")]; got != "确定入党积极分子日期" {
		t.Errorf("确定为积极分子日期 → %q", got)
	}
}

// TestPipelineDateProblemsRepeatTheValue: a date that does not exist is
// reported with the value typed; a future 确定入党积极分子日期 is one problem,
// not a second one on the 指定培养联系人日期 that takes its date.
func TestPipelineDateProblemsRepeatTheValue(t *testing.T) {
	s := testStore(t)
	seedPipeMembers(t, s)
	rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("赵小明", id("420106", 2003, 5, 6, 11, true)), map[string]any{
			"递交入党申请书日期": "2025.13.01"})),
		pipeRow(with(person("钱小红", id("420106", 2004, 8, 9, 12, false)), map[string]any{
			"递交入党申请书日期": "2025-09-10", "确定入党积极分子日期": "2099-03-01", "培养联系人": "张伟"})),
	), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, rep, map[[2]string]string{
		{"2", "递交入党申请书日期"}:  "“2025.13.01”不是有效日期",
		{"3", "确定入党积极分子日期"}: "晚于今天",
	})
}

// TestDamagedFileIsNamed: a file that is not a workbook (a CSV) is named in
// the message, with what to do.
func TestDamagedFileIsNamed(t *testing.T) {
	s := testStore(t)
	path := filepath.Join(t.TempDir(), "发展党员台账.csv")
	if err := os.WriteFile(path, []byte("姓名,公民身份号码\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, read := range []func() error{
		func() error { _, err := ImportFile(context.Background(), s, Pipeline, path, Options{}); return err },
		func() error { _, err := ReadHeaders(context.Background(), s, Pipeline, path, Options{}); return err },
	} {
		err := read()
		var ie *InputError
		if !asInputError(err, &ie) || !strings.HasPrefix(ie.Msg, "“发展党员台账.csv”无法导入：文件不是有效的Excel") ||
			!strings.Contains(ie.Msg, "另存为.xlsx") {
			t.Errorf("%v", err)
		}
	}
}

// TestPipelineFormNumberWithoutItsDate: an 入党志愿书编号 without its
// 填写入党志愿书日期 is recorded on the 支部大会讨论接收's date (or the
// 党委预审's) with a 提示; the row is not refused.
func TestPipelineFormNumberWithoutItsDate(t *testing.T) {
	for _, tc := range []struct {
		drop, want string
	}{{"", "2023-06-10"}, {"支部大会讨论接收日期", "2023-05-25"}} {
		s := testStore(t)
		seedPipeMembers(t, s)
		cells := with(fullPipe, map[string]any{"填写入党志愿书日期": ""})
		if tc.drop != "" {
			for _, h := range []string{tc.drop, "接收应到人数", "接收实到人数", "接收赞成票", "接收反对票", "接收弃权票",
				"党委派人谈话日期", "党委谈话人", "党委审批日期", "入党宣誓日期", "提出转正申请日期", "支部大会讨论转正日期",
				"转正应到人数", "转正实到人数", "转正赞成票", "转正反对票", "转正弃权票", "党委审批转正日期"} {
				cells[h] = ""
			}
		}
		rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
			pipeRow(with(person("赵小明", id("420106", 2003, 5, 6, 11, true)), cells))), Options{})
		if err != nil || !rep.Written || len(rep.Problems) > 0 {
			t.Fatalf("%s: %+v %v\n%s", tc.want, rep, err, problemsText(rep))
		}
		if got := pipeline(t, s); !strings.Contains(got[0], "填写入党志愿书 "+tc.want) {
			t.Errorf("%s", got[0])
		}
		found := false
		for _, w := range rep.Warnings {
			if w.Column == "填写入党志愿书日期" && strings.Contains(w.Msg, tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no 提示: %v", rep.Warnings)
		}
	}
}

// TestPipelineNameOfTwoMembersOneFull: a later row names 张伟 when an
// earlier row of the same import made a new 预备党员 张伟: the one who was a
// 正式党员 on the step's date is meant.
func TestPipelineNameOfTwoMembersOneFull(t *testing.T) {
	s := testStore(t)
	seedPipeMembers(t, s)
	admitted := with(fullPipe, map[string]any{"提出转正申请日期": "", "支部大会讨论转正日期": "", "转正应到人数": "",
		"转正实到人数": "", "转正赞成票": "", "转正反对票": "", "转正弃权票": "", "党委审批转正日期": ""})
	rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("张伟", id("420106", 2003, 5, 6, 11, true)), admitted)),
		pipeRow(with(person("钱小红", id("420106", 2004, 8, 9, 12, false)), map[string]any{
			"递交入党申请书日期": "2023-09-10", "入党申请人谈话日期": "2023-09-25", "谈话人": "张伟",
			"确定入党积极分子日期": "2024-03-01", "培养联系人": "张伟、李红梅"}))), Options{})
	if err != nil || rep.Created != 2 || len(rep.Problems) > 0 {
		t.Fatalf("%+v %v\n%s", rep, err, problemsText(rep))
	}
	ctx := context.Background()
	ms, err := s.Members.List(ctx, data.Where(data.ColName, "张伟"))
	if err != nil || len(ms) != 2 {
		t.Fatalf("two 张伟: %v %v", ms, err)
	}
	var full data.Ref
	for _, m := range ms {
		if m.Category == "正式党员" {
			full = data.Ref(m.ID)
		}
	}
	apps, _ := s.Applicants.List(ctx, data.Where(data.ColName, "钱小红"))
	steps, _ := s.ApplicantSteps(ctx, apps[0].ID)
	for _, st := range steps {
		if st.PersonID != "" && st.PersonID != full {
			t.Errorf("%s names the 预备党员 张伟", st.Step)
		}
	}
}

// TestPipelineReimportMovesTheMember: a sheet imported again with another
// 支部大会讨论接收日期 moves the member's 入党日期 and 转正日期 with it.
func TestPipelineReimportMovesTheMember(t *testing.T) {
	s := testStore(t)
	seedPipeMembers(t, s)
	number := id("420106", 2003, 5, 6, 11, true)
	if rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("赵小明", number), fullPipe))), Options{}); err != nil || !rep.Written {
		t.Fatalf("%+v %v\n%s", rep, err, problemsText(rep))
	}
	rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("赵小明", number), with(fullPipe, map[string]any{"支部大会讨论接收日期": "2023-06-12"})))), Options{})
	if err != nil || !rep.Written || rep.Updated != 1 || len(rep.Problems) > 0 {
		t.Fatalf("again: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ms, err := s.Members.List(context.Background(), data.Where(data.ColIDNumber, number))
	if err != nil || len(ms) != 1 {
		t.Fatalf("%v %v", ms, err)
	}
	if m := ms[0]; m.JoinedDate.String() != "2023-06-12" || m.ConfirmedAt.String() != "2024-06-12" {
		t.Errorf("入党日期 %s 转正日期 %s, want 2023-06-12 and 2024-06-12", m.JoinedDate, m.ConfirmedAt)
	}
}

// TestPipelineCellErrorKeepsTheRuleChecks: a bad date in a later step
// does not hide what the rules say of the steps before it; nothing of the
// row is written.
func TestPipelineCellErrorKeepsTheRuleChecks(t *testing.T) {
	s := testStore(t)
	seedPipeMembers(t, s)
	rep, err := run(t, s, Pipeline, book(t, headersOf(Pipeline),
		pipeRow(with(person("赵小明", id("420106", 2003, 5, 6, 11, true)), map[string]any{
			"递交入党申请书日期": "2021-10-08", "确定入党积极分子日期": "2022-03-15", "确定发展对象日期": "2022-09-10",
			"党委审批日期": "2023.13.01"}))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, rep, map[[2]string]string{
		{"2", "确定发展对象日期"}: "（DEV-",
		{"2", "党委审批日期"}:   "“2023.13.01”不是有效日期",
	})
	if n, _ := s.Applicants.Count(context.Background()); n != 0 || rep.Written {
		t.Errorf("%d applicants written", n)
	}
}
