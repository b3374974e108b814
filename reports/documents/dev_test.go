package documents

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/hanzi/hanzitest"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// The branches of the pipeline fixture.
const (
	devBranchA = "计算机系学生第一党支部"
	devBranchB = "软件工程学生党支部"
)

// devDay is a day of the fixture.
func devDay(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// devPath is every step of the 细则 for a person who applied on applied,
// in order and within the intervals of the 2014 rules, up to and
// including the first step of the kind last; a 转正 approved on time
// (按期转正) closes the full path.
func devPath(applied time.Time, contact1, contact2 *data.Member, last vocab.DevStep) []*data.DevStep {
	at := func(days int) data.Date { return data.DateOf(applied.AddDate(0, 0, days)) }
	two := func(st *data.DevStep) *data.DevStep {
		st.PersonID, st.Person2ID = data.Ref(contact1.ID), data.Ref(contact2.ID)
		return st
	}
	vote := applied.AddDate(0, 0, 465)
	end := vote.AddDate(1, 0, -1)
	after := func(days int) data.Date { return data.DateOf(end.AddDate(0, 0, days)) }
	steps := []*data.DevStep{
		{Step: string(vocab.StepApply), Date: at(0)},
		{Step: string(vocab.StepTalk), Date: at(14), PersonID: data.Ref(contact1.ID)},
		{Step: string(vocab.StepActivist), Date: at(30)},
		{Step: string(vocab.StepActivistFiled), Date: at(32)},
		two(&data.DevStep{Step: string(vocab.StepContacts), Date: at(34)}),
		{Step: string(vocab.StepReport), Date: at(120)},
		{Step: string(vocab.StepReview), Date: at(200)},
		{Step: string(vocab.StepCandidate), Date: at(400)},
		{Step: string(vocab.StepCandidateFiled), Date: at(405)},
		two(&data.DevStep{Step: string(vocab.StepIntroducers), Date: at(410)}),
		{Step: string(vocab.StepVetting), Date: at(420)},
		{Step: string(vocab.StepTraining), Date: at(430), Until: at(433), Hours: 24, Days: 4},
		{Step: string(vocab.StepCommitteeReview), Date: at(440)},
		{Step: string(vocab.StepPreReview), Date: at(445)},
		{Step: string(vocab.StepPublicity), Date: at(450), Until: at(456)},
		{Step: string(vocab.StepForm), Date: at(460), Number: "ZY" + applied.Format("20060102")},
		{Step: string(vocab.StepAdmitVote), Date: data.DateOf(vote), Eligible: 20, Present: 18, VotesFor: 18,
			Outcome: string(vocab.OutcomePassed)},
		{Step: string(vocab.StepPartyTalk), Date: at(470), PersonID: data.Ref(contact1.ID)},
		{Step: string(vocab.StepApproval), Date: at(480), Outcome: string(vocab.OutcomePassed)},
		{Step: string(vocab.StepApprovalFiled), Date: at(485)},
		{Step: string(vocab.StepAssigned), Date: at(486)},
		{Step: string(vocab.StepOath), Date: at(490)},
		{Step: string(vocab.StepConfirmApply), Date: after(1)},
		{Step: string(vocab.StepConfirmVote), Date: after(6), Eligible: 20, Present: 19, VotesFor: 19,
			Outcome: string(vocab.OutcomeConfirmed)},
		{Step: string(vocab.StepConfirmApproval), Date: after(21), Outcome: string(vocab.OutcomeConfirmed)},
	}
	for i, st := range steps {
		if st.Step == string(last) {
			return steps[:i+1]
		}
	}
	return steps
}

// devFixture is an organization of two student branches with a pipeline
// of nine people at every stage (the print day is testNow, 2026-11-26):
//
//	branch A: 赵一 入党申请人 (2026-10-10); 丁二 (2025-09-01) and 马三
//	(2025-12-10) 入党积极分子; 王四 发展对象 with a 公示 from 2026-10-25 to
//	10-31; 李五 预备党员 admitted 2025-11-20, 预备期 ending 2026-11-19.
//	branch B: 孙八 发展对象 with no 公示 yet; 周九 入党积极分子 from
//	2025-10-01, no longer developed from 2026-03-02; 张六 admitted 2025-04-19,
//	转正 approved 2026-05-09; 钱七 admitted 2024-12-09, 预备期 extended 6
//	months (to 2026-06-08), then 转正.
func devFixture(t *testing.T) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "dev.db"), "计算机科学与技术学院党委", "DEV",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := &data.Branch{Name: devBranchA, Type: string(vocab.BranchStudent)}
	b := &data.Branch{Name: devBranchB, Type: string(vocab.BranchStudent)}
	for _, br := range []*data.Branch{a, b} {
		if err := s.Branches.Create(ctx, br); err != nil {
			t.Fatal(err)
		}
	}
	wang, li := formMember(t, s, a, "王红", 1), formMember(t, s, a, "李明", 2)
	seq := 10
	add := func(br *data.Branch, name string, applied time.Time, last vocab.DevStep, more ...*data.DevStep) {
		t.Helper()
		seq++
		birth := devDay(2003, 3, seq)
		ap := &data.Applicant{BranchID: data.Ref(br.ID), Name: name, PersonType: string(vocab.PersonStudent),
			IDNumber: field.MakeIDNumber("110101", birth, seq, seq%2 == 0), Ethnicity: "汉族", Education: "大学本科在读",
			StaffNo: "2022" + name, Position: "计算机2201班"}
		if err := s.Applicants.Create(ctx, ap); err != nil {
			t.Fatal(err)
		}
		for _, st := range append(devPath(applied, wang, li, last), more...) {
			st.ApplicantID = data.Ref(ap.ID)
			if _, err := s.RecordDevStep(ctx, st); err != nil {
				t.Fatalf("%s %s %s: %v", name, st.Step, st.Date, err)
			}
		}
	}
	add(a, "赵一", devDay(2026, 10, 10), vocab.StepTalk)
	add(a, "丁二", devDay(2025, 9, 1), vocab.StepReview)
	add(a, "马三", devDay(2025, 12, 10), vocab.StepReview)
	add(a, "王四", devDay(2025, 8, 1), vocab.StepForm)
	add(a, "李五", devDay(2024, 8, 12), vocab.StepOath)
	add(b, "孙八", devDay(2025, 8, 15), vocab.StepPreReview)
	add(b, "张六", devDay(2024, 1, 10), "")
	add(b, "周九", devDay(2025, 9, 1), vocab.StepActivist, &data.DevStep{Step: string(vocab.StepEnd),
		Date: data.DateOf(devDay(2026, 3, 2)), Outcome: string(vocab.OutcomeDropped)})
	// 钱七: the 预备期 (to 2025-12-08) extended by 6 months, to 2026-06-08.
	ext := func(st vocab.DevStep, y, m, d int, outcome vocab.DevOutcome, months int) *data.DevStep {
		return &data.DevStep{Step: string(st), Date: data.DateOf(devDay(y, m, d)), Outcome: string(outcome), ExtendMonths: months}
	}
	vote := func(st *data.DevStep) *data.DevStep { st.Eligible, st.Present, st.VotesFor = 20, 18, 17; return st }
	add(b, "钱七", devDay(2023, 9, 1), vocab.StepOath,
		&data.DevStep{Step: string(vocab.StepConfirmApply), Date: data.DateOf(devDay(2025, 12, 9))},
		vote(ext(vocab.StepConfirmVote, 2025, 12, 13, vocab.OutcomeExtended, 6)),
		ext(vocab.StepConfirmApproval, 2025, 12, 28, vocab.OutcomeExtended, 6),
		vote(ext(vocab.StepConfirmVote, 2026, 6, 13, vocab.OutcomeConfirmed, 0)),
		ext(vocab.StepConfirmApproval, 2026, 6, 28, vocab.OutcomeConfirmed, 0))
	return s
}

