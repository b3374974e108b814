package snapshot

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// publish has the committee publish body, failing the test on error.
func (w *world) publish(body ChannelBody) Publication {
	w.t.Helper()
	p, err := w.committee.Publish(w.ctx, body, PublishOptions{Passphrase: testPass, Backend: w.backend(), Now: time.Now()})
	if err != nil {
		w.t.Fatalf("publish %s: %v", body.Kind, err)
	}
	return p
}

func notice(title string) ChannelBody {
	return ChannelBody{Format: ChannelBodyFormat, Kind: data.ChannelNotice, Title: title, Text: "请各二级党组织认真组织。"}
}

// fetch reads the committee's channel into o's database.
func (o *org) fetch(ctx context.Context) (FetchResult, error) {
	return Fetch(ctx, FetchOptions{Store: o.store, Backend: o.backend})
}

// received lists the seqs and titles o's database holds.
func (o *org) received(t *testing.T) []string {
	t.Helper()
	objs, err := o.store.CommitteeObjects(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range objs {
		out = append(out, x.Kind.Label()+":"+x.Title)
	}
	return out
}

// The whole way: the committee publishes thresholds, a calendar, a notice
// and a task; the organization's next sync takes them (the thresholds are
// then its settings, locked), it marks the task done with a file, its next
// snapshot carries that to the committee, and after consolidation the
// committee sees which organization did the task and which did not.
func TestChannelRoundTrip(t *testing.T) {
	eachWorld(t, func(t *testing.T, w *world) {
		a := w.newOrg("甲学院党委", 10, 1)
		b := w.newOrg("乙学院党委", 10, 2)
		w.publish(ChannelBody{Kind: data.ChannelThresholds, Year: 2027, Thresholds: map[string]string{"train.hours": "40", "eval.pass_score": "75"}})
		w.publish(ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
			{Term: "2026-2027-1", Start: "2026-09-07", End: "2027-01-17"}, {Term: "2026-2027-2", Start: "2027-02-22", End: "2027-07-11"}}})
		w.publish(notice("关于开展主题党日活动的通知"))
		task := w.publish(ChannelBody{Kind: data.ChannelTask, Title: "民主评议党员", Text: "1月10日前完成民主评议并上报", Deadline: "2027-01-10"})
		if task.Body.TaskID != "T4" || task.Index.Seq != 4 {
			t.Fatalf("the task's id and seq: %q %d", task.Body.TaskID, task.Index.Seq)
		}
		if cal, err := w.committee.TermCalendar(); err != nil || len(cal) != 2 {
			t.Fatalf("the committee's calendar after publishing it: %v %v", cal, err)
		}

		for _, o := range []*org{a, b} {
			res := o.push(t)
			if res.ChannelErr != nil || len(res.Channel.New) != 4 {
				t.Fatalf("%s: the sync took %d objects: %v", o.name, len(res.Channel.New), res.ChannelErr)
			}
		}
		set, err := a.store.RuleSettings(w.ctx)
		if err != nil || set.TrainingHours != 40 || set.EvalPassScore != 75 {
			t.Fatalf("the organization's settings after the committee's thresholds: %+v %v", set, err)
		}
		if err := a.store.SetSetting(w.ctx, "train.hours", "20"); !errors.Is(err, data.ErrSetByCommittee) {
			t.Fatalf("changing a threshold the committee set: %v", err)
		}
		if cal, err := Calendar(w.ctx, a.store); err != nil || len(cal) != 2 || cal[0].Start != "2026-09-07" {
			t.Fatalf("the organization's calendar: %v %v", cal, err)
		}
		notices, err := a.store.CommitteeNotices(w.ctx)
		if err != nil || len(notices) != 2 || notices[0].TaskID != "T4" || notices[0].Deadline.String() != "2027-01-10" {
			t.Fatalf("notices: %+v %v", notices, err)
		}
		if _, err := a.store.MarkTaskDone(w.ctx, "T4", "已完成并上报", "评议结果.pdf", []byte("%PDF-1.4 评议结果")); err != nil {
			t.Fatal(err)
		}
		if res := a.push(t); res.Unchanged || len(res.Channel.New) != 0 {
			t.Fatalf("the push after marking the task: unchanged %v, new objects %d", res.Unchanged, len(res.Channel.New))
		}

		rep, out := w.consolidate()
		for _, o := range rep.Orgs {
			if o.Status != StatusAccepted {
				t.Fatalf("%s: %s %s", o.Name, o.Status, o.Reason)
			}
		}
		merged, err := data.OpenReadOnly(w.ctx, out)
		if err != nil {
			t.Fatal(err)
		}
		defer merged.Close()
		progress, err := w.committee.TaskProgress(w.ctx, merged)
		if err != nil {
			t.Fatal(err)
		}
		if len(progress) != 1 || len(progress[0].Done) != 1 || len(progress[0].NotDone) != 1 {
			t.Fatalf("task progress: %+v", progress)
		}
		done, notDone := progress[0].Done[0], progress[0].NotDone[0]
		if done.OrgName != a.name || done.Note != "已完成并上报" || len(done.Attachments) != 1 || notDone.OrgName != b.name {
			t.Fatalf("done by %s (%q, %d files), not done by %s", done.OrgName, done.Note, len(done.Attachments), notDone.OrgName)
		}
		content, err := merged.Blob(w.ctx, done.Attachments[0].SHA256)
		if err != nil || string(content) != "%PDF-1.4 评议结果" {
			t.Fatalf("the file sent with the completion: %q %v", content, err)
		}
		// The organization's settings in the consolidated database are the
		// committee's thresholds from the one push that took them: the
		// channel is read before the snapshot is taken.
		per, err := merged.RuleSettingsOf(w.ctx, b.store.Org().ID)
		if err != nil || per.TrainingHours != 40 {
			t.Fatalf("the per-organization settings in the consolidated database: %v %v", per.TrainingHours, err)
		}
	})
}

