package appcore

import (
	"os"
	"path/filepath"
)

// DefaultDBPath is where the database lives when --db is not given: the
// user's configuration folder (on Windows, under %APPDATA%).
func DefaultDBPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "dangjian", "dangjian.db")
}
