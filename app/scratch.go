package app

import (
	"path/filepath"
	"sync"

	"dangjian/data/localfs"
)

// scratchFolder is the window's private working folder beside the
// database (attachments handed to the system's viewer), made when first
// needed and removed when the window closes; the next start removes it if
// the program died.
type scratchFolder struct {
	mu      sync.Mutex
	scratch *localfs.Scratch
}

// dir makes the folder beside the database db if needed and returns it.
func (f *scratchFolder) dir(db string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.scratch == nil {
		s, err := localfs.NewScratch(filepath.Dir(db))
		if err != nil {
			return "", err
		}
		f.scratch = s
	}
	return f.scratch.Dir(), nil
}

// close removes the folder.
func (f *scratchFolder) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.scratch.Close()
	f.scratch = nil
}
