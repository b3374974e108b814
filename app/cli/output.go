package cli

import (
	"dangjian/app/appcore"
	"dangjian/data"
)

// openForOutput checks what a command that reads the database db and
// writes the file out was given (out named and allowed, the year in
// range), then opens the database to read; nil, with the exit code, when
// it cannot.
func openForOutput(e *env, db, out string, year int) (*data.Store, int) {
	if out == "" {
		return nil, e.fail(ExitUsage, "请用 --out 指定输出文件")
	}
	if err := appcore.CheckOutput(out, db); err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	if err := checkYear(year); err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	return openReader(e, db, e.now)
}