// devRows returns the rows of every table of the document, each by column
// title, in order, with the heading each is listed under.
func devRows(d *layout.Document) []map[string]string {
	var out []map[string]string
	heading := ""
	for _, p := range d.Parts {
		for _, blk := range p.Blocks {
			switch v := blk.(type) {
			case *layout.Heading:
				heading = v.Text
			case *layout.Table:
				for _, row := range v.Rows {
					cells := map[string]string{"": heading}
					for i, c := range v.Columns {
						cells[strings.ReplaceAll(c.Title, "\n", "")] = strings.ReplaceAll(row.Cells[i], string(layout.WordJoiner), "")
					}
					out = append(out, cells)
				}
			}
		}
	}
	return out
}

// names are the 姓名 of the rows, in order.
func names(rows []map[string]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r["姓名"])
	}
	return out
}

// byName is the row of the name.
func byName(t *testing.T, rows []map[string]string, name string) map[string]string {
	t.Helper()
	for _, r := range rows {
		if r["姓名"] == name {
			return r
		}
	}
	t.Fatalf("%s is not listed", name)
	return nil
}

// wantCells checks the cells of a row.
func wantCells(t *testing.T, row map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s「%s」= %q, want %q", row["姓名"], k, row[k], v)
		}
	}
}

// readBack writes the document as PDF and .docx and returns the text read
// back from each, checking the typography of both: no ASCII punctuation
// beside Chinese, dates in the table or prose form only.
func readBack(t *testing.T, s *data.Store, k Kind, o Options) (pdfText, wordTxt string) {
	t.Helper()
	o.Now = testNow
	var pdf, word bytes.Buffer
	if _, err := Write(context.Background(), s, k, PDF, &pdf, o); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), s, k, Word, &word, o); err != nil {
		t.Fatal(err)
	}
	pdfText, wordTxt = pdfToText(t, pdf.Bytes()), wordText(t, word.Bytes())
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		for _, m := range firstMatches(asciiBesideHan, text, 5) {
			t.Errorf("%s: ASCII punctuation in Chinese text: …%s…", format, m)
		}
		for _, m := range firstMatches(otherDateForms, text, 5) {
			t.Errorf("%s: a date in neither the table nor the prose form: …%s…", format, m)
		}
	}
	return pdfText, wordTxt
}

