package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Create makes a new database for the organization orgName and opens it.
// See CreateWith.
func Create(ctx context.Context, path, orgName, orgCode string, opts ...Option) (*Store, error) {
	return CreateWith(ctx, path, orgName, orgCode, nil, opts...)
}

// CreateWith makes a new database for the organization orgName, lets fill
// (when not nil) write into it, and opens it. The database is built in a
// private temporary file beside path (hidden, named after it) and appears
// at path only once complete, and it never replaces a file: when path
// exists, or another program creates it meanwhile, CreateWith fails with
// ErrExists and nothing is written. On any failure nothing is left behind.
// The file is readable by its owner only (0600 on Unix, whatever the
// umask); SQLite gives its -wal and -shm files the same permissions. While
// fill runs, the store's Path is the temporary file's.
func CreateWith(ctx context.Context, path, orgName, orgCode string, fill func(*Store) error, opts ...Option) (*Store, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrExists, path)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("无法新建数据库，文件夹不存在：%s", dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.creating")
	if err != nil {
		return nil, fmt.Errorf("无法新建数据库：%w", err)
	}
	f.Chmod(0o600) // only the owner, whatever the umask
	f.Close()
	draft := f.Name()
	defer removeDatabase(draft)
	if err := build(ctx, draft, orgName, orgCode, fill, opts); err != nil {
		return nil, err
	}
	if err := publish(draft, path); err != nil {
		return nil, err
	}
	return open(ctx, path, false, opts)
}

// build makes the complete database in the empty file draft, which no one
// else uses, and closes it with everything checkpointed into the main file.
func build(ctx context.Context, draft, orgName, orgCode string, fill func(*Store) error, opts []Option) error {
	s, err := open(ctx, draft, true, opts)
	if err != nil {
		return err
	}
	if err := s.seed(ctx, orgName, orgCode); err != nil {
		s.Close()
		return err
	}
	if fill != nil {
		if err := fill(s); err != nil {
			s.Close()
			return err
		}
	}
	// Closing the last connection checkpoints the log into the main file
	// and removes it: the main file alone is then the whole database.
	if err := s.Close(); err != nil {
		return fmt.Errorf("无法完成新数据库：%w", err)
	}
	if st, err := os.Stat(draft + "-wal"); err == nil && st.Size() > 0 {
		return errors.New("无法完成新数据库：日志未能写回数据库文件")
	}
	return syncFile(draft)
}

// publish puts the finished database file draft at path, which must not
// exist: as a hard link, which never replaces a file; where the file
// system has no hard links, as an exclusive copy whose header is written
// last, so that until it is complete the file is not taken for a database
// of this program (it is refused, never opened).
func publish(draft, path string) error {
	err := os.Link(draft, path)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w: %s", ErrExists, path)
	}
	return copyExclusive(draft, path)
}

// copyExclusive copies src to the new file dst (0600), the first header
// bytes last, and removes dst again when the copy fails.
func copyExclusive(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w: %s", ErrExists, dst)
	}
	if err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("无法新建数据库：%w", cerr)
		}
		if err != nil {
			os.Remove(dst)
		}
	}()
	out.Chmod(0o600)
	head := make([]byte, headerSize)
	if _, err := io.ReadFull(in, head); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	if _, err := out.Seek(headerSize, io.SeekStart); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	if _, err := out.WriteAt(head, 0); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("无法新建数据库：%w", err)
	}
	return nil
}

// syncFile flushes the file at path to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