// An organization's access key reads the committee's channel and cannot
// write there, on the real server as in memory.
func TestOrgCannotWriteTheChannel(t *testing.T) {
	eachWorld(t, func(t *testing.T, w *world) {
		a := w.newOrg("甲学院党委", 0, 0)
		w.publish(notice("通知"))
		asA := w.asOrg(a)
		for _, key := range []string{channelIndexKey(2), channelBodyKey(2), "committee/channel/other.json", rebaseNoticeKey(a.store.Org().ID, 5)} {
			if err := asA.Put(w.ctx, key, bytes.NewReader([]byte("{}")), 2); !errors.Is(err, ErrAccessDenied) {
				t.Errorf("the organization wrote %s: %v", key, err)
			}
		}
		if keys, err := asA.List(w.ctx, channelIndexPrefix); err != nil || len(keys) != 1 {
			t.Fatalf("the organization lists the channel: %v %v", keys, err)
		}
		if _, err := readObject(asA, channelBodyKey(1)); err != nil {
			t.Fatalf("the organization reads a body: %v", err)
		}
		if res, err := a.fetch(w.ctx); err != nil || len(res.New) != 1 {
			t.Fatalf("fetch: %+v %v", res, err)
		}
	})
}

// signIndex signs x with the committee's key as Publish would.
func (w *world) signIndex(x ChannelIndex) []byte {
	w.t.Helper()
	key, err := w.committee.unlockSigningKey(testPass)
	if err != nil {
		w.t.Fatal(err)
	}
	b, err := x.seal(key)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

// Objects that are not the committee's valid next publication are
// refused with a Chinese reason and change nothing; what was received
// stays in force, and a valid publication after a refused one is taken.
func TestChannelRefusesTamperedObjects(t *testing.T) {
	other := newWorld(t) // another committee: another signing key
	other.publish(notice("伪造的通知"))
	otherIndex, _ := readObject(other.mem, channelIndexKey(1))
	otherBody, _ := readObject(other.mem, channelBodyKey(1))

	cases := []struct {
		name string
		// spoil changes the bucket after the organization received
		// publications 1 and 2 (thresholds, then a notice) and the
		// committee published 3.
		spoil func(w *world, p2, p3 Publication)
		// seq is the one refused, and reason what its refusal says.
		seq    uint64
		reason string
	}{
		{"tampered body", func(w *world, _, p3 Publication) {
			b, _ := p3.Body.encode()
			w.replace(channelBodyKey(3), bytes.Replace(b, []byte("第三份"), []byte("第四份"), 1))
		}, 3, "正文已被改动"},
		{"unsigned index", func(w *world, _, _ Publication) {
			raw, _ := readObject(w.mem, channelIndexKey(3))
			x, _ := ParseChannelIndex([]byte(raw))
			x.Signature = ""
			b, _ := x.signedBytes()
			w.replace(channelIndexKey(3), b[len(channelSigningContext):])
		}, 3, "没有签名"},
		{"signed with another key", func(w *world, _, _ Publication) {
			w.replace(channelIndexKey(3), []byte(otherIndex))
			w.replace(channelBodyKey(3), []byte(otherBody))
		}, 3, "签名无效"},
		{"junk", func(w *world, _, _ Publication) {
			w.replace(channelIndexKey(3), []byte("not json"))
		}, 3, "索引格式错误"},
		{"an earlier index under a new seq", func(w *world, _, _ Publication) {
			raw, _ := readObject(w.mem, channelIndexKey(1))
			w.replace(channelIndexKey(3), []byte(raw))
		}, 3, "重放"},
		{"another object under a seq received", func(w *world, p2, _ Publication) {
			b, _ := notice("第二份(改)").encode()
			w.replace(channelBodyKey(2), b)
			w.replace(channelIndexKey(2), w.signIndex(ChannelIndex{Format: ChannelIndexFormat, Seq: 2, Prev: p2.Index.Prev,
				CreatedAt: p2.Index.CreatedAt, Kind: data.ChannelNotice, BodySHA256: sha256Hex(b), BodySize: int64(len(b))}))
			w.mem.Delete(channelIndexKey(3))
		}, 2, "重放"},
		{"rollback", func(w *world, _, _ Publication) {
			for _, seq := range []uint64{2, 3} {
				w.mem.Delete(channelIndexKey(seq))
			}
		}, 2, "回滚"},
		{"fork", func(w *world, p2, p3 Publication) {
			b, _ := notice("分叉的通知").encode()
			w.replace(channelBodyKey(3), b)
			w.replace(channelIndexKey(3), w.signIndex(ChannelIndex{Format: ChannelIndexFormat, Seq: 3, Prev: p2.Index.Prev,
				CreatedAt: p3.Index.CreatedAt, Kind: data.ChannelNotice, BodySHA256: sha256Hex(b), BodySize: int64(len(b))}))
		}, 3, "分叉"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			o := w.newOrg("甲学院党委", 0, 0)
			w.publish(ChannelBody{Kind: data.ChannelThresholds, Year: 2027, Thresholds: map[string]string{"train.hours": "40"}})
			p2 := w.publish(notice("第二份"))
			if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 2 {
				t.Fatalf("first fetch: %+v %v", res, err)
			}
			p3 := w.publish(notice("第三份"))
			before := o.received(t)
			tc.spoil(w, p2, p3)

			res, err := o.fetch(w.ctx)
			if !errors.Is(err, ErrChannelRefused) {
				t.Fatalf("fetch: %v; want a refusal", err)
			}
			if len(res.Refused) != 1 || res.Refused[0].Seq != tc.seq || !strings.Contains(res.Refused[0].Reason, tc.reason) {
				t.Fatalf("refused %+v; want seq %d with %q", res.Refused, tc.seq, tc.reason)
			}
			if !strings.Contains(err.Error(), "已收到的内容继续有效") {
				t.Errorf("the message does not say what stays in force: %v", err)
			}
			if got := o.received(t); strings.Join(got, "|") != strings.Join(before, "|") {
				t.Fatalf("the refusal changed what was received: %v, was %v", got, before)
			}
			if set, _ := o.store.RuleSettings(w.ctx); set.TrainingHours != 40 {
				t.Fatalf("the thresholds received before are no longer in force: %v", set.TrainingHours)
			}
			st, _ := LoadState(StatePath(o.store.Path()))
			if !strings.Contains(st.ChannelError, tc.reason) {
				t.Errorf("the state does not tell the refusal: %q", st.ChannelError)
			}
			// A valid publication that follows what was received is still
			// taken after the refused one.
			b, _ := notice("第四份").encode()
			w.put(channelBodyKey(4), b)
			w.put(channelIndexKey(4), w.signIndex(ChannelIndex{Format: ChannelIndexFormat, Seq: 4, Prev: p2.IndexSHA256,
				CreatedAt: p3.Index.CreatedAt, Kind: data.ChannelNotice, BodySHA256: sha256Hex(b), BodySize: int64(len(b))}))
			res, _ = o.fetch(w.ctx)
			if len(res.New) != 1 || res.New[0].Title != "第四份" {
				t.Fatalf("the valid publication after the refused one: %+v", res)
			}
		})
	}
}

