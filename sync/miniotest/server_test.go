package miniotest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

func TestOrgPolicyIsJSON(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(OrgPolicy("b", "A1")), &doc); err != nil {
		t.Fatal(err)
	}
	p := OrgPolicy("dangjian", "A1")
	for _, want := range []string{
		`"arn:aws:s3:::dangjian/orgs/A1/*"`,
		`"arn:aws:s3:::dangjian"`,
		`"orgs/A1/*"`,
		`"orgs/A1/"`,
		`"s3:GetBucketLocation"`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("OrgPolicy lacks %s:\n%s", want, p)
		}
	}
}

// TestServer proves, on the real server, that OrgPolicy confines an
// organization's user to its folder, and that Stop and Restart keep the
// data.
func TestServer(t *testing.T) {
	if !Configured() {
		t.SkipNow() // told once by TestMain
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	t0 := time.Now()
	srv, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Start: %v (%s)", time.Since(t0).Round(time.Millisecond), srv.Endpoint)
	defer func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}()

	const bucket = "snapshots"
	for range 2 { // --ignore-existing: the second call succeeds too
		if err := srv.MakeBucket(ctx, bucket); err != nil {
			t.Fatal(err)
		}
	}
	t0 = time.Now()
	akA, skA, err := srv.AddOrgUser(ctx, bucket, "A")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("AddOrgUser: %v", time.Since(t0).Round(time.Millisecond))
	akB, skB, err := srv.AddOrgUser(ctx, bucket, "B")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(akA, "org-") || len(akA) != 16 || len(skA) < 16 || akA == akB {
		t.Fatalf("credentials %q/%q and %q", akA, skA, akB)
	}

	a := client(t, srv, akA, skA)
	b := client(t, srv, akB, skB)
	root := client(t, srv, srv.RootUser, srv.RootPassword)

	// Each organization writes, reads and lists its own folder.
	mustPut(ctx, t, a, bucket, "orgs/A/snap-1", "a1")
	mustPut(ctx, t, a, bucket, "orgs/A/sub/snap-2", "a2")
	mustPut(ctx, t, b, bucket, "orgs/B/snap-1", "b1")
	if got := mustGet(ctx, t, a, bucket, "orgs/A/snap-1"); got != "a1" {
		t.Errorf("A reads %q, want a1", got)
	}
	if got, err := list(ctx, a, bucket, "orgs/A/", true); err != nil || strings.Join(got, ",") != "orgs/A/snap-1,orgs/A/sub/snap-2" {
		t.Errorf("A lists orgs/A/ recursively: %v, %v", got, err)
	}
	if got, err := list(ctx, a, bucket, "orgs/A/", false); err != nil || strings.Join(got, ",") != "orgs/A/snap-1,orgs/A/sub/" {
		t.Errorf("A lists orgs/A/: %v, %v", got, err)
	}
	if _, err := a.GetBucketLocation(ctx, bucket); err != nil {
		t.Errorf("A gets the bucket's location: %v", err)
	}

	// ... and nothing else.
	denied := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Errorf("%s: allowed, want AccessDenied", what)
		} else if code := minio.ToErrorResponse(err).Code; code != "AccessDenied" {
			t.Errorf("%s: %v (code %q), want AccessDenied", what, err, code)
		}
	}
	denied("A puts under orgs/B/", put(ctx, a, bucket, "orgs/B/evil", "x"))
	denied("A puts at the root", put(ctx, a, bucket, "evil", "x"))
	denied("A puts under orgs/A-other/", put(ctx, a, bucket, "orgs/A-other/x", "x"))
	_, err = get(ctx, a, bucket, "orgs/B/snap-1")
	denied("A gets orgs/B/snap-1", err)
	for _, prefix := range []string{"orgs/B/", "", "orgs/", "orgs/A"} {
		_, err = list(ctx, a, bucket, prefix, false)
		denied("A lists "+strconv.Quote(prefix), err)
	}
	_, err = list(ctx, a, bucket, "", true)
	denied("A lists the bucket recursively", err)
	_, err = get(ctx, b, bucket, "orgs/A/snap-1")
	denied("B gets orgs/A/snap-1", err)
	// MinIO answers ListBuckets with the buckets the user may use at all.
	if buckets, err := a.ListBuckets(ctx); err != nil || len(buckets) != 1 || buckets[0].Name != bucket {
		t.Errorf("A lists the buckets: %v, %v", buckets, err)
	}
	denied("A removes its own object", a.RemoveObject(ctx, bucket, "orgs/A/snap-1", minio.RemoveObjectOptions{}))
	if got, err := list(ctx, root, bucket, "orgs/B/", true); err != nil || strings.Join(got, ",") != "orgs/B/snap-1" {
		t.Errorf("orgs/B/ holds %v, %v; want only snap-1", got, err)
	}

	// Stop and Restart keep the objects, the users and their policies.
	t0 = time.Now()
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Stop: %v", time.Since(t0).Round(time.Millisecond))
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	once := client(t, srv, akA, skA, 1) // no retries while refused
	if _, err := get(ctx, once, bucket, "orgs/A/snap-1"); err == nil {
		t.Error("a stopped server answered")
	}
	t0 = time.Now()
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Restart: %v", time.Since(t0).Round(time.Millisecond))
	if got := mustGet(ctx, t, a, bucket, "orgs/A/sub/snap-2"); got != "a2" {
		t.Errorf("after Restart A reads %q, want a2", got)
	}
	_, err = get(ctx, a, bucket, "orgs/B/snap-1")
	denied("after Restart A gets orgs/B/snap-1", err)

	t0 = time.Now()
	if err := srv.Restart(); err != nil { // Restart of a running server
		t.Fatal(err)
	}
	t.Logf("Restart while running: %v", time.Since(t0).Round(time.Millisecond))
	if got := mustGet(ctx, t, b, bucket, "orgs/B/snap-1"); got != "b1" {
		t.Errorf("after the second Restart B reads %q, want b1", got)
	}

	// A failed start says why, from the server's log.
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", srv.Host)
	if err != nil {
		t.Fatal(err)
	}
	t0 = time.Now()
	err = srv.Restart()
	l.Close()
	t.Logf("Restart on a taken port fails in %v", time.Since(t0).Round(time.Millisecond))
	if err == nil || !errors.Is(err, errAddrInUse) || !strings.Contains(err.Error(), "port is already in use") {
		t.Errorf("Restart on a taken port: %v", err)
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
}

