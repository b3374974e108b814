package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dangjian/data/localfs"
)

// Backup writes a consistent copy of the database to path (VACUUM INTO:
// one transaction's view, compacted), refusing to overwrite a file. The
// copy is readable by its owner only (0600 on Unix, whatever the umask).
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%w: %s", ErrExists, path)
	}
	// VACUUM INTO fills an empty file in a private scratch folder beside
	// the backup; the finished copy is synced and then put in place as a
	// new file (publish), so that the backup path never holds half a copy.
	scratch, err := localfs.NewScratch(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	defer scratch.Close()
	draft := filepath.Join(scratch.Dir(), "backup.db")
	f, err := os.OpenFile(draft, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	f.Chmod(0o600)
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", draft); err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := syncFile(draft); err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	return publish(draft, path)
}

// VerifyBackup checks that path is a sound database of this program that
// this build can open: the header, the schema version and SQLite's
// integrity check. It changes nothing in the file: the checks run on a
// copy in a private scratch folder beside the live database livePath
// (never the system's temporary folder), removed afterwards.
func VerifyBackup(ctx context.Context, path, livePath string) error {
	if _, err := checkHeader(path); err != nil {
		return err
	}
	scratch, err := localfs.NewScratch(filepath.Dir(livePath))
	if err != nil {
		return err
	}
	defer scratch.Close()
	copyPath := filepath.Join(scratch.Dir(), "check.db")
	if err := copyFile(path, copyPath); err != nil {
		return err
	}
	s, err := Open(ctx, copyPath)
	if err != nil {
		return fmt.Errorf("备份文件无法使用：%w", err)
	}
	defer s.Close()
	verdict, err := s.IntegrityCheck(ctx)
	if err != nil || verdict != "ok" {
		return fmt.Errorf("备份文件已损坏（完整性检查：%s）", verdict)
	}
	return nil
}

// Restore replaces the database at livePath with the backup at
// backupPath, after verifying the backup; the current database is kept
// beside it as livePath + ".before-restore". The store on livePath must be
// closed first.
func Restore(ctx context.Context, backupPath, livePath string) error {
	if err := StageRestore(ctx, backupPath, livePath); err != nil {
		return err
	}
	return CommitRestore(livePath)
}

// StageRestore verifies the backup and copies it beside the live database,
// ready for CommitRestore; the live database is not touched, so this slow
// part can run while the store is still open.
func StageRestore(ctx context.Context, backupPath, livePath string) error {
	if err := VerifyBackup(ctx, backupPath, livePath); err != nil {
		return err
	}
	if err := copyFile(backupPath, livePath+".restoring"); err != nil {
		return fmt.Errorf("恢复失败，当前数据库未改动：%w", err)
	}
	return nil
}

// CommitRestore swaps a staged backup in for the live database, keeping
// the current one as livePath + ".before-restore". The store on livePath
// must be closed first.
func CommitRestore(livePath string) error {
	staged := livePath + ".restoring"
	kept := livePath + ".before-restore"
	removeDatabase(kept)
	if err := os.Rename(livePath, kept); err != nil {
		os.Remove(staged)
		return fmt.Errorf("恢复失败，当前数据库未改动：%w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Rename(livePath+suffix, kept+suffix)
	}
	if err := os.Rename(staged, livePath); err != nil {
		os.Rename(kept, livePath)
		return fmt.Errorf("恢复失败，已还原当前数据库：%w", err)
	}
	return nil
}

// copyFile copies src to dst, replacing any earlier dst, as a file
// readable by its owner only.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	os.Remove(dst) // an earlier file would keep its permissions
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	out.Chmod(0o600)
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
