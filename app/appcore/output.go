package appcore

import (
	"io"

	"dangjian/data/localfs"
)

// CheckOutput refuses an output path that is the database db, one of the
// files beside it (its WAL, keys, sync state), or any existing file of the
// program's own kind; db may be "" when no database is involved. Any other
// existing file may be replaced.
func CheckOutput(path, db string) error {
	var protected []string
	if db != "" {
		protected = localfs.OwnFiles(db)
	}
	return localfs.Output{Protected: protected}.Check(path)
}

// WriteOutput checks path with CheckOutput, then writes it with
// localfs.WriteFile: through a private file in a scratch folder beside it,
// synced and renamed into place, so a failure leaves the old file (or
// none) and the new file is readable by the user only. Every file the
// program produces for people is written this way.
func WriteOutput(path, db string, write func(w io.Writer) error) error {
	if err := CheckOutput(path, db); err != nil {
		return err
	}
	return localfs.WriteFile(path, write)
}
