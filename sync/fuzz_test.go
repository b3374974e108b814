package snapshot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"

	"dangjian/data"
)

// fuzzIdentity is the fixed identity FuzzOpenSnapshot decrypts with, so
// that a failing input found once fails again.
const fuzzIdentity = "AGE-SECRET-KEY-19CPTYT7XCWQNZNH76M44KUVW2JYFZ2ESTTDQEUGW5L9P8MPVHLCQCYTQEY"

// fuzzLimit is the plaintext limit of FuzzOpenSnapshot.
const fuzzLimit = 1 << 20

func fuzzID(t testing.TB) *age.X25519Identity {
	t.Helper()
	id, err := age.ParseX25519Identity(fuzzIdentity)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// fuzzSnapshot is a real snapshot of a new organization, as bytes.
func fuzzSnapshot(f *testing.F) []byte {
	f.Helper()
	ctx := context.Background()
	dir := f.TempDir()
	s, err := data.Create(ctx, filepath.Join(dir, "org.db"), "模糊测试党委", "MH")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if err := s.Branches.Create(ctx, &data.Branch{Name: "第一党支部", Type: "教工"}); err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(dir, "org.snapshot")
	if err := s.Snapshot(ctx, path); err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

func fuzzSeal(f *testing.F, plain []byte, to ...age.Recipient) []byte {
	f.Helper()
	var buf bytes.Buffer
	if _, _, err := seal(context.Background(), bytes.NewReader(plain), &buf, to...); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzParseManifest(f *testing.F) {
	k := mtKeys(f, "模糊测试党委")
	body := mtSeal(f, mtManifest(k), k)
	f.Add(body)
	first := mtManifest(k)
	first.Seq, first.Prev = 1, ""
	f.Add(mtSeal(f, first, k))
	f.Add([]byte("{}"))
	f.Add([]byte(`{"format":"dangjian-snapshot/1","seq":1}`))
	f.Add([]byte("\x00\xff垃圾 garbage ]}"))
	f.Add(append(bytes.Clone(body), "}"...))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest(b)
		if err != nil {
			return
		}
		_ = m.Verify(k.Public)
		// What parses, encoded again, parses to a manifest that signs the
		// same bytes: Verify does not depend on how the object was written.
		again, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("a parsed manifest does not encode: %v", err)
		}
		m2, err := ParseManifest(again)
		if err != nil {
			t.Fatalf("a parsed manifest, encoded again, does not parse: %v\n%s", err, again)
		}
		s1, err1 := m.signedBytes()
		s2, err2 := m2.signedBytes()
		if err1 != nil || err2 != nil || !bytes.Equal(s1, s2) {
			t.Fatalf("signed bytes differ after a round trip:\n%s\n%s", s1, s2)
		}
	})
}

func FuzzParseEnrollment(f *testing.F) {
	id := fuzzID(f)
	valid, err := json.Marshal(Enrollment{Format: enrollmentFormat, Endpoint: "http://127.0.0.1:9000", Bucket: "dangjian",
		AccessKey: "org-abc", SecretKey: "secret", CommitteeRecipient: id.Recipient().String(),
		OrgID: "0190a000-0000-7000-8000-00000000000a", OrgName: "模糊测试党委"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(bytes.Replace(valid, []byte("http://"), []byte("https://"), 1))
	f.Add([]byte("{}"))
	f.Add([]byte(`{"format":"dangjian-enrollment/1","endpoint":"http://[::1]:9000/x"}`))
	f.Add([]byte("\x00垃圾"))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := ParseEnrollment(b)
		if err != nil {
			return
		}
		if err := e.validate(); err != nil {
			t.Fatalf("a parsed enrollment does not validate: %v", err)
		}
		again, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		e2, err := ParseEnrollment(again)
		if err != nil || e2 != e {
			t.Fatalf("round trip: %+v, %v; want %+v", e2, err, e)
		}
	})
}

func FuzzParsePublicKeys(f *testing.F) {
	k := mtKeys(f, "模糊测试党委")
	valid, err := json.Marshal(k.Public)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add([]byte("{}"))
	f.Add([]byte(`{"org_id":"0190a000-0000-7000-8000-00000000000a","org_name":" ","age_recipient":"age1","signing_key":"AAAA"}`))
	f.Add([]byte("\x00垃圾"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePublicKeys(b)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("parsed public keys do not validate: %v", err)
		}
		again, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		p2, err := ParsePublicKeys(again)
		if err != nil || p2 != p {
			t.Fatalf("round trip: %+v, %v; want %+v", p2, err, p)
		}
	})
}

