package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// headerSize is the size of an SQLite database header.
const headerSize = 100

// fileHeader is what an SQLite database header says about the file, as
// SQLite itself would read it: the main file's first page, or its latest
// committed copy in the write-ahead log beside it.
type fileHeader struct {
	appID       uint32 // PRAGMA application_id, offset 68
	userVersion uint32 // PRAGMA user_version (our schema version), offset 60
	walMode     bool   // read and write versions 2 (offsets 18 and 19): WAL mode
}

// readHeader reads the header of the database at path from the raw bytes,
// without SQLite: opening a file with SQLite may write to it (a journal
// mode, a recovered log), which must never happen to a file that is not
// ours. A missing file is ErrMissing; a file too short to be a database,
// or not an SQLite database, wraps ErrNotOurs.
func readHeader(path string) (fileHeader, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileHeader{}, fmt.Errorf("%w: %s", ErrMissing, path)
	}
	if err != nil {
		return fileHeader{}, fmt.Errorf("无法打开数据库：%w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return fileHeader{}, notOurs(path)
	}
	page := make([]byte, headerSize)
	if _, err := io.ReadFull(f, page); err != nil || string(page[:len(sqliteMagic)]) != sqliteMagic {
		return fileHeader{}, notOurs(path)
	}
	if logged, err := walPageOne(path + "-wal"); err == nil && logged != nil {
		page = logged
	}
	return fileHeader{
		appID:       binary.BigEndian.Uint32(page[68:72]),
		userVersion: binary.BigEndian.Uint32(page[60:64]),
		walMode:     page[18] == 2 && page[19] == 2,
	}, nil
}

func notOurs(path string) error {
	return fmt.Errorf("%w文件：%s", ErrNotOurs, path)
}

// checkHeader refuses, from its raw bytes and before SQLite touches it, a
// file that is not a database of this program.
func checkHeader(path string) (fileHeader, error) {
	h, err := readHeader(path)
	if err == nil && h.appID != applicationID {
		err = notOurs(path)
	}
	return h, err
}

// ourHeader is checkHeader that also refuses a database a newer build
// wrote, so that SQLite never opens such a file for writing.
func ourHeader(path string) (fileHeader, error) {
	h, err := checkHeader(path)
	if err != nil {
		return h, err
	}
	if n := SchemaVersion(); int(h.userVersion) > n {
		return h, newerError(int(h.userVersion), n)
	}
	return h, nil
}

func newerError(version, ours int) error {
	return fmt.Errorf("数据库版本（%d）比本程序支持的版本（%d）新，请升级程序", version, ours)
}
