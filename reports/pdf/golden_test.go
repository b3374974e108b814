package pdf

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden texts of the documents in testdata/")

// TestGoldenText compares the text of every document, for one branch of
// the demo organization, with testdata/<kind>.golden.txt. Run
// `go test ./reports/pdf -run Golden -update` after a deliberate change and
// read the diff before committing it.
func TestGoldenText(t *testing.T) {
	s := demoStore(t)
	for _, k := range Kinds {
		if _, ok := writers[k]; !ok {
			continue
		}
		t.Run(string(k), func(t *testing.T) {
			r := render(t, s, k, Options{BranchID: branchID(t, s, "计算机系教工党支部")})
			got := normalizeText(r.text)
			path := filepath.Join("testdata", string(k)+".golden.txt")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden text (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run with -update after checking the change", k, path)
			}
		})
	}
}

// normalizeText trims trailing spaces, which pdftotext's layout varies.
func normalizeText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
