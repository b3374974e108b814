package cli

import (
	"io"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/localfs"
)

// openForOutput checks what a command that reads the database db and
// writes the file out was given (out named and allowed, the year in
// range), then opens the database to read; nil, with the exit code, when
// it cannot.
func openForOutput(e *env, db, out string, year int) (*data.Store, int) {
	return openForOutputIn(e, db, out, year, nil)
}

// openForOutputIn is openForOutput for a command that also reads the
// folders dirs (the committee's folder), in which out must not lie.
func openForOutputIn(e *env, db, out string, year int, dirs []string) (*data.Store, int) {
	if out == "" {
		return nil, e.fail(ExitUsage, "请用 --out 指定输出文件")
	}
	if err := checkOutput(out, db, dirs); err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	if err := checkYear(year); err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	return openReader(e, db, e.now)
}

// checkOutput is appcore.CheckOutput with the folders dirs protected too:
// no file in them, existing or new, may be written.
func checkOutput(out, db string, dirs []string) error {
	if err := appcore.CheckOutput(out, db); err != nil {
		return err
	}
	return localfs.Output{ProtectedDirs: dirs}.Check(out)
}

// writeOutput is appcore.WriteOutput with the folders dirs protected too.
func writeOutput(out, db string, dirs []string, write func(w io.Writer) error) error {
	if err := checkOutput(out, db, dirs); err != nil {
		return err
	}
	return appcore.WriteOutput(out, db, write)
}