// inOrder checks that the words appear in text in this order.
func inOrder(t *testing.T, what, text string, words ...string) {
	t.Helper()
	at := 0
	for _, w := range words {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order (want %v)", what, w, words)
			return
		}
		at += i + len(w)
	}
}

// TestDevActivistsRoster: the 入党积极分子花名册 as of a day lists those in
// that stage then, by branch in 姓氏笔画 order, with their dates and their
// 培养联系人; the PDF and the .docx read back.
func TestDevActivistsRoster(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevActivists, Options{})
	checkFrame(t, r, "入党积极分子花名册")
	rows := devRows(r.doc)
	if got := strings.Join(names(rows), " "); got != "丁二 马三" {
		t.Fatalf("listed %q, want 丁二 马三", got)
	}
	wantCells(t, byName(t, rows, "丁二"), map[string]string{"": devBranchA + "（2名）", "申请入党时间": "2025.09.01",
		"确定为积极分子时间": "2025.10.01", "培养联系人": "王红、李明", "出生年月": "2003.03", "民族": "汉族", "院系班级或职务": "计算机2201班"})
	wantCells(t, byName(t, rows, "马三"), map[string]string{"确定为积极分子时间": "2026.01.09"})
	if !strings.Contains(r.text, "总计：入党积极分子共2名。") || !strings.Contains(r.text, "填报单位（盖章）") {
		t.Errorf("no total or lines to sign:\n%s", r.text)
	}
	// As of 2025-12-31, 马三 was an applicant and 王四 an activist.
	old := devRows(build(t, s, DevActivists, Options{AsOf: devDay(2025, 12, 31)}).doc)
	if got := strings.Join(names(old), " "); got != "丁二 王四 孙八 周九" {
		t.Errorf("as of 2025-12-31: %q, want 丁二 王四 孙八 周九", got)
	}
	pdfText, wordTxt := readBack(t, s, DevActivists, Options{})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "入党积极分子花名册", "丁二", "2025.09.01", "2025.10.01", "王红、李明", "马三", "2026.01.09", "填报人")
	}
}

