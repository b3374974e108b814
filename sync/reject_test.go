package snapshot

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	_ "github.com/mattn/go-sqlite3"
)

// object reads an object with root credentials.
func (w *world) object(key string) []byte {
	w.t.Helper()
	r, err := w.root().Get(w.ctx, key)
	if err != nil {
		w.t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

// replace overwrites an object with root credentials, as an attacker with
// write access to the bucket (or a broken disk) would.
func (w *world) replace(key string, body []byte) {
	w.t.Helper()
	w.remove(key)
	w.put(key, body)
}

func (w *world) put(key string, body []byte) {
	w.t.Helper()
	if err := w.root().Put(w.ctx, key, bytes.NewReader(body), int64(len(body))); err != nil {
		w.t.Fatal(err)
	}
}

// remove deletes an object, as the server's administrator can.
func (w *world) remove(key string) {
	w.t.Helper()
	if w.mem != nil {
		if err := w.mem.Delete(key); err != nil {
			w.t.Fatal(err)
		}
		return
	}
	if _, err := srv.MC(w.ctx, "rm", "test/"+w.bucket+"/"+key); err != nil {
		w.t.Fatal(err)
	}
}

// forge uploads a snapshot of o's database sealed to recipients with a
// manifest signed by signer, under seq, chained to prev.
func (w *world) forge(o *org, seq uint64, prev string, signer *Keys, recipients ...age.Recipient) {
	w.forgeEdited(o, seq, prev, "", signer, recipients...)
}

// forgeEdited is forge with the SQL edit applied to the snapshot before it
// is sealed and signed: what a rogue organization could upload.
func (w *world) forgeEdited(o *org, seq uint64, prev, edit string, signer *Keys, recipients ...age.Recipient) {
	t := w.t
	t.Helper()
	dir := t.TempDir()
	plain := filepath.Join(dir, "s.db")
	if err := o.store.Snapshot(w.ctx, plain); err != nil {
		t.Fatal(err)
	}
	if edit != "" {
		db, err := sql.Open("sqlite3", plain)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(edit); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	sealed := filepath.Join(dir, "s.age")
	sf, err := sealFile(w.ctx, plain, sealed, recipients...)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := os.ReadFile(sealed)
	id := o.store.Org().ID
	w.put(snapshotKey(id, seq), body)
	m := Manifest{Format: ManifestFormat, OrgID: id, OrgName: o.name, Seq: seq, Prev: prev,
		CreatedAt: time.Now().UTC().Truncate(time.Second), SchemaVersion: 1,
		PlainSHA256: sf.plainSum, PlainSize: sf.plainSize, CipherSHA256: sf.cipherSum, Size: sf.cipherSize}
	mb, err := m.seal(signer)
	if err != nil {
		t.Fatal(err)
	}
	w.put(manifestKey(id, seq), mb)
}

func (w *world) committeeRecipient() age.Recipient {
	r, err := age.ParseX25519Recipient(w.committee.Config.AgeRecipient)
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

// TestRejected tampers with what one organization uploaded and checks that
// the committee refuses it with its own reason, merges nothing of it (or
// only its last accepted snapshot), and still merges the other
// organization.
func TestRejected(t *testing.T) {
	cases := []struct {
		name string
		// accepted is how many pushes the committee accepts before the
		// tampering; 0 means it never saw the organization.
		accepted int
		tamper   func(t *testing.T, w *world, a, other *org)
		reason   string
	}{
		{"one flipped byte in the blob", 0, func(t *testing.T, w *world, a, _ *org) {
			key := snapshotKey(a.store.Org().ID, 1)
			body := w.object(key)
			body[len(body)/2] ^= 0x01
			w.replace(key, body)
		}, "密文校验和不符"},
		{"a truncated blob", 0, func(t *testing.T, w *world, a, _ *org) {
			key := snapshotKey(a.store.Org().ID, 1)
			body := w.object(key)
			w.replace(key, body[:len(body)-100])
		}, "大小不符"},
		{"a manifest signed by another organization's key", 1, func(t *testing.T, w *world, a, other *org) {
			a.change(t, "伪造")
			w.forge(a, 2, sha256Hex(w.object(manifestKey(a.store.Org().ID, 1))), other.keys, a.keys.Recipient(), w.committeeRecipient())
		}, "签名无效"},
		{"a manifest replayed under a new seq", 1, func(t *testing.T, w *world, a, _ *org) {
			id := a.store.Org().ID
			w.put(manifestKey(id, 2), w.object(manifestKey(id, 1)))
			w.put(snapshotKey(id, 2), w.object(snapshotKey(id, 1)))
		}, "重放"},
		{"a rollback to an older snapshot", 2, func(t *testing.T, w *world, a, _ *org) {
			id := a.store.Org().ID
			w.remove(manifestKey(id, 2))
		}, "回滚"},
		{"a fork: two manifests with the same prev", 2, func(t *testing.T, w *world, a, _ *org) {
			a.change(t, "分叉")
			first := sha256Hex(w.object(manifestKey(a.store.Org().ID, 1)))
			w.forge(a, 3, first, a.keys, a.keys.Recipient(), w.committeeRecipient())
		}, "分叉"},
		{"a snapshot not encrypted to the committee", 0, func(t *testing.T, w *world, a, _ *org) {
			w.forge(a, 1, "", a.keys, a.keys.Recipient())
		}, "无法用党委密钥解密"},
		{"a signed snapshot carrying another organization's rows", 1, func(t *testing.T, w *world, a, other *org) {
			a.change(t, "越权")
			edit := "UPDATE members SET org_id = '" + other.store.Org().ID + "' WHERE rowid = (SELECT min(rowid) FROM members)"
			w.forgeEdited(a, 2, sha256Hex(w.object(manifestKey(a.store.Org().ID, 1))), edit, a.keys, a.keys.Recipient(), w.committeeRecipient())
		}, "不属于该组织"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			a := w.newOrg("受测学院党委", 20, 5)
			other := w.newOrg("对照学院党委", 15, 6)
			other.push(t)
			for i := 0; i < tc.accepted; i++ {
				if i > 0 {
					a.change(t, string(rune('A'+i)))
				}
				a.push(t)
			}
			acceptedBranches := 0
			if tc.accepted > 0 {
				acceptedBranches, _ = a.store.Branches.Count(context.Background())
				if rep, _ := w.consolidate(); rep.of(a.store.Org().ID).Status != StatusAccepted {
					t.Fatalf("set-up snapshot not accepted: %+v", rep.of(a.store.Org().ID))
				}
			} else if !strings.Contains(tc.name, "not encrypted") {
				a.push(t)
			}
			tc.tamper(t, w, a, other)

			rep, path := w.consolidate()
			got := rep.of(a.store.Org().ID)
			if got.Status != StatusRejected || !strings.Contains(got.Reason, tc.reason) {
				t.Fatalf("want rejected for %q, got %+v", tc.reason, got)
			}
			if got.UsedSeq != uint64(tc.accepted) {
				t.Errorf("merged seq %d, want the last accepted %d", got.UsedSeq, tc.accepted)
			}
			if o := rep.of(other.store.Org().ID); o.Status != StatusAccepted {
				t.Errorf("the other organization: %+v", o)
			}
			merged := openMerged(t, path)
			n := countsOf(t, merged, a.store.Org().ID).members
			if want := 0; tc.accepted == 0 && n != want {
				t.Errorf("%d members of the rejected organization were merged", n)
			}
			if tc.accepted > 0 {
				branches, _ := merged.Branches.Count(context.Background(), dataWhereOrg(a))
				if branches != acceptedBranches {
					t.Errorf("merged has %d branches of A, the last accepted snapshot %d", branches, acceptedBranches)
				}
			}
			// The rejection is remembered for the GUI.
			views, _ := w.committee.Orgs()
			for _, v := range views {
				if v.Public.OrgID == a.store.Org().ID && (v.Status == nil || v.Status.Status != StatusRejected) {
					t.Errorf("status not recorded: %+v", v.Status)
				}
			}
		})
	}
}
