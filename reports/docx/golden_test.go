package docx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenDocumentXML compares the document.xml of the sample document
// with testdata/sample.document.xml (go test -run Golden -update rewrites
// it), so that a change of the Word markup reads as a diff.
func TestGoldenDocumentXML(t *testing.T) {
	got := renderDoc(t, sampleDoc()).parts["word/document.xml"]
	golden := filepath.Join("testdata", "sample.document.xml")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -run Golden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := range max(len(gl), len(wl)) {
			var g, w []byte
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("document.xml differs from %s at line %d:\ngot  %s\nwant %s\n(go test -run Golden -update rewrites it)", golden, i+1, g, w)
			}
		}
	}
}
