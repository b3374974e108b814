package cli

import (
	"fmt"
	"os"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server the sync commands are tested against.
var srv *miniotest.Server

func TestMain(m *testing.M) {
	var err error
	srv, err = miniotest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "the sync command tests need a MinIO server:", err)
		os.Exit(1)
	}
	code := m.Run()
	srv.Close()
	os.Exit(code)
}
