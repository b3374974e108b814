package miniotest

import (
	"fmt"
	"os"
	"testing"
)

// TestMain says once that TestServer, which starts servers of its own,
// is skipped without BinDirEnv.
func TestMain(m *testing.M) {
	if !Configured() {
		fmt.Println(SkipNotice("miniotest"))
	}
	os.Exit(m.Run())
}