// An organization that joined with an enrollment file made before the
// committee had a signing key is told to get a new one; its pushes go on.
func TestOldEnrollmentWithoutTheCommitteeKey(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("通知"))
	old := o.enrolment
	old.CommitteeSigningKey = ""
	if err := Join(o.store.Path(), old, o.store.Org().ID); err != nil {
		t.Fatalf("joining with an enrollment file without the key: %v", err)
	}
	res := o.push(t)
	if res.Seq != 1 || !errors.Is(res.ChannelErr, ErrNoCommitteeKey) || !strings.Contains(res.ChannelErr.Error(), "新的登记文件") {
		t.Fatalf("push: seq %d, channel: %v", res.Seq, res.ChannelErr)
	}
	st, _ := LoadState(StatePath(o.store.Path()))
	if st.LastError != "" || !strings.Contains(st.ChannelError, "新的登记文件") {
		t.Fatalf("state: last error %q, channel error %q", st.LastError, st.ChannelError)
	}
	if len(o.received(t)) != 0 {
		t.Fatal("something was taken without the key to check it")
	}
	if err := Join(o.store.Path(), o.enrolment, o.store.Org().ID); err != nil {
		t.Fatal(err)
	}
	if res := o.push(t); res.ChannelErr != nil || len(res.Channel.New) != 1 {
		t.Fatalf("after the new enrollment: %+v %v", res.Channel, res.ChannelErr)
	}
}

