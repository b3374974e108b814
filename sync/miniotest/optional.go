package miniotest

import (
	"fmt"
	"os"
	"testing"
)

// Configured reports whether BinDirEnv is set: the integration tests of a
// package whose TestMain is RunIfConfigured run only then (make test sets
// it; a plain go test does not).
func Configured() bool { return os.Getenv(BinDirEnv) != "" }

// SkipNotice is the line that tells, once per package, that its
// integration tests were skipped.
func SkipNotice(pkg string) string {
	return fmt.Sprintf("%s: MinIO 集成测试已跳过: 未设置 %s (make test 会安装并启动 MinIO)", pkg, BinDirEnv)
}

// RunIfConfigured is the TestMain of a package of which only some tests
// need a server (os.Exit(miniotest.RunIfConfigured(m, &srv, "name"))).
// With BinDirEnv set it is Run: it starts a server into *srv, and one that
// cannot start fails the package. Without it, *srv stays nil, SkipNotice
// is printed once (go test shows a passing package's output with -v), and
// the tests run: those that need the server skip themselves with Need.
func RunIfConfigured(m *testing.M, srv **Server, pkg string) int {
	if !Configured() {
		fmt.Println(SkipNotice(pkg))
		return m.Run()
	}
	return Run(m, srv)
}

// Need skips the test when srv is nil, that is when RunIfConfigured
// started no server; it adds no message of its own, RunIfConfigured has
// told why once.
func Need(t testing.TB, srv *Server) {
	t.Helper()
	if srv == nil {
		t.SkipNow()
	}
}
