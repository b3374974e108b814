package snapshot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"dangjian/data"
)

// fuzzChannelKey is a fixed signing key, so that a failing input found
// once fails again.
var fuzzChannelKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// fuzzPublication is a valid publication of body, signed with
// fuzzChannelKey: its index and body objects.
func fuzzPublication(f *testing.F, seq uint64, prev string, body ChannelBody) (index, raw []byte) {
	f.Helper()
	body.Format = ChannelBodyFormat
	raw, err := body.encode()
	if err != nil {
		f.Fatal(err)
	}
	x := ChannelIndex{Format: ChannelIndexFormat, Seq: seq, Prev: prev, CreatedAt: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC),
		Kind: body.Kind, BodySHA256: sha256Hex(raw), BodySize: int64(len(raw))}
	index, err = x.seal(fuzzChannelKey)
	if err != nil {
		f.Fatal(err)
	}
	return index, raw
}

// FuzzChannelObject feeds the committee's object parsers (the index and
// the body an organization downloads) arbitrary bytes: they never panic,
// what parses encodes and parses again to the same value that signs the
// same bytes, and a verified index with a matching body makes a row the
// organization's database accepts.
func FuzzChannelObject(f *testing.F) {
	pub := publicSigningKey(fuzzChannelKey)
	i1, b1 := fuzzPublication(f, 1, "", ChannelBody{Kind: data.ChannelThresholds, Year: 2027,
		Thresholds: map[string]string{"train.hours": "40", "appraise.excellent_max": "1/3"}})
	f.Add(i1, b1)
	i2, b2 := fuzzPublication(f, 2, sha256Hex(i1), ChannelBody{Kind: data.ChannelCalendar, Calendar: []TermSpan{
		{Term: "2026-2027-1", Start: "2026-09-01", End: "2027-01-20"}}})
	f.Add(i2, b2)
	i3, b3 := fuzzPublication(f, 3, sha256Hex(i2), ChannelBody{Kind: data.ChannelTask, TaskID: "T3", Title: "民主评议",
		Text: "1月10日前完成民主评议并上报", Deadline: "2027-01-10"})
	f.Add(i3, b3)
	f.Add(i3, b2)
	f.Add([]byte("{}"), []byte("{}"))
	f.Add([]byte(`{"format":"dangjian-committee-index/1","seq":1}`), []byte(`{"format":"dangjian-committee-body/1","kind":"notice"}`))
	f.Add([]byte("\x00\xff垃圾 ]}"), append(bytes.Clone(b3), '}'))
	f.Fuzz(func(t *testing.T, index, body []byte) {
		x, xerr := ParseChannelIndex(index)
		if xerr == nil {
			verified := x.Verify(pub) == nil
			again, err := json.Marshal(x)
			if err != nil {
				t.Fatalf("a parsed index does not encode: %v", err)
			}
			x2, err := ParseChannelIndex(again)
			if err != nil {
				t.Fatalf("a parsed index, encoded again, does not parse: %v\n%s", err, again)
			}
			s1, _ := x.signedBytes()
			s2, _ := x2.signedBytes()
			if !bytes.Equal(s1, s2) || (x2.Verify(pub) == nil) != verified {
				t.Fatalf("the index signs other bytes after a round trip:\n%s\n%s", s1, s2)
			}
		}
		b, berr := ParseChannelBody(body)
		if berr != nil {
			return
		}
		again, err := b.encode()
		if err != nil {
			t.Fatal(err)
		}
		b2, err := ParseChannelBody(again)
		if err != nil || !reflect.DeepEqual(b, b2) {
			t.Fatalf("a parsed body, encoded again: %+v, %v; want %+v", b2, err, b)
		}
		if xerr != nil || x.Verify(pub) != nil || x.Kind != b.Kind || sha256Hex(body) != x.BodySHA256 {
			return
		}
		o := x.object(index, body, b)
		if o.Kind == data.ChannelThresholds {
			if _, err := o.ThresholdValues(); err != nil {
				t.Fatalf("a verified thresholds object the database refuses: %v", err)
			}
		}
		if o.Kind == data.ChannelTask && o.TaskID == "" {
			t.Fatal("a verified task without an id")
		}
	})
}
