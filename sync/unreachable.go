package snapshot

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"syscall"
)

// unreachable is a network failure as people read it: ErrUnreachable, the
// server's address and the reason in Chinese (连接被拒绝, 超时, 名称无法
// 解析, 证书无效 …). Go's own text (Get "http://…": dial tcp …) stays out,
// as it is English and may carry the object's key.
func unreachable(err error) error {
	if host := serverAddress(err); host != "" {
		return fmt.Errorf("%w %s：%s", ErrUnreachable, host, networkReason(err))
	}
	return fmt.Errorf("%w：%s", ErrUnreachable, networkReason(err))
}

// serverAddress is the host:port of the request that failed, or "".
func serverAddress(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		if u, perr := url.Parse(urlErr.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Addr != nil {
		return opErr.Addr.String()
	}
	return ""
}

// networkReason names in Chinese why a connection failed.
func networkReason(err error) string {
	var dnsErr *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var invalidCert x509.CertificateInvalidError
	var wrongHost x509.HostnameError
	var verifyErr *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		return "服务器名称无法解析"
	case hasErrno(err, syscall.ECONNREFUSED, wsaConnRefused):
		return "连接被拒绝"
	case errors.As(err, &unknownCA), errors.As(err, &invalidCert), errors.As(err, &wrongHost), errors.As(err, &verifyErr):
		return "服务器证书无效"
	case errors.As(err, &recordErr):
		return "服务器未使用加密连接（地址应以 http:// 开头？）"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "连接超时"
	case hasErrno(err, syscall.ECONNRESET, wsaConnReset), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "连接中断"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "网络不可达"
	}
	return "网络错误"
}

// Windows socket error numbers, which syscall.ECONNREFUSED and ECONNRESET
// do not match there.
const (
	wsaConnReset   syscall.Errno = 10054
	wsaConnRefused syscall.Errno = 10061
)

// hasErrno reports whether err wraps one of the system error numbers.
func hasErrno(err error, nums ...syscall.Errno) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	for _, n := range nums {
		if errno == n {
			return true
		}
	}
	return false
}
