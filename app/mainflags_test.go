package app

import (
	"bytes"
	"strings"
	"testing"
)

// A mistyped option of the window is told in Chinese, with where to find
// the usage, never the flag package's English; nothing opens.
func TestMainRefusesAnUnknownOptionInChinese(t *testing.T) {
	for _, args := range [][]string{{"--foo"}, {"--db"}, {"--committee", "d", "extra"}} {
		var stderr bytes.Buffer
		if code := Main(args, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		msg := stderr.String()
		if !strings.Contains(msg, "dangjian -h") || strings.Contains(msg, "flag") || strings.Contains(msg, "Usage") {
			t.Errorf("%v: %q", args, msg)
		}
	}
}