// A committee folder made before the channel gets its signing key at its
// first publication, encrypted with its passphrase; enrollments made then
// carry it.
func TestFirstPublicationMakesTheSigningKey(t *testing.T) {
	w := newWorld(t)
	dir := w.committee.Dir
	os.Remove(filepath.Join(dir, committeeSigningFile))
	cfg := w.committee.Config
	cfg.SigningKey = ""
	if err := writeJSON(filepath.Join(dir, committeeConfigFile), cfg, true); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCommittee(dir)
	if err != nil || c.SigningKey() != "" {
		t.Fatalf("an old folder: %v %q", err, c.SigningKey())
	}
	w.committee = c
	o := w.newOrg("甲学院党委", 0, 0)
	if o.enrolment.CommitteeSigningKey != "" {
		t.Fatal("an enrollment names a key the committee does not have")
	}
	_, err = c.Publish(w.ctx, notice("通知"), PublishOptions{Passphrase: "另一个口令-wrong", Backend: w.mem, Now: time.Now()})
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a wrong passphrase: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, committeeSigningFile)); err == nil {
		t.Fatal("a wrong passphrase made a signing key")
	}
	w.publish(notice("通知"))
	c2, _ := OpenCommittee(dir)
	if c2.SigningKey() == "" || c2.SigningKey() != c.SigningKey() {
		t.Fatalf("the new key is not recorded: %q %q", c2.SigningKey(), c.SigningKey())
	}
	e, err := c2.Enroll(o.keys.Public, o.access, o.secret, time.Now())
	if err != nil || e.CommitteeSigningKey != c2.SigningKey() {
		t.Fatalf("enrolling again: %q %v", e.CommitteeSigningKey, err)
	}
	if err := Join(o.store.Path(), e, o.store.Org().ID); err != nil {
		t.Fatal(err)
	}
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 1 {
		t.Fatalf("fetch with the new enrollment: %+v %v", res, err)
	}
}

