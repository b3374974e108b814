package pdf

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// tool runs one of poppler's tools and returns what it printed.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v (poppler-utils is installed by scripts/deps.sh)", name, args, err)
	}
	return string(out)
}

// pageCount is the number of pages pdfinfo reads in the PDF at path.
func pageCount(t *testing.T, path string) int {
	for _, line := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}
