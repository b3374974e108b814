package snapshot

import (
	"errors"
	"strings"
	"testing"
)

// A publication missing from the server refuses every later one as not
// following what was received: the message names the last one received
// and tells all the refused ones once, as a range; once the missing one
// is put back, all are taken.
func TestChannelGapIsToldOnceWithTheLastReceived(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	for _, title := range []string{"第一份", "第二份", "第三份", "第四份", "第五份"} {
		w.publish(notice(title))
	}
	missing, err := readObject(w.mem, channelIndexKey(2))
	if err != nil {
		t.Fatal(err)
	}
	w.mem.Delete(channelIndexKey(2))
	res, err := o.fetch(w.ctx)
	if !errors.Is(err, ErrChannelRefused) || len(res.New) != 1 || len(res.Refused) != 3 {
		t.Fatalf("fetch with the second missing: %+v %v", res, err)
	}
	want := "第3号至第5号(3项):分叉:不接续本组织已收到的第1号(其间的发布可能在服务器上缺失或被替换)"
	if !strings.Contains(err.Error(), want) || strings.Count(err.Error(), "分叉") != 1 {
		t.Fatalf("the message: %v\nwant %s", err, want)
	}
	w.put(channelIndexKey(2), []byte(missing))
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 4 {
		t.Fatalf("fetch with it back: %+v %v", res, err)
	}
	if got := strings.Join(o.received(t), " "); got != "通知:第一份 通知:第二份 通知:第三份 通知:第四份 通知:第五份" {
		t.Fatalf("received: %s", got)
	}
}

// An organization that has received nothing yet is told so when the
// server's first publication is missing.
func TestChannelFirstPublicationMissing(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	w.publish(notice("第二份"))
	w.mem.Delete(channelIndexKey(1))
	_, err := o.fetch(w.ctx)
	if err == nil || !strings.Contains(err.Error(), "第2号:分叉:不是党委的第一项发布,而本组织尚未收到任何内容") {
		t.Fatalf("fetch: %v", err)
	}
	if got := o.received(t); len(got) != 0 {
		t.Fatalf("received %v", got)
	}
}
