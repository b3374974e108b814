package snapshot

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/google/uuid"
)

// mtPass unlocks the key files of the manifest and key tests.
const mtPass = "清单测试-口令-passphrase"

// mtKeys creates the keys of a new organization named name.
func mtKeys(t testing.TB, name string) *Keys {
	t.Helper()
	k, err := CreateKeys(filepath.Join(t.TempDir(), name+".keys"), uuid.Must(uuid.NewV7()).String(), name, mtPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// mtManifest is a complete manifest of the organization of k.
func mtManifest(k *Keys) Manifest {
	return Manifest{
		Format: ManifestFormat, OrgID: k.Public.OrgID, OrgName: k.Public.OrgName, Seq: 3,
		Prev: sha256Hex([]byte("manifest 2")), CreatedAt: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
		SchemaVersion: 1, PlainSHA256: sha256Hex([]byte("plain")), PlainSize: 4 << 20,
		CipherSHA256: sha256Hex([]byte("cipher")), Size: 1 << 20,
	}
}

func mtSeal(t testing.TB, m Manifest, k *Keys) []byte {
	t.Helper()
	b, err := m.seal(k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mtEdit decodes a manifest object into a map, lets edit change it and
// encodes it again.
func mtEdit(t testing.TB, body []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealedManifestParsesAndVerifies(t *testing.T) {
	k := mtKeys(t, "组织甲")
	m := mtManifest(k)
	body := mtSeal(t, m, k)
	got, err := ParseManifest(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := got.Verify(k.Public); err != nil {
		t.Fatalf("Verify of an untouched manifest: %v", err)
	}
	sig := got.Signature
	got.Signature = ""
	if got != m {
		t.Fatalf("parsed %+v\nwant %+v", got, m)
	}
	if raw, _ := base64.StdEncoding.DecodeString(sig); len(raw) != 64 {
		t.Fatalf("signature of %d bytes", len(raw))
	}
	// The first manifest of a chain has no prev.
	m.Seq, m.Prev = 1, ""
	first, err := ParseManifest(mtSeal(t, m, k))
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Verify(k.Public); err != nil {
		t.Fatal(err)
	}
	// Whitespace and key order of the object are not signed; its content is.
	reordered := mtEdit(t, body, func(map[string]any) {})
	if again, err := ParseManifest(reordered); err != nil || again.Verify(k.Public) != nil {
		t.Fatalf("re-encoded manifest: %v / %v", err, again.Verify(k.Public))
	}
}

func TestManifestChangedAfterSigningFailsVerify(t *testing.T) {
	k := mtKeys(t, "组织甲")
	body := mtSeal(t, mtManifest(k), k)
	signed, err := ParseManifest(body)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(m *Manifest)
	}{
		{"seq", func(m *Manifest) { m.Seq++ }},
		{"prev", func(m *Manifest) { m.Prev = sha256Hex([]byte("another chain")) }},
		{"prev removed", func(m *Manifest) { m.Prev = "" }},
		{"plaintext hash", func(m *Manifest) { m.PlainSHA256 = sha256Hex([]byte("other plain")) }},
		{"ciphertext hash", func(m *Manifest) { m.CipherSHA256 = sha256Hex([]byte("other cipher")) }},
		{"size", func(m *Manifest) { m.Size++ }},
		{"plaintext size", func(m *Manifest) { m.PlainSize-- }},
		{"org id", func(m *Manifest) { m.OrgID = uuid.Must(uuid.NewV7()).String() }},
		{"org name", func(m *Manifest) { m.OrgName += "(改)" }},
		{"created at", func(m *Manifest) { m.CreatedAt = m.CreatedAt.Add(time.Second) }},
		{"schema version", func(m *Manifest) { m.SchemaVersion++ }},
		{"format", func(m *Manifest) { m.Format = "dangjian-snapshot/2" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := signed
			tc.edit(&m)
			if m == signed {
				t.Fatal("test setup: the edit changed nothing")
			}
			if err := m.Verify(k.Public); err == nil {
				t.Fatal("Verify accepted a manifest changed after signing")
			}
		})
	}
	// Edited in the object's bytes, as on the server.
	for _, tc := range []struct{ from, to string }{
		{`"seq": 3`, `"seq": 4`},
		{`"size": 1048576`, `"size": 1048577`},
		{`"org_name": "组织甲"`, `"org_name": "组织乙"`},
	} {
		edited := bytes.Replace(body, []byte(tc.from), []byte(tc.to), 1)
		if bytes.Equal(edited, body) {
			t.Fatalf("test setup: %s not in the manifest:\n%s", tc.from, body)
		}
		m, err := ParseManifest(edited)
		if err != nil {
			t.Fatal(err)
		}
		if m.Verify(k.Public) == nil {
			t.Fatalf("Verify accepted a manifest edited from %s to %s", tc.from, tc.to)
		}
	}
}

func TestManifestSignedByOtherKeysFailsVerify(t *testing.T) {
	k, other := mtKeys(t, "组织甲"), mtKeys(t, "组织乙")
	signed, err := ParseManifest(mtSeal(t, mtManifest(k), k))
	if err != nil {
		t.Fatal(err)
	}
	if err := signed.Verify(other.Public); err == nil {
		t.Fatal("Verify with another organization's keys accepted the manifest")
	}
	// A manifest in k's name signed by other.
	forged, err := ParseManifest(mtSeal(t, mtManifest(k), other))
	if err != nil {
		t.Fatal(err)
	}
	if err := forged.Verify(k.Public); err == nil {
		t.Fatal("Verify accepted a manifest signed with another organization's key")
	}
	for _, sig := range []string{"not base64!", base64.StdEncoding.EncodeToString(make([]byte, 63)),
		base64.StdEncoding.EncodeToString(make([]byte, 64)), ""} {
		m := signed
		m.Signature = sig
		if err := m.Verify(k.Public); err == nil {
			t.Fatalf("Verify accepted signature %q", sig)
		}
	}
	bad := k.Public
	bad.SigningKey = "AAAA"
	if err := signed.Verify(bad); err == nil {
		t.Fatal("Verify with an invalid public key succeeded")
	}
}

func TestParseManifestRefuses(t *testing.T) {
	k := mtKeys(t, "组织甲")
	body := mtSeal(t, mtManifest(k), k)
	set := func(key string, v any) []byte {
		return mtEdit(t, body, func(m map[string]any) { m[key] = v })
	}
	drop := func(key string) []byte {
		return mtEdit(t, body, func(m map[string]any) { delete(m, key) })
	}
	bigName := func(n int) []byte {
		return mtSeal(t, func() Manifest { m := mtManifest(k); m.OrgName = strings.Repeat("名", n/3); return m }(), k)
	}
	if len(bigName(60<<10)) > maxManifestSize {
		t.Fatal("test setup: the large accepted manifest is over the limit")
	}
	if _, err := ParseManifest(bigName(60 << 10)); err != nil {
		t.Fatalf("a manifest just under the size limit: %v", err)
	}
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"not JSON", []byte("这不是清单")},
		{"null", []byte("null")},
		{"array", []byte("[]")},
		{"empty object", []byte("{}")},
		{"unknown field", set("comment", "hello")},
		{"unknown field differing in more than case", set("seq_no", 3)},
		{"wrong format", set("format", "dangjian-snapshot/2")},
		{"no format", drop("format")},
		{"org id upper case", set("org_id", strings.ToUpper(k.Public.OrgID))},
		{"org id not a UUID", set("org_id", "../../etc")},
		{"seq 0", set("seq", 0)},
		{"seq missing", drop("seq")},
		{"seq negative", set("seq", -1)},
		{"seq fractional", set("seq", 1.5)},
		{"seq a string", set("seq", "3")},
		{"prev too short", set("prev", sha256Hex(nil)[:62])},
		{"prev not hex", set("prev", strings.Repeat("g", 64))},
		{"plaintext hash upper case", set("plaintext_sha256", strings.ToUpper(sha256Hex(nil)))},
		{"plaintext hash missing", drop("plaintext_sha256")},
		{"ciphertext hash too long", set("ciphertext_sha256", sha256Hex(nil)+"00")},
		{"ciphertext hash empty", set("ciphertext_sha256", "")},
		{"size 0", set("size", 0)},
		{"plaintext size negative", set("plaintext_size", -1)},
		{"no created_at", drop("created_at")},
		{"created_at not a time", set("created_at", "yesterday")},
		{"no signature", drop("signature")},
		{"trailing object", append(bytes.Clone(body), `{"seq": 4}`...)},
		{"trailing garbage", append(bytes.Clone(body), "x"...)},
		{"second manifest", append(bytes.Clone(body), body...)},
		{"oversized", bigName(70 << 10)},
		{"oversized by padding", append(bytes.Clone(body), bytes.Repeat([]byte(" "), maxManifestSize)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if m, err := ParseManifest(tc.b); err == nil {
				t.Fatalf("ParseManifest accepted it: %+v", m)
			}
		})
	}
	// What seal writes ends in a newline; trailing white space is fine.
	if _, err := ParseManifest(append(bytes.Clone(body), " \n\t\n"...)); err != nil {
		t.Fatalf("trailing white space refused: %v", err)
	}
}

// TestParseManifestRefusesATrailingCloseBracket: decodeStrict checks for
// trailing data with Decoder.More, which reports false when the next byte
// is '}' or ']', so a manifest (or key, enrollment or state file) followed by
// "}" or "]" is accepted although the format says trailing data is refused.
func TestParseManifestRefusesATrailingCloseBracket(t *testing.T) {
	k := mtKeys(t, "组织甲")
	body := mtSeal(t, mtManifest(k), k)
	for _, tail := range []string{"}", "]", "}}}", " ] garbage"} {
		if _, err := ParseManifest(append(bytes.Clone(body), tail...)); err == nil {
			t.Errorf("ParseManifest accepted a manifest followed by %q", tail)
		}
	}
}

func TestCreateAndUnlockKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "org.keys")
	orgID := uuid.Must(uuid.NewV7()).String()
	k, err := CreateKeys(path, orgID, "组织甲", mtPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Public.Validate(); err != nil {
		t.Fatal(err)
	}
	if k.Public.OrgID != orgID || k.Public.OrgName != "组织甲" {
		t.Fatalf("public keys %+v", k.Public)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("AGE-SECRET-KEY")) || bytes.Contains(raw, []byte(mtPass)) {
		t.Fatal("the key file holds a secret in clear")
	}

	u, err := UnlockKeys(path, mtPass)
	if err != nil {
		t.Fatal(err)
	}
	if u.Public != k.Public {
		t.Fatalf("unlocked public keys %+v, want %+v", u.Public, k.Public)
	}
	if pub, err := ReadPublicKeys(path); err != nil || pub != k.Public {
		t.Fatalf("ReadPublicKeys = %+v, %v", pub, err)
	}
	// The unlocked keys are the same keys: they sign for and open what the
	// created ones do.
	m, err := ParseManifest(mtSeal(t, mtManifest(u), u))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Verify(k.Public); err != nil {
		t.Fatalf("a manifest signed by the unlocked keys: %v", err)
	}
	var sealed bytes.Buffer
	if _, _, err := seal(context.Background(), strings.NewReader("你好"), &sealed, k.Recipient()); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, _, err := unseal(context.Background(), &sealed, &plain, u.Identity(), 100); err != nil || plain.String() != "你好" {
		t.Fatalf("unsealed with the unlocked keys: %q, %v", plain.String(), err)
	}

	if _, err := UnlockKeys(path, mtPass+"x"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	if _, err := UnlockKeys(path, ""); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("empty passphrase: %v, want ErrWrongPassphrase", err)
	}
	if _, err := UnlockKeys(filepath.Join(dir, "missing.keys"), mtPass); !errors.Is(err, ErrNoKeys) {
		t.Fatalf("missing key file: %v, want ErrNoKeys", err)
	}
	if _, err := CreateKeys(path, orgID, "组织甲", "另一个足够长的口令", time.Now()); !errors.Is(err, ErrKeysExist) {
		t.Fatalf("CreateKeys over an existing file: %v, want ErrKeysExist", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, raw) {
		t.Fatal("CreateKeys changed an existing key file")
	}
}

func TestCreateKeysRefusesAShortPassphrase(t *testing.T) {
	dir := t.TempDir()
	for _, pass := range []string{"", "1234567", "七个汉字的口令"} {
		path := filepath.Join(dir, "weak.keys")
		if _, err := CreateKeys(path, uuid.Must(uuid.NewV7()).String(), "组织甲", pass, time.Now()); !errors.Is(err, ErrWeakPassphrase) {
			t.Fatalf("passphrase %q: %v, want ErrWeakPassphrase", pass, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("passphrase %q: a key file was written", pass)
		}
	}
	if _, err := CreateKeys(filepath.Join(dir, "ok.keys"), uuid.Must(uuid.NewV7()).String(), "组织甲", "八个汉字的长口令", time.Now()); err != nil {
		t.Fatalf("eight characters: %v", err)
	}
}

func TestUnlockKeysRefusesAnEditedKeyFile(t *testing.T) {
	dir := t.TempDir()
	pathA, pathB := filepath.Join(dir, "a.keys"), filepath.Join(dir, "b.keys")
	if _, err := CreateKeys(pathA, uuid.Must(uuid.NewV7()).String(), "组织甲", mtPass, time.Now()); err != nil {
		t.Fatal(err)
	}
	b, err := CreateKeys(pathB, uuid.Must(uuid.NewV7()).String(), "组织乙", mtPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(pathA)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(pub map[string]any)
	}{
		{"signing key swapped", func(pub map[string]any) { pub["signing_key"] = b.Public.SigningKey }},
		{"age recipient swapped", func(pub map[string]any) { pub["age_recipient"] = b.Public.AgeRecipient }},
		{"both swapped", func(pub map[string]any) {
			pub["signing_key"], pub["age_recipient"] = b.Public.SigningKey, b.Public.AgeRecipient
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := mtEdit(t, raw, func(m map[string]any) { tc.edit(m["public"].(map[string]any)) })
			path := filepath.Join(t.TempDir(), "edited.keys")
			if err := os.WriteFile(path, edited, 0o600); err != nil {
				t.Fatal(err)
			}
			k, err := UnlockKeys(path, mtPass)
			if err == nil {
				t.Fatalf("UnlockKeys accepted an edited key file: %+v", k.Public)
			}
			if errors.Is(err, ErrWrongPassphrase) {
				t.Fatalf("an edited key file reported as a wrong passphrase: %v", err)
			}
		})
	}
	// B's secret under A's public part, as when one copies the wrong file's
	// secret over.
	var kb map[string]any
	rawB, _ := os.ReadFile(pathB)
	json.Unmarshal(rawB, &kb)
	mixed := mtEdit(t, raw, func(m map[string]any) { m["secret"] = kb["secret"] })
	path := filepath.Join(dir, "mixed.keys")
	os.WriteFile(path, mixed, 0o600)
	if _, err := UnlockKeys(path, mtPass); err == nil {
		t.Fatal("UnlockKeys accepted another organization's secret")
	}
	// And a key file that is not one.
	for name, content := range map[string]string{"garbage": "垃圾", "unknown field": strings.Replace(string(raw), `"format"`, `"extra": 1, "format"`, 1)} {
		path := filepath.Join(dir, "bad.keys")
		os.WriteFile(path, []byte(content), 0o600)
		if _, err := UnlockKeys(path, mtPass); err == nil {
			t.Fatalf("%s: UnlockKeys accepted it", name)
		}
	}
}

func TestSealUnsealRoundTrip(t *testing.T) {
	ctx := context.Background()
	k := mtKeys(t, "组织甲")
	committee, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	payload := make([]byte, 1<<20)
	rand.Read(payload)
	var sealed bytes.Buffer
	cipherSum, cipherSize, err := seal(ctx, bytes.NewReader(payload), &sealed, k.Recipient(), committee.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	ciphertext := sealed.Bytes()
	if cipherSum != sha256Hex(ciphertext) || cipherSize != int64(len(ciphertext)) {
		t.Fatalf("seal reported %s/%d for %s/%d", cipherSum, cipherSize, sha256Hex(ciphertext), len(ciphertext))
	}
	if bytes.Contains(ciphertext, payload[1000:1032]) {
		t.Fatal("the plaintext shows in the ciphertext")
	}
	for name, id := range map[string]age.Identity{"organization": k.Identity(), "committee": committee} {
		var plain bytes.Buffer
		sum, n, err := unseal(ctx, bytes.NewReader(ciphertext), &plain, id, int64(len(payload)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sum != sha256Hex(payload) || n != int64(len(payload)) || !bytes.Equal(plain.Bytes(), payload) {
			t.Fatalf("%s: unsealed %d bytes, %s; want %d, %s", name, n, sum, len(payload), sha256Hex(payload))
		}
	}

	stranger, _ := age.GenerateX25519Identity()
	if _, _, err := unseal(ctx, bytes.NewReader(ciphertext), io.Discard, stranger, 2<<20); !errors.Is(err, ErrNotForUs) {
		t.Fatalf("another identity: %v, want ErrNotForUs", err)
	}
	for _, at := range []int{len(ciphertext) / 2, len(ciphertext) - 1, len(ciphertext) - 20} {
		flipped := bytes.Clone(ciphertext)
		flipped[at] ^= 0x01
		if _, _, err := unseal(ctx, bytes.NewReader(flipped), io.Discard, k.Identity(), 2<<20); !errors.Is(err, ErrDecrypt) {
			t.Fatalf("byte %d of %d flipped: %v, want ErrDecrypt", at, len(ciphertext), err)
		}
	}
	for _, n := range []int{len(ciphertext) - 1, len(ciphertext) / 2, 10} {
		if _, _, err := unseal(ctx, bytes.NewReader(ciphertext[:n]), io.Discard, k.Identity(), 2<<20); !errors.Is(err, ErrDecrypt) {
			t.Fatalf("truncated to %d bytes: %v, want ErrDecrypt", n, err)
		}
	}
	var out bytes.Buffer
	if _, _, err := unseal(ctx, bytes.NewReader(ciphertext), &out, k.Identity(), int64(len(payload)-1)); !errors.Is(err, ErrDecompress) {
		t.Fatalf("limit one byte short: %v, want ErrDecompress", err)
	}
	if out.Len() > len(payload) {
		t.Fatalf("%d bytes written over a limit of %d", out.Len(), len(payload)-1)
	}
}

// cancelAfter is a reader that cancels its context once n bytes were read.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n <= 0 {
		c.cancel()
	}
	n, err := c.r.Read(p[:min(len(p), max(c.n, 1))])
	c.n -= n
	return n, err
}

// TestUnsealReportsCancellation: a cancelled unseal must say so, not blame
// the ciphertext: the committee's verifier turns ErrDecrypt into a
// rejection of the organization's snapshot ("密文已损坏").
func TestUnsealReportsCancellation(t *testing.T) {
	k := mtKeys(t, "组织甲")
	payload := make([]byte, 1<<20)
	rand.Read(payload)
	var sealed bytes.Buffer
	if _, _, err := seal(context.Background(), bytes.NewReader(payload), &sealed, k.Recipient()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		at   int // bytes read before the cancellation
	}{
		{"in the payload", sealed.Len() / 2},
		{"in the header", 30},
		{"before starting", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			r := &cancelAfter{r: bytes.NewReader(sealed.Bytes()), n: tc.at, cancel: cancel}
			_, _, err := unseal(ctx, r, io.Discard, k.Identity(), 2<<20)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled %s: %v, want context.Canceled", tc.name, err)
			}
			if errors.Is(err, ErrDecrypt) || errors.Is(err, ErrDecompress) || errors.Is(err, ErrNotForUs) {
				t.Fatalf("a cancellation reported as a bad snapshot: %v", err)
			}
		})
	}
}

func TestUnsealStopsAtTheLimitOfACompressedBomb(t *testing.T) {
	ctx := context.Background()
	k := mtKeys(t, "组织甲")
	var sealed bytes.Buffer
	// 256 MiB of zeros compress to a few KiB.
	if _, _, err := seal(ctx, io.LimitReader(zeros{}, 256<<20), &sealed, k.Recipient()); err != nil {
		t.Fatal(err)
	}
	if sealed.Len() > 1<<20 {
		t.Fatalf("test setup: zeros sealed into %d bytes", sealed.Len())
	}
	var out countingWriter
	start := time.Now()
	_, _, err := unseal(ctx, &sealed, &out, k.Identity(), 1<<20)
	if !errors.Is(err, ErrDecompress) {
		t.Fatalf("over the limit: %v, want ErrDecompress", err)
	}
	if out > 1<<20+1 {
		t.Fatalf("%d bytes written over a limit of 1 MiB", out)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("stopping at the limit took %v", d)
	}
}

func TestUnsealRefusesWhatSealDidNotMake(t *testing.T) {
	ctx := context.Background()
	k := mtKeys(t, "组织甲")
	// age, but no zstd inside.
	var notZstd bytes.Buffer
	w, err := age.Encrypt(&notZstd, k.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("plain text, not a zstd frame"))
	w.Close()
	if _, _, err := unseal(ctx, &notZstd, io.Discard, k.Identity(), 1<<20); !errors.Is(err, ErrDecompress) {
		t.Fatalf("age without zstd: %v, want ErrDecompress", err)
	}
	for name, b := range map[string][]byte{"empty": nil, "garbage": []byte("这不是 age 文件"), "age header only": []byte("age-encryption.org/v1\n")} {
		_, _, err := unseal(ctx, bytes.NewReader(b), io.Discard, k.Identity(), 1<<20)
		if !errors.Is(err, ErrDecrypt) {
			t.Fatalf("%s: %v, want ErrDecrypt", name, err)
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
