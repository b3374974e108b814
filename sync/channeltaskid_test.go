package snapshot

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

func task(id, title string) ChannelBody {
	return ChannelBody{Kind: data.ChannelTask, TaskID: id, Title: title, Text: "按时上报。"}
}

// A task id given again (in any case) is refused before anything reaches
// the bucket, so the organizations keep the earlier task and its
// completions; a task without an id whose default T<seq> an earlier task
// took by --id gets another one.
func TestPublishRefusesATaskIDInUse(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(task("T2", "完成民主评议并上报"))
	before := w.mem.Len()
	for _, id := range []string{"T2", "t2"} {
		_, err := w.committee.Publish(w.ctx, task(id, "另一项任务"), PublishOptions{Passphrase: testPass, Backend: w.mem, Now: time.Now()})
		if err == nil || !strings.Contains(err.Error(), "任务编号 "+id+" 已被第1号发布的任务“完成民主评议并上报”使用") ||
			strings.Contains(err.Error(), "--id") || !errors.Is(err, ErrNotPublishable) {
			t.Fatalf("publishing task %s again: %v", id, err)
		}
		if w.mem.Len() != before {
			t.Fatalf("the bucket holds %d objects, %d before", w.mem.Len(), before)
		}
	}
	p := w.publish(task("", "上报党员信息"))
	if p.Index.Seq != 2 || p.Body.TaskID != "T2-2" {
		t.Fatalf("the task without an id: seq %d id %q, want 2 and T2-2", p.Index.Seq, p.Body.TaskID)
	}
	if _, err := o.fetch(w.ctx); err != nil {
		t.Fatal(err)
	}
	notices, err := o.store.CommitteeNotices(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range notices {
		got = append(got, n.TaskID+":"+n.Title)
	}
	if strings.Join(got, " ") != "T2-2:上报党员信息 T2:完成民主评议并上报" {
		t.Fatalf("the organization's tasks: %v", got)
	}
}
