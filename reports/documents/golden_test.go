package documents

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"dangjian/reports/layout"
)

var update = flag.Bool("update", false, "rewrite the golden texts of the documents in testdata/")

// TestGoldenText compares the plain text of every document, for one branch
// of the demo organization, with testdata/<kind>.golden.txt. Run
// `go test ./reports/documents -run Golden -update` after a deliberate
// change and read the diff before committing it.
func TestGoldenText(t *testing.T) {
	s := demoStore(t)
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			got := layout.PlainText(build(t, s, k, Options{BranchID: branchID(t, s, "计算机系教工党支部")}).doc)
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
