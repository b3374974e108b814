package snapshot

import (
	"os"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server of the integration tests (newMinIOWorld,
// the backend contract on MinIO); nil when DANGJIAN_MINIO_BIN_DIR is
// unset, and then those tests skip. Every other test keeps its bucket in
// memory (newWorld).
var srv *miniotest.Server

func TestMain(m *testing.M) {
	scryptWorkFactor = 10 // key files: fast in tests, age's default in use
	if db := os.Getenv(pushChildEnv); db != "" {
		os.Exit(pushChild(db)) // a push the test kills; see kill_test.go
	}
	os.Exit(miniotest.RunIfConfigured(m, &srv, "snapshot"))
}