// TestDevCandidatesRoster: the 发展对象花名册 adds the day of 发展对象, the
// 入党介绍人, the 政审 and the end of the training.
func TestDevCandidatesRoster(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevCandidates, Options{})
	rows := devRows(r.doc)
	if got := strings.Join(names(rows), " "); got != "王四 孙八" {
		t.Fatalf("listed %q, want 王四 孙八", got)
	}
	wantCells(t, byName(t, rows, "王四"), map[string]string{"": devBranchA + "（1名）", "申请入党时间": "2025.08.01",
		"确定为积极分子时间": "2025.08.31", "确定为发展对象时间": "2026.09.05", "入党介绍人": "王红、李明",
		"政审": "2026.09.25", "培训结业": "2026.10.08"})
	wantCells(t, byName(t, rows, "孙八"), map[string]string{"": devBranchB + "（1名）", "确定为发展对象时间": "2026.09.19"})
	if !strings.Contains(r.text, "总计：发展对象共2名，分属2个党支部。") {
		t.Errorf("no total:\n%s", r.text)
	}
	pdfText, wordTxt := readBack(t, s, DevCandidates, Options{Columns: nil})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "发展对象花名册", devBranchA, "王四", "2026.09.05", devBranchB, "孙八", "2026.09.19")
	}
}

// TestDevLedger: the 台账 of 2026 lists everyone in the pipeline that year
// by branch in 姓氏笔画 order, each main step's date; a period before 李五
// was admitted leaves the later dates blank.
func TestDevLedger(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevLedger, Options{})
	if r.doc.Period != "2026年度" || !r.doc.Landscape {
		t.Errorf("period %q, landscape %v", r.doc.Period, r.doc.Landscape)
	}
	rows := devRows(r.doc)
	if got := strings.Join(names(rows), " "); got != "丁二 马三 王四 李五 赵一 孙八 张六 周九 钱七" {
		t.Fatalf("listed %q", got)
	}
	wantCells(t, byName(t, rows, "李五"), map[string]string{"阶段": "预备党员", "申请入党": "2024.08.12", "谈话": "2024.08.26",
		"确定积极分子": "2024.09.11", "确定发展对象": "2025.09.16", "政治审查": "2025.10.06", "集中培训结业": "2025.10.19",
		"党委预审": "2025.10.31", "公示": "2025.11.05", "支部大会接收": "2025.11.20", "党委审批": "2025.12.05",
		"入党宣誓": "2025.12.15", "党委审批转正": ""})
	wantCells(t, byName(t, rows, "张六"), map[string]string{"阶段": "正式党员", "党委审批转正": "2026.05.09"})
	wantCells(t, byName(t, rows, "赵一"), map[string]string{"阶段": "入党申请人", "谈话": "2026.10.24", "确定积极分子": ""})
	wantCells(t, byName(t, rows, "周九"), map[string]string{"阶段": "已终止（2026.03.02）", "确定积极分子": "2025.10.01"})
	if !strings.Contains(r.text, "合计：共9名，分属2个党支部，入党申请人1名，入党积极分子2名，发展对象2名，预备党员1名，正式党员2名，已终止1名。") {
		t.Errorf("no total:\n%s", r.text)
	}
	// 2025: 赵一 had not applied; 李五 was a 发展对象 at its end.
	old := devRows(build(t, s, DevLedger, Options{From: devDay(2025, 1, 1), To: devDay(2025, 11, 1)}).doc)
	for _, n := range names(old) {
		if n == "赵一" {
			t.Errorf("赵一 applied in 2026 but is listed for 2025")
		}
	}
	wantCells(t, byName(t, old, "李五"), map[string]string{"阶段": "发展对象", "支部大会接收": "", "党委审批": ""})
	// --to alone: everyone who had applied by then, 钱七 (转正 in June 2026) included.
	all := build(t, s, DevLedger, Options{To: devDay(2026, 11, 1)})
	if got := strings.Join(names(devRows(all.doc)), " "); got != "丁二 马三 王四 李五 赵一 孙八 张六 周九 钱七" || all.doc.Period != "截至2026年11月1日" {
		t.Errorf("up to 2026-11-01: %q, period %q", got, all.doc.Period)
	}
	if got := names(devRows(build(t, s, DevLedger, Options{To: devDay(2024, 12, 31)}).doc)); strings.Join(got, " ") != "李五 张六 钱七" {
		t.Errorf("up to 2024: %v", got)
	}
	pdfText, wordTxt := readBack(t, s, DevLedger, Options{})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "发展党员工作台账", "丁二", "马三", "王四", "李五", "2025.11.20", "2025.12.05", "赵一", "孙八", "张六", "钱七")
	}
}