func TestMissingBinary(t *testing.T) {
	t.Setenv(BinDirEnv, t.TempDir())
	_, err := Start()
	if err == nil || !strings.Contains(err.Error(), "make minio-tools") {
		t.Fatalf("Start without binaries: %v, want a hint to run make minio-tools", err)
	}
}

// client connects with the credentials, and maxRetries when given.
func client(t *testing.T, srv *Server, ak, sk string, maxRetries ...int) *minio.Client {
	t.Helper()
	opts := &minio.Options{Creds: credentials.NewStaticV4(ak, sk, "")}
	if len(maxRetries) > 0 {
		opts.MaxRetries = maxRetries[0]
	}
	c, err := minio.New(srv.Host, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func put(ctx context.Context, c *minio.Client, bucket, key, body string) error {
	_, err := c.PutObject(ctx, bucket, key, strings.NewReader(body), int64(len(body)), minio.PutObjectOptions{})
	return err
}

func get(ctx context.Context, c *minio.Client, bucket, key string) (string, error) {
	obj, err := c.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return "", err
	}
	defer obj.Close()
	var buf bytes.Buffer
	_, err = io.Copy(&buf, obj)
	return buf.String(), err
}

func list(ctx context.Context, c *minio.Client, bucket, prefix string, recursive bool) ([]string, error) {
	var keys []string
	for obj := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: recursive}) {
		if obj.Err != nil {
			return keys, obj.Err
		}
		keys = append(keys, obj.Key)
	}
	return keys, nil
}

func mustPut(ctx context.Context, t *testing.T, c *minio.Client, bucket, key, body string) {
	t.Helper()
	if err := put(ctx, c, bucket, key, body); err != nil {
		t.Fatalf("put %s: %v", key, err)
	}
}

func mustGet(ctx context.Context, t *testing.T, c *minio.Client, bucket, key string) string {
	t.Helper()
	s, err := get(ctx, c, bucket, key)
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	return s
}
