package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedJSONFileIsNamedInChinese: a committee file cut short or
// overwritten reads 「文件 … 已损坏」 naming it, without the JSON parser's
// English (invalid character …, unexpected end of JSON input).
func TestDamagedJSONFileIsNamedInChinese(t *testing.T) {
	for name, body := range map[string]string{"cut": `{"org_id": "a`, "garbage": "\x00\x01PK", "empty": ""} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "org.json")
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			var v map[string]any
			err := readJSON(path, &v)
			if err == nil {
				t.Fatal("a damaged file was read")
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "已损坏") {
				t.Errorf("%q does not name the file as damaged", msg)
			}
			if rest := strings.ReplaceAll(msg, path, ""); latin.MatchString(rest) {
				t.Errorf("English in %q", rest)
			}
		})
	}
}
