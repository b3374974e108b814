package documents

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"dangjian/reports/layout"
)

var update = flag.Bool("update", false, "rewrite the golden texts of the documents in testdata/")

// goldenBranch is the branch of the demo a document's golden text prints
// when not 计算机系教工党支部, which has nobody in it: the 预备党员 whose
// 预备期 is 满 in the year, or within a month of the print day, are in
// 研究生第一党支部.
var goldenBranch = map[Kind]string{
	DevConfirm:          "研究生第一党支部",
	DevConfirmPublicity: "研究生第一党支部",
}

// TestGoldenText compares the plain text of every document, for one branch
// of the demo organization, with testdata/<kind>.golden.txt. Run
// `go test ./reports/documents -run Golden -update` after a deliberate
// change and read the diff before committing it.
func TestGoldenText(t *testing.T) {
	s := demoStore(t)
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			branch := "计算机系教工党支部"
			if b, ok := goldenBranch[k]; ok {
				branch = b
			}
			got := layout.PlainText(build(t, s, k, Options{BranchID: branchID(t, s, branch)}).doc)
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
