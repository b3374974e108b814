package snapshot

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"dangjian/data"
)

// A publication signed by the committee that this build cannot read (a
// kind, or a body format, of a newer release) is refused as needing an
// upgrade, not as tampering, once, and nothing after it is read; an index
// of an unknown kind whose signature does not hold is not taken for a
// newer release.
func TestChannelPublicationOfANewerRelease(t *testing.T) {
	cases := []struct {
		name    string
		kind    data.ChannelKind
		body    string
		signed  bool
		reason  string
		refused int
	}{
		{"a new kind", "poll", `{"format":"dangjian-committee-body/1","kind":"poll","title":"问卷"}`, true,
			"党委使用的程序版本较新(本程序不认识第2号的类别“poll”),请升级本程序", 1},
		{"a new body format", data.ChannelNotice, `{"format":"dangjian-committee-body/2","kind":"notice","title":"通知","level":"紧急"}`, true,
			"党委使用的程序版本较新(本程序不认识第2号正文的格式“dangjian-committee-body/2”)", 1},
		{"a new kind, not signed", "poll", `{"format":"dangjian-committee-body/1","kind":"poll","title":"问卷"}`, false,
			"未知的类别", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			o := w.newOrg("甲学院党委", 0, 0)
			p1 := w.publish(notice("第一份"))
			if _, err := o.fetch(w.ctx); err != nil {
				t.Fatal(err)
			}
			b := []byte(tc.body)
			x := ChannelIndex{Format: ChannelIndexFormat, Seq: 2, Prev: p1.IndexSHA256, CreatedAt: p1.Index.CreatedAt,
				Kind: tc.kind, BodySHA256: sha256Hex(b), BodySize: int64(len(b))}
			index := w.signIndex(x)
			if !tc.signed {
				var m map[string]any
				json.Unmarshal(index, &m)
				m["body_size"] = len(b) + 1
				index, _ = json.Marshal(m)
			}
			w.put(channelBodyKey(2), b)
			w.put(channelIndexKey(2), index)
			b3, _ := notice("第三份").encode()
			w.put(channelBodyKey(3), b3)
			w.put(channelIndexKey(3), w.signIndex(ChannelIndex{Format: ChannelIndexFormat, Seq: 3, Prev: sha256Hex(index),
				CreatedAt: p1.Index.CreatedAt, Kind: data.ChannelNotice, BodySHA256: sha256Hex(b3), BodySize: int64(len(b3))}))

			res, err := o.fetch(w.ctx)
			if !errors.Is(err, ErrChannelRefused) || len(res.New) != 0 || len(res.Refused) != tc.refused ||
				res.Refused[0].Seq != 2 || !strings.Contains(res.Refused[0].Reason, tc.reason) {
				t.Fatalf("fetch: %+v %v; want seq 2 refused with %q", res, err, tc.reason)
			}
			if !tc.signed && strings.Contains(err.Error(), "版本较新") {
				t.Fatalf("an unsigned object taken for a newer release: %v", err)
			}
			if got := o.received(t); len(got) != 1 {
				t.Fatalf("received %v", got)
			}
		})
	}
}
