package data

import (
	"path/filepath"
	"strings"
)

// fileURI is path as an SQLite file: URI, so that any character a folder
// name may hold (#, ?, %) names the file and not a URI part. Parameters
// follow after "?".
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	return "file://" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// frozenURI opens a file that nothing writes while it is open (a snapshot)
// read-only, without locks or a journal: SQLite reads it as it is.
func frozenURI(path string) string { return fileURI(path) + "?mode=ro&immutable=1" }