// What the organizations would refuse is not published: nothing reaches
// the bucket.
func TestPublishRefusesInvalidBodies(t *testing.T) {
	cases := []struct {
		name   string
		body   ChannelBody
		reason string
	}{
		{"unknown threshold", ChannelBody{Kind: data.ChannelThresholds, Year: 2027, Thresholds: map[string]string{"no.such": "1"}}, "未知的设置项"},
		{"threshold out of range", ChannelBody{Kind: data.ChannelThresholds, Year: 2027, Thresholds: map[string]string{"train.hours": "-3"}}, "考核标准无效"},
		{"no year", ChannelBody{Kind: data.ChannelThresholds, Thresholds: map[string]string{"train.hours": "30"}}, "年度"},
		{"overlapping terms", ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
			{Term: "2026-2027-1", Start: "2026-09-01", End: "2027-02-10"}, {Term: "2026-2027-2", Start: "2027-02-01", End: "2027-07-01"}}}, "重叠"},
		{"empty calendar", ChannelBody{Kind: data.ChannelCalendar}, "没有任何学期"},
		{"autumn term in another year", ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
			{Term: "2026-2027-1", Start: "2020-09-07", End: "2021-01-17"}}}, "2026-2027-1（2026—2027学年第一学期）的日期应在2026-07-01到2027-03-31之间"},
		{"spring term on autumn's days", ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
			{Term: "2026-2027-2", Start: "2026-09-07", End: "2027-01-17"}}}, "的日期应在2027-01-01到2027-09-30之间"},
		{"term running into the next year", ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
			{Term: "2026-2027-2", Start: "2027-02-22", End: "2027-12-31"}}}, "的日期应在2027-01-01到2027-09-30之间"},
		{"notice without title", ChannelBody{Kind: data.ChannelNotice, Text: "内容"}, "缺少标题"},
		{"bad deadline", ChannelBody{Kind: data.ChannelTask, Title: "任务", Deadline: "2027-1-10"}, "截止日期"},
		{"bad task id", ChannelBody{Kind: data.ChannelTask, TaskID: "任务一", Title: "任务"}, "任务编号无效"},
		{"unknown kind", ChannelBody{Kind: "poll", Title: "投票"}, "未知的类别"},
		{"control character", ChannelBody{Kind: data.ChannelNotice, Title: "通知\x07"}, "控制字符"},
	}
	w := newWorld(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.committee.Publish(w.ctx, tc.body, PublishOptions{Passphrase: testPass, Backend: w.mem, Now: time.Now()})
			if err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("publish: %v; want %q", err, tc.reason)
			}
			if w.mem.Len() != 0 {
				t.Fatalf("the bucket holds %d objects", w.mem.Len())
			}
		})
	}
}

