package cli

import (
	"os"
	"strings"
	"testing"

	"dangjian/sync/miniotest"
)

// srv is the real MinIO server the sync commands are tested against.
var srv *miniotest.Server

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgsEnv); args != "" {
		os.Exit(Main(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(miniotest.RunIfConfigured(m, &srv, "cli"))
}

// childArgsEnv makes the test binary run the command line with these
// arguments (separated by the unit separator U+001F) instead of the tests, for tests that need a
// process of its own.
const childArgsEnv = "DANGJIAN_CLI_TEST_ARGS"
