package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/data"
)

// received is a verified object of the committee's channel as package
// snapshot hands it to the store.
func received(seq int64, kind data.ChannelKind) data.CommitteeObject {
	return data.CommitteeObject{Seq: seq, Kind: kind, PublishedAt: data.Stamp{Time: fixedNow},
		IndexSHA256: strings.Repeat("a", 63) + string(rune('0'+seq%10)), Signed: "{}", Body: "{}"}
}

func thresholds(seq int64, values map[string]string) data.CommitteeObject {
	o := received(seq, data.ChannelThresholds)
	o.Thresholds = data.ThresholdsText(values)
	return o
}

func task(seq int64, id, title string) data.CommitteeObject {
	o := received(seq, data.ChannelTask)
	o.TaskID, o.Title, o.Text = id, title, "请按时完成"
	o.Deadline = data.NewDate(2027, 1, 10)
	return o
}

// The committee's thresholds take effect in the settings every figure
// reads, and the organization cannot change those keys any more; the keys
// a later thresholds object leaves out are the organization's again.
func TestCommitteeThresholdsApplyAndLock(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.SetSetting(ctx, "train.hours", "40"); err != nil {
		t.Fatal(err)
	}
	err := s.ReceiveCommitteeObjects(ctx, []data.CommitteeObject{thresholds(1, map[string]string{"train.hours": "48", "eval.pass_score": "70"})})
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.RuleSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.TrainingHours != 48 || set.EvalPassScore != 70 {
		t.Fatalf("settings after the committee's thresholds: hours %v, pass score %v; want 48 and 70", set.TrainingHours, set.EvalPassScore)
	}
	per, err := s.RuleSettingsOf(ctx, s.Org().ID)
	if err != nil || per.TrainingHours != 48 {
		t.Fatalf("the organization's own settings (as the committee reads them): %v %v", per.TrainingHours, err)
	}
	locked, err := s.CommitteeSettings(ctx)
	if err != nil || locked["train.hours"] != "48" || locked["eval.pass_score"] != "70" || len(locked) != 2 {
		t.Fatalf("CommitteeSettings = %v, %v", locked, err)
	}
	err = s.SetSetting(ctx, "train.hours", "30")
	if !errors.Is(err, data.ErrSetByCommittee) || !strings.Contains(err.Error(), data.SetByCommitteeLabel) {
		t.Fatalf("changing a key the committee set: %v; want ErrSetByCommittee", err)
	}
	if err := s.SetSettings(ctx, []data.Setting{{Key: "train.hours", Value: "48"}, {Key: "inactive.months", Value: "5"}}); err != nil {
		t.Fatalf("saving the screen's values with the committee's unchanged: %v", err)
	}
	if err := s.SetSettings(ctx, []data.Setting{{Key: "inactive.months", Value: "4"}, {Key: "eval.pass_score", Value: "50"}}); err == nil {
		t.Fatal("a batch changing a committee key was stored")
	}
	if set, _ := s.RuleSettings(ctx); set.InactiveMonths != 5 {
		t.Fatalf("a refused batch stored part of its values: inactive months %d", set.InactiveMonths)
	}
	// A new year's thresholds without eval.pass_score: that key is free again.
	if err := s.ReceiveCommitteeObjects(ctx, []data.CommitteeObject{thresholds(2, map[string]string{"train.hours": "36"})}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "eval.pass_score", "65"); err != nil {
		t.Fatalf("a key the latest thresholds leave out: %v", err)
	}
	if set, _ := s.RuleSettings(ctx); set.TrainingHours != 36 || set.EvalPassScore != 65 {
		t.Fatalf("settings: %+v", set)
	}
}

// A thresholds object the rules refuse, or a seq already received, stores
// nothing.
func TestReceiveCommitteeObjectsRefusesBadOnes(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	bad := thresholds(1, map[string]string{"train.hours": "很多"})
	if err := s.ReceiveCommitteeObjects(ctx, []data.CommitteeObject{received(1, data.ChannelNotice), bad}); err == nil {
		t.Fatal("a refused threshold was stored")
	}
	if objs, _ := s.CommitteeObjects(ctx, ""); len(objs) != 0 {
		t.Fatalf("a refused batch left %d objects", len(objs))
	}
	if err := s.ReceiveCommitteeObjects(ctx, []data.CommitteeObject{received(1, data.ChannelNotice)}); err != nil {
		t.Fatal(err)
	}
	if err := s.ReceiveCommitteeObjects(ctx, []data.CommitteeObject{received(1, data.ChannelCalendar)}); err == nil {
		t.Fatal("a second object under seq 1 was stored")
	}
}

// A task is marked done with a note and a file, shows done among the
// notices, can be taken back, and unknown tasks are refused.
func TestMarkTaskDone(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	notice := received(1, data.ChannelNotice)
	notice.Title = "关于开展主题党日的通知"
	objs := []data.CommitteeObject{notice, task(2, "T2", "民主评议"), task(3, "T3", "上报党员统计"), task(4, "T2", "民主评议(修订)")}
	if err := s.ReceiveCommitteeObjects(ctx, objs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkTaskDone(ctx, "T9", "", "", nil); !errors.Is(err, data.ErrUnknownTask) {
		t.Fatalf("an unknown task: %v", err)
	}
	done, err := s.MarkTaskDone(ctx, "T2", "已于1月8日完成", "评议结果.pdf", []byte("%PDF-1.4 result"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.AttachmentsOf(ctx, data.TaskDoneTable, done.ID)
	if err != nil || len(files) != 1 || files[0].Name != "评议结果.pdf" {
		t.Fatalf("the completion's files: %+v %v", files, err)
	}
	notices, err := s.CommitteeNotices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, n := range notices {
		state := "未完成"
		if n.Done != nil {
			state = "已完成:" + n.Done.Note
		}
		if !n.IsTask() {
			state = "通知"
		}
		titles = append(titles, n.Title+"/"+state)
	}
	want := "民主评议(修订)/已完成:已于1月8日完成 上报党员统计/未完成 关于开展主题党日的通知/通知"
	if got := strings.Join(titles, " "); got != want {
		t.Fatalf("notices:\n got %s\nwant %s", got, want)
	}
	if err := s.UnmarkTaskDone(ctx, "T2"); err != nil {
		t.Fatal(err)
	}
	notices, _ = s.CommitteeNotices(ctx)
	if notices[0].Done != nil {
		t.Fatal("a completion taken back still shows")
	}
	if _, err := s.MarkTaskDone(ctx, "T2", "重新上报", "", nil); err != nil {
		t.Fatalf("marking again after taking back: %v", err)
	}
	all, err := s.TaskCompletions(ctx)
	if err != nil || len(all) != 1 || all[0].OrgName != "测试学院党委" || all[0].Note != "重新上报" || len(all[0].Attachments) != 0 {
		t.Fatalf("TaskCompletions = %+v, %v", all, err)
	}
}