// FuzzOpenSnapshot is what the committee does with a downloaded snapshot:
// unseal it with its identity into a file, then inspect the database.
func FuzzOpenSnapshot(f *testing.F) {
	id := fuzzID(f)
	other, err := age.GenerateX25519Identity()
	if err != nil {
		f.Fatal(err)
	}
	snap := fuzzSnapshot(f)
	if len(snap) > fuzzLimit {
		f.Fatalf("test setup: a new organization's snapshot is %d bytes", len(snap))
	}
	sealed := fuzzSeal(f, snap, id.Recipient())
	// The real seed goes all the way: it unseals and inspects as ours.
	plainPath := filepath.Join(f.TempDir(), "seed.db")
	var plain bytes.Buffer
	if _, _, err := unseal(context.Background(), bytes.NewReader(sealed), &plain, id, fuzzLimit); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(plainPath, plain.Bytes(), 0o600); err != nil {
		f.Fatal(err)
	}
	if info, err := data.InspectSnapshot(context.Background(), plainPath); err != nil || info.OrgName != "模糊测试党委" {
		f.Fatalf("the seed snapshot: %+v, %v", info, err)
	}
	f.Add(sealed)
	f.Add(fuzzSeal(f, snap, other.Recipient(), id.Recipient()))
	f.Add(fuzzSeal(f, snap, other.Recipient()))
	f.Add(fuzzSeal(f, []byte("SQLite format 3\x00 not really"), id.Recipient()))
	f.Add(fuzzSeal(f, bytes.Repeat([]byte{0}, 2*fuzzLimit), id.Recipient()))
	f.Add([]byte("age-encryption.org/v1\n"))
	f.Add([]byte("垃圾"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "snapshot.db")
		out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		_, n, err := unseal(ctx, bytes.NewReader(b), out, id, fuzzLimit)
		if cerr := out.Close(); cerr != nil {
			t.Fatal(cerr)
		}
		if fi, serr := os.Stat(path); serr != nil || fi.Size() > fuzzLimit+1 {
			t.Fatalf("unseal wrote %d bytes over a limit of %d (%v)", fi.Size(), fuzzLimit, serr)
		}
		if err != nil {
			if !errors.Is(err, ErrNotForUs) && !errors.Is(err, ErrDecrypt) && !errors.Is(err, ErrDecompress) {
				t.Fatalf("unseal failed with an unclassified error: %v", err)
			}
			return
		}
		if n > fuzzLimit {
			t.Fatalf("unseal returned %d bytes over a limit of %d", n, fuzzLimit)
		}
		inspectUnchanged(t, ctx, path)
	})
}

// FuzzInspectSnapshot gives InspectSnapshot damaged databases, which
// FuzzOpenSnapshot rarely reaches through authenticated encryption: a real
// snapshot with patch written over it at off (and cut there when cut is
// set), or patch alone when whole is set. Small inputs keep the fuzzer fast
// on a file of some hundred KiB.
func FuzzInspectSnapshot(f *testing.F) {
	base := fuzzSnapshot(f)
	f.Add(uint32(0), []byte{}, false, false)
	f.Add(uint32(16), []byte{0x02, 0x00}, false, false)             // page size
	f.Add(uint32(28), []byte{0xff, 0xff, 0xff, 0xff}, false, false) // page count
	f.Add(uint32(60), []byte{0, 0, 0, 9}, false, false)             // user_version
	f.Add(uint32(4096), bytes.Repeat([]byte{0xa5}, 64), false, false)
	f.Add(uint32(len(base)/2), []byte("垃圾"), false, false)
	f.Add(uint32(len(base)/2), []byte{}, true, false)
	f.Add(uint32(0), []byte("SQLite format 3\x00"), false, true)
	f.Fuzz(func(t *testing.T, off uint32, patch []byte, cut, whole bool) {
		var b []byte
		if whole {
			b = patch
		} else {
			b = bytes.Clone(base)
			at := int(off % uint32(len(b)))
			n := copy(b[at:], patch)
			if cut {
				b = b[:at+n]
			}
		}
		path := filepath.Join(t.TempDir(), "snapshot.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		inspectUnchanged(t, context.Background(), path)
	})
}

// inspectUnchanged inspects the file at path, which must stay as it is,
// with nothing new beside it.
func inspectUnchanged(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, _ = data.InspectSnapshot(ctx, path)
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("InspectSnapshot changed the file (%v)", err)
	}
	if left, _ := filepath.Glob(path + "?*"); len(left) != 0 {
		t.Fatalf("InspectSnapshot left %v", left)
	}
}
