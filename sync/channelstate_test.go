package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// A damaged record of the committee's last publication stops publish with
// a message naming the file (no parser's English) and what to do; once it
// is removed, the next publication follows the last one signed in the
// bucket and the organizations take it.
func TestPublishWithADamagedChannelRecord(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	w.publish(notice("第二份"))
	state := filepath.Join(w.committee.Dir, channelDir, channelStateFile)
	os.WriteFile(state, []byte(`{"last_seq": 2, "last`), 0o600)
	before := w.mem.Len()
	_, err := w.committee.Publish(w.ctx, notice("第三份"), PublishOptions{Passphrase: testPass, Backend: w.mem, Now: time.Now()})
	if err == nil || !strings.Contains(err.Error(), "党委发布记录 "+state+" 已损坏") || strings.Contains(err.Error(), "invalid") {
		t.Fatalf("publish: %v", err)
	}
	if w.mem.Len() != before {
		t.Fatal("the refused publication wrote to the bucket")
	}
	os.Remove(state)
	if p := w.publish(notice("第三份")); p.Index.Seq != 3 {
		t.Fatalf("published as %d", p.Index.Seq)
	}
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 3 {
		t.Fatalf("fetch: %+v %v", res, err)
	}
}

// When the folder has lost its record and the bucket's last publication
// has a changed body, publish does not take that body as its own and build
// on it (the organizations would refuse every later publication): it
// stops, naming the index to remove; once removed, the next publication
// follows the one before, and the organizations take it.
func TestPublishDoesNotBuildOnATamperedBodyItHasNoRecordOf(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	if _, err := o.fetch(w.ctx); err != nil {
		t.Fatal(err)
	}
	w.publish(notice("第二份"))
	os.Remove(filepath.Join(w.committee.Dir, channelDir, channelStateFile))
	body, _ := readObject(w.mem, channelBodyKey(2))
	w.replace(channelBodyKey(2), []byte(strings.Replace(body, "第二份", "第二分", 1)))
	before := w.mem.Len()
	_, err := w.committee.Publish(w.ctx, notice("第三份"), PublishOptions{Passphrase: testPass, Backend: w.mem, Now: time.Now()})
	if err == nil || !strings.Contains(err.Error(), "第2号正文缺失或已被改动") || !strings.Contains(err.Error(), channelIndexKey(2)) {
		t.Fatalf("publish: %v", err)
	}
	if w.mem.Len() != before {
		t.Fatal("the refused publication wrote to the bucket")
	}
	w.remove(channelIndexKey(2))
	if p := w.publish(notice("第三份")); p.Index.Seq != 3 {
		t.Fatalf("published as %d", p.Index.Seq)
	}
	res, err := o.fetch(w.ctx)
	if err != nil || len(res.New) != 1 || res.New[0].Title != "第三份" {
		t.Fatalf("fetch: %+v %v", res, err)
	}
}

// A calendar signed by a build that did not check its terms' years (its
// dates outside the term's academic year) stays readable: the committee's
// next publications follow it and list it, and the organizations take it
// and those after it, so that the chain goes on.
func TestACalendarSignedBeforeTheYearCheckStaysReadable(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	p1 := w.publish(notice("第一份"))
	body := ChannelBody{Format: ChannelBodyFormat, Kind: data.ChannelCalendar, Calendar: []TermSpan{
		{Term: "2026-2027-1", Start: "2020-09-07", End: "2021-01-17"}}}
	b, err := body.encode()
	if err != nil {
		t.Fatal(err)
	}
	w.put(channelBodyKey(2), b)
	w.put(channelIndexKey(2), w.signIndex(ChannelIndex{Format: ChannelIndexFormat, Seq: 2, Prev: p1.IndexSHA256,
		CreatedAt: p1.Index.CreatedAt, Kind: data.ChannelCalendar, BodySHA256: sha256Hex(b), BodySize: int64(len(b))}))
	if p := w.publish(task("", "上报党员信息")); p.Index.Seq != 3 {
		t.Fatalf("published as %d", p.Index.Seq)
	}
	if pubs, err := w.committee.Publications(); err != nil || len(pubs) != 3 {
		t.Fatalf("the committee's publications: %d %v", len(pubs), err)
	}
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 3 {
		t.Fatalf("fetch: %+v %v", res, err)
	}
}
