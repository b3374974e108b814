package snapshot

import (
	"os"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server every sync test runs against.
var srv *miniotest.Server

func TestMain(m *testing.M) {
	scryptWorkFactor = 10 // key files: fast in tests, age's default in use
	if db := os.Getenv(pushChildEnv); db != "" {
		os.Exit(pushChild(db)) // a push the test kills; see kill_test.go
	}
	os.Exit(miniotest.Run(m, &srv))
}
