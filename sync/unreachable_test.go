package snapshot

import (
	"context"
	"crypto/x509"
	"errors"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// latin finds a word in Latin letters (an address's host is allowed).
var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

// TestUnreachableSaysWhyInChinese: a network failure reads 「无法连接同步
// 服务器 地址：原因」 in Chinese, never Go's 「Get "http://…": dial tcp …」
// with the object's key.
func TestUnreachableSaysWhyInChinese(t *testing.T) {
	const key = "http://10.0.0.5:9000/bucket/orgs/a/manifests/0000000001.json"
	dial := func(inner error) error {
		return &url.Error{Op: "Get", URL: key, Err: &net.OpError{Op: "dial", Net: "tcp", Err: inner}}
	}
	cases := []struct {
		name   string
		err    error
		reason string
	}{
		{"refused", dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), "连接被拒绝"},
		{"refused on Windows", dial(os.NewSyscallError("connectex", wsaConnRefused)), "连接被拒绝"},
		{"no such host", dial(&net.DNSError{Err: "no such host", Name: "minio.example", IsNotFound: true}), "名称无法解析"},
		{"timeout", dial(&net.DNSError{Err: "i/o timeout", Name: "10.0.0.5", IsTimeout: true}), "名称无法解析"},
		{"dial timeout", dial(timeoutErr{}), "超时"},
		{"certificate", &url.Error{Op: "Get", URL: key, Err: x509.UnknownAuthorityError{}}, "证书无效"},
		{"reset", dial(os.NewSyscallError("read", syscall.ECONNRESET)), "连接中断"},
		{"other", dial(errors.New("something else")), "网络错误"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := describe(c.err)
			if !errors.Is(err, ErrUnreachable) {
				t.Fatalf("%v does not wrap ErrUnreachable", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "10.0.0.5:9000") || !strings.Contains(msg, c.reason) {
				t.Errorf("%q lacks the address or %q", msg, c.reason)
			}
			if rest := strings.ReplaceAll(msg, "10.0.0.5:9000", ""); latin.MatchString(rest) || strings.Contains(rest, "manifests") {
				t.Errorf("English or the object's key in %q", msg)
			}
		})
	}
}

// timeoutErr is a net.Error that timed out.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// TestRefusedConnectionToARealPort: a server address nothing listens on
// gives 连接被拒绝 with the address, through the real client.
func TestRefusedConnectionToARealPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	m, err := NewMinIO(Endpoint{URL: "http://" + addr, Bucket: "bucket", AccessKey: "k", SecretKey: "secretsecret"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Get(context.Background(), "orgs/a/manifests/0000000001.json")
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("%v does not wrap ErrUnreachable", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, addr) || !strings.Contains(msg, "连接被拒绝") || strings.Contains(msg, "dial tcp") || strings.Contains(msg, "manifests") {
		t.Errorf("refused connection reads %q", msg)
	}
}