// TestDevPublicity: 关于拟发展党员的公示 gives a notice per 公示 recorded,
// with its days, and one with the days left blank for the 发展对象 with
// none; --from/--to give the days of one notice.
func TestDevPublicity(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevPublicity, Options{})
	if r.parts() != 2 || r.doc.Landscape {
		t.Fatalf("%d parts, landscape %v; want two portrait notices", r.parts(), r.doc.Landscape)
	}
	first, second := r.partText(0), r.partText(1)
	for _, want := range []string{"拟发展以下1名同志为中共预备党员", "王四", "2025.08.01", "2025.08.31", "2026.09.05",
		"公示时间：2026年10月25日至2026年10月31日。", "联系电话", "2026年10月25日"} {
		if !strings.Contains(first, want) {
			t.Errorf("first notice: no %q:\n%s", want, first)
		}
	}
	if !strings.Contains(second, "孙八") || !strings.Contains(second, "公示时间："+publicityBlank+"。") || strings.Contains(second, "王四") {
		t.Errorf("second notice:\n%s", second)
	}
	one := build(t, s, DevPublicity, Options{From: devDay(2026, 11, 27), To: devDay(2026, 12, 3)})
	if one.parts() != 1 || !strings.Contains(one.text, "孙八") || strings.Contains(one.text, "王四") ||
		!strings.Contains(one.text, "公示时间：2026年11月27日至2026年12月3日。") {
		t.Errorf("with --from/--to:\n%s", one.text)
	}
	pdfText, wordTxt := readBack(t, s, DevPublicity, Options{})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "关于拟发展党员的公示", "王四", "2026年10月25日至2026年10月31日", "计算机科学与技术学院党委",
			"关于拟发展党员的公示", "孙八")
	}
}

// TestDevConfirmPublicity: the 预备党员 whose 预备期 ends within a month and
// who have no 转正 vote yet are listed with their 入党时间 and 预备期满.
func TestDevConfirmPublicity(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevConfirmPublicity, Options{})
	rows := devRows(r.doc)
	if got := strings.Join(names(rows), " "); got != "李五" {
		t.Fatalf("listed %q, want 李五", got)
	}
	wantCells(t, rows[0], map[string]string{"入党时间": "2025.11.20", "预备期满": "2026.11.20", "所在党支部": devBranchA})
	none := build(t, s, DevConfirmPublicity, Options{From: devDay(2026, 8, 1), To: devDay(2026, 8, 7)})
	if len(devRows(none.doc)) != 0 {
		t.Errorf("in August 李五's 预备期 was three months from its end:\n%s", none.text)
	}
	pdfText, wordTxt := readBack(t, s, DevConfirmPublicity, Options{})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "关于预备党员拟转正的公示", "李五", "2025.11.20", "2026.11.20", "联系电话")
	}
}

// TestDevFiling: the 备案 sheets of a period list the people of each
// decision taken in it; a sheet with nobody is left out.
func TestDevFiling(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevFiling, Options{})
	var titles []string
	for _, p := range r.doc.Parts {
		titles = append(titles, p.Subtitle)
	}
	if got := strings.Join(titles, " "); got != "入党积极分子（2026年度） 发展对象（2026年度）" {
		t.Fatalf("2026: sheets %q", got)
	}
	if got := names(devRows(&layout.Document{Parts: r.doc.Parts[:1]})); strings.Join(got, " ") != "马三" {
		t.Errorf("2026 activists: %v", got)
	}
	cands := devRows(&layout.Document{Parts: r.doc.Parts[1:]})
	if got := strings.Join(names(cands), " "); got != "王四 孙八" {
		t.Errorf("2026 candidates: %q", got)
	}
	wantCells(t, byName(t, cands, "王四"), map[string]string{"支委会确定时间": "2026.09.05", "入党介绍人": "王红、李明", "培养联系人": "王红、李明"})
	old := build(t, s, DevFiling, Options{Year: 2025})
	admitted := devRows(&layout.Document{Parts: old.doc.Parts[len(old.doc.Parts)-1:]})
	if old.doc.Parts[len(old.doc.Parts)-1].Subtitle != "接收预备党员（2025年度）" || strings.Join(names(admitted), " ") != "李五 张六" {
		t.Fatalf("2025: %q", old.text)
	}
	wantCells(t, byName(t, admitted, "李五"), map[string]string{"支部大会通过时间": "2025.11.20", "党委审批时间": "2025.12.05",
		"志愿书编号": "ZY20240812"})
	pdfText, wordTxt := readBack(t, s, DevFiling, Options{Year: 2025})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "发展党员备案表", "接收预备党员（2025年度）", "李五", "2025.11.20", "2025.12.05", "张六", "填报单位（盖章）")
	}
}

