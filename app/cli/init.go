package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
)

func runInit(e *env, args []string) int {
	fs := e.flags("init", "")
	db := dbFlag(fs)
	org := fs.String("org", "", "二级党组织名称（必填）")
	code := fs.String("code", "", "组织代码")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if strings.TrimSpace(*org) == "" {
		return e.fail(ExitUsage, "请用 --org 指定二级党组织名称")
	}
	if p := os.Getenv(snapshot.PassphraseEnv); p != "" && len([]rune(p)) < snapshot.MinPassphraseLen {
		return e.fail(ExitUsage, "%v(%s)", snapshot.ErrWeakPassphrase, snapshot.PassphraseEnv)
	}
	if _, err := os.Stat(snapshot.KeyPath(*db)); err == nil {
		return e.fail(ExitUsage, "密钥文件已存在，未作任何更改：%s", snapshot.KeyPath(*db))
	}
	s, err := createStore(e, *db, *org, *code, nil)
	if errors.Is(err, data.ErrExists) {
		return e.fail(ExitUsage, "数据库已存在，未作任何更改：%s", *db)
	}
	if err != nil {
		return e.fail(ExitUsage, "无法新建数据库：%v", err)
	}
	created := s.Org()
	s.Close()
	e.printf("已新建“%s”的数据库：%s\n", created.Name, *db)
	return e.createKeys(*db, created.ID, created.Name, false)
}

// createStore makes the database's folder and the database, filled by
// fill (when not nil) before it appears at path. It never replaces a file:
// when path exists, or another program creates it meanwhile, it fails with
// data.ErrExists.
func createStore(e *env, path, org, code string, fill func(*data.Store) error, opts ...data.Option) (*data.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return data.CreateWith(e.ctx, path, org, code, fill, append(opts, data.WithClock(e.now))...)
}

// openStore opens an existing database, with a clear message when missing.
func openStore(e *env, path string, now func() time.Time) (*data.Store, int) {
	localfs.CleanScratch(filepath.Dir(path)) // what a run that died left
	s, err := data.Open(e.ctx, path, data.WithClock(now))
	return opened(e, path, s, err)
}

// openReader opens an existing database for a command that only reads it
// (check, export, report): read-only, so that a database in a folder that
// cannot be written works. A database an earlier version wrote is opened
// normally instead, which upgrades it.
func openReader(e *env, path string, now func() time.Time) (*data.Store, int) {
	s, err := data.OpenReadOnly(e.ctx, path, data.WithClock(now))
	if errors.Is(err, data.ErrNeedsUpgrade) {
		return openStore(e, path, now)
	}
	localfs.CleanScratch(filepath.Dir(path))
	return opened(e, path, s, err)
}

// opened reports why a database could not be opened.
func opened(e *env, path string, s *data.Store, err error) (*data.Store, int) {
	if errors.Is(err, data.ErrMissing) {
		return nil, e.fail(ExitUsage, "数据库不存在：%s（可先运行 dangjian init 或 dangjian demo）", path)
	}
	if err != nil {
		return nil, e.fail(ExitUsage, "无法打开数据库 %s：%v", path, err)
	}
	return s, ExitOK
}

func (e *env) printf(format string, a ...any) {
	_, _ = e.stdout.Write([]byte(sprintf(format, a...)))
}
