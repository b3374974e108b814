package snapshot

import (
	"fmt"
	"os"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server every sync test runs against.
var srv *miniotest.Server

func TestMain(m *testing.M) {
	scryptWorkFactor = 10 // key files: fast in tests, age's default in use
	var err error
	srv, err = miniotest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sync tests need a MinIO server:", err)
		os.Exit(1)
	}
	code := m.Run()
	srv.Close()
	os.Exit(code)
}