// TestDevConfirmList: the 转正 list of 2026 has each 预备党员 whose 预备期
// ended in 2026, first or after an extension, with the 转正 steps and the
// result.
func TestDevConfirmList(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevConfirm, Options{})
	rows := devRows(r.doc)
	if got := strings.Join(names(rows), " "); got != "李五 张六 钱七" {
		t.Fatalf("listed %q", got)
	}
	wantCells(t, byName(t, rows, "李五"), map[string]string{"入党时间": "2025.11.20", "预备期满": "2026.11.20", "结果": "尚未讨论"})
	wantCells(t, byName(t, rows, "张六"), map[string]string{"入党时间": "2025.04.19", "预备期满": "2026.04.19",
		"转正申请": "2026.04.19", "支部大会": "2026.04.24", "表决情况": "应到20人，实到19人，赞成19票", "结果": "按期转正",
		"党委审批": "2026.05.09"})
	wantCells(t, byName(t, rows, "钱七"), map[string]string{"入党时间": "2024.12.09", "预备期满": "2025.12.09",
		"结果": "延长预备期6个月，2026.06.09期满；按期转正", "党委审批": "2026.06.28"})
	if !strings.Contains(r.text, "合计：共3名，分属2个党支部，按期转正2名，尚未审批1名。") {
		t.Errorf("no total:\n%s", r.text)
	}
	pdfText, wordTxt := readBack(t, s, DevConfirm, Options{})
	for format, text := range map[string]string{"PDF": pdfText, "Word": wordTxt} {
		inOrder(t, format, text, "预备党员转正名单", "李五", "2026.11.20", "张六", "2026.05.09", "钱七", "2026.06.28")
	}
}

// TestDevTextUsesFullWidthPunctuation reads the Chinese text of the
// documents of 发展党员's source.
func TestDevTextUsesFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"dev*.go"}, nil)
}

// TestDevWriteForALook writes every document of 发展党员 of the fixture, as
// PDF and .docx, to the folder DANGJIAN_DEV_DOCS names, to be looked at
// (pdftoppm renders its pages); skipped when it is not set.
func TestDevWriteForALook(t *testing.T) {
	dir := os.Getenv("DANGJIAN_DEV_DOCS")
	if dir == "" {
		t.Skip("DANGJIAN_DEV_DOCS is not set")
	}
	s := devFixture(t)
	for _, k := range DevKinds {
		for _, f := range Formats {
			var buf bytes.Buffer
			if _, err := Write(context.Background(), s, k, f, &buf, Options{Now: testNow, Year: 2025 + boolInt(k != DevFiling)}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, string(k)+f.Ext()), buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDevNoticesOfTheWholeUniversity: in the committee's consolidated
// database, the notices of every organization are each signed by their
// own organization, never by 全校, and name only its people.
func TestDevNoticesOfTheWholeUniversity(t *testing.T) {
	merged, fx := openMerged(t)
	for _, k := range []Kind{DevPublicity, DevConfirmPublicity} {
		r := build(t, merged, k, Options{})
		signers := map[string]bool{}
		for i := range r.doc.Parts {
			text := r.partText(i)
			if strings.Contains(text, "没有") && len(r.doc.Parts) == 1 {
				t.Skipf("%s: the demo has no one to print", k)
			}
			lines := strings.Split(strings.TrimSpace(text), "\n")
			signer := strings.TrimSpace(lines[len(lines)-2])
			if _, ok := fx.ids[signer]; !ok {
				t.Errorf("%s: notice %d signed %q", k, i+1, signer)
			}
			signers[signer] = true
			if !strings.Contains(text, "向"+signer+"反映") {
				t.Errorf("%s: notice %d does not say to report to %s", k, i+1, signer)
			}
		}
		if len(signers) < 2 {
			t.Errorf("%s: signed by %v, want both organizations", k, signers)
		}
	}
}
