package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/data/rules"
)

// settingsForm opens the 设置 screen and returns it with its labels.
func settingsForm(t *testing.T) (*UI, *uiQueue, *settingsScreen, []string) {
	t.Helper()
	u, q := newTestUI(t)
	openScreen(t, u, "设置")
	q.settle(u)
	s := u.settings
	var labels []string
	for _, it := range s.rules.form.Items {
		labels = append(labels, it.Text)
	}
	return u, q, s, labels
}

func TestSettingsShowRecordsSinceAndEachRulesPersonTypes(t *testing.T) {
	u, _, s, labels := settingsForm(t)
	all := strings.Join(labels, "|")
	for _, want := range []string{"记录起始月份", "谈心谈话 适用人员类别", "联系群众和困难学生 适用人员类别",
		"党员集中学习培训不少于32学时 适用人员类别"} {
		if !strings.Contains("|"+all+"|", "|"+want+"|") {
			t.Errorf("no setting labelled %q among %q", want, labels)
		}
	}
	if len(labels) != len(rules.SettingDefs) {
		t.Errorf("%d settings shown, want %d", len(labels), len(rules.SettingDefs))
	}
	if got := s.thresholds["applies.LIAISON"].Text; got != "在职教职工、学生、其他" {
		t.Errorf("LIAISON applies to %q", got)
	}
	if got := s.rules.yesNo["train.self_study"].Selected; got != "否" {
		t.Errorf("个人自学 shown as %q", got)
	}
	// Empty: the month the records give, here the database's creation.
	now := u.store.Now()
	want := fmt.Sprintf("自动：%d年%d月", now.Year(), int(now.Month()))
	if s.thresholds[rules.RecordsSinceKey].Text != "" || !strings.Contains(s.rules.since.Text, want) {
		t.Errorf("记录起始月份 %q, note %q; want %q", s.thresholds[rules.RecordsSinceKey].Text, s.rules.since.Text, want)
	}
}

func TestSettingsBadValueShowsTheRulesMessageAndSavesNothing(t *testing.T) {
	u, q, s, _ := settingsForm(t)
	ctx := context.Background()
	s.thresholds["train.hours"].SetText("40")
	s.thresholds["applies.TALK"].SetText("学生、其他")
	s.thresholds[rules.RecordsSinceKey].SetText("2026-13")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	msg := s.rules.errors[rules.RecordsSinceKey]
	if !msg.Visible() || !strings.Contains(msg.Text, "记录起始月份应为年月") || !strings.Contains(s.message.Text, "未保存") {
		t.Fatalf("a bad month: under the field %q, message %q", msg.Text, s.message.Text)
	}
	if set, _ := u.store.RuleSettings(ctx); set != rules.DefaultSettings() {
		t.Fatalf("a refused save stored %+v", set.Values())
	}
	s.thresholds[rules.RecordsSinceKey].SetText("2026年1月")
	s.thresholds["applies.TARGET"].SetText("教师")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	if msg := s.rules.errors["applies.TARGET"]; !msg.Visible() || !strings.Contains(msg.Text, "没有名为“教师”的人员类别") {
		t.Fatalf("a bad 人员类别: %q", msg.Text)
	}
	if s.rules.errors[rules.RecordsSinceKey].Visible() {
		t.Fatal("the corrected month keeps its message")
	}
	s.thresholds["applies.TARGET"].SetText("全部")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	set, err := u.store.RuleSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := set.Values()
	if set.TrainingHours != 40 || v["applies.TALK"] != "学生、其他" || v[rules.RecordsSinceKey] != "2026-01" {
		t.Fatalf("stored %v (%q)", v, s.message.Text)
	}
	if got := s.thresholds[rules.RecordsSinceKey].Text; got != "2026-01" || !strings.Contains(s.rules.since.Text, "已设定为2026-01") {
		t.Fatalf("after saving, 记录起始月份 %q, note %q", got, s.rules.since.Text)
	}
}

func TestSettingsShowYesOrNoNeverTrueOrFalse(t *testing.T) {
	u, q, s, _ := settingsForm(t)
	shown := func() string { return strings.Join(visibleTexts(u.content), "|") }
	if text := shown(); strings.Contains(text, "true") || strings.Contains(text, "false") {
		t.Fatalf("设置 shows true or false: %s", text)
	}
	choice := s.rules.yesNo["train.self_study"]
	if choice == nil || choice.Selected != "否" {
		t.Fatalf("个人自学计入集中学习学时 is not a 是/否 choice set to 否")
	}
	choice.SetSelected("是")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	set, err := u.store.RuleSettings(context.Background())
	if err != nil || !set.SelfStudyCounts {
		t.Fatalf("是 not stored (%v): %q", err, s.message.Text)
	}
	if choice.Selected != "是" || strings.Contains(shown(), "true") {
		t.Fatalf("after saving: %q, %s", choice.Selected, shown())
	}
}