// A publication that fails after its body leaves no visible object; the
// next one takes a free seq and follows the last published, and the
// organizations take it.
func TestHalfFailedPublication(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	fault := &Fault{Op: OpPut, Key: "committee/channel/index/*", Err: ErrUnreachable}
	faulty := NewFaultyBackend(w.mem, fault)
	_, err := w.committee.Publish(w.ctx, notice("失败的"), PublishOptions{Passphrase: testPass, Backend: faulty, Now: time.Now()})
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("publish: %v", err)
	}
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 1 || len(res.Refused) != 0 {
		t.Fatalf("fetch after the failure: %+v %v", res, err)
	}
	p := w.publish(notice("第二份"))
	if p.Index.Seq != 3 {
		t.Fatalf("the next publication took seq %d, want 3 (2 has a body)", p.Index.Seq)
	}
	res, err := o.fetch(w.ctx)
	if err != nil || len(res.New) != 1 || res.New[0].Title != "第二份" {
		t.Fatalf("fetch: %+v %v", res, err)
	}
	pubs, err := w.committee.Publications()
	if err != nil || len(pubs) != 2 || pubs[1].Index.Prev != pubs[0].IndexSHA256 {
		t.Fatalf("the committee's record: %+v %v", pubs, err)
	}
}

// A publication whose record in the committee's folder was not written
// (the program killed after the index) is found in the bucket and
// followed; a publication missing from the bucket is put back from the
// folder's copy.
func TestPublishFollowsTheBucket(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	p2 := w.publish(notice("第二份"))
	stateFile := filepath.Join(w.committee.Dir, channelDir, channelStateFile)
	if err := writeJSON(stateFile, channelState{LastSeq: 1, LastSHA256: p2.Index.Prev}, true); err != nil {
		t.Fatal(err)
	}
	p3 := w.publish(notice("第三份"))
	if p3.Index.Seq != 3 || p3.Index.Prev != p2.IndexSHA256 {
		t.Fatalf("publication 3 follows %s, want publication 2", p3.Index.Prev)
	}
	w.mem.Delete(channelIndexKey(3))
	w.publish(notice("第四份"))
	res, err := o.fetch(w.ctx)
	if err != nil || len(res.New) != 4 {
		t.Fatalf("fetch: %d new, %v", len(res.New), err)
	}
}

// A fetch waits for no push: while one runs (it reads the channel itself),
// a fetch of the same database is refused and changes nothing.
func TestFetchWhilePushRuns(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("通知"))
	l, err := lockPush(o.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.fetch(w.ctx); !errors.Is(err, ErrPushRunning) {
		t.Fatalf("fetch during a push: %v", err)
	}
	l.Unlock()
	if len(o.received(t)) != 0 {
		t.Fatal("a refused fetch stored something")
	}
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 1 {
		t.Fatalf("fetch after the push: %+v %v", res, err)
	}
}

// The committee does not publish on top of its last publication when the
// bucket holds another body for it (the organizations refuse that one and
// every later one); a body gone missing is put back.
func TestPublishChecksTheLastBody(t *testing.T) {
	w := newWorld(t)
	o := w.newOrg("甲学院党委", 0, 0)
	w.publish(notice("第一份"))
	w.remove(channelBodyKey(1))
	w.publish(notice("第二份"))
	if res, err := o.fetch(w.ctx); err != nil || len(res.New) != 2 {
		t.Fatalf("fetch after the body was put back: %+v %v", res, err)
	}
	b, _ := notice("第二份(改)").encode()
	w.replace(channelBodyKey(2), b)
	_, err := w.committee.Publish(w.ctx, notice("第三份"), PublishOptions{Passphrase: testPass, Backend: w.mem, Now: time.Now()})
	if err == nil || !strings.Contains(err.Error(), "第2号正文已被改动") {
		t.Fatalf("publishing over a changed body: %v", err)
	}
	if keys, _ := w.mem.List(w.ctx, channelIndexPrefix); len(keys) != 2 {
		t.Fatalf("the refused publication left objects: %v", keys)
	}
}
