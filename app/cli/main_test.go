package cli

import (
	"os"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server the sync commands are tested against.
var srv *miniotest.Server

func TestMain(m *testing.M) { os.Exit(miniotest.Run(m, &srv)) }
