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
	os.Exit(miniotest.Run(m, &srv))
}
