package data

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
)

// The write-ahead log format (https://sqlite.org/fileformat2.html#walformat).
const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682 // checksums over little-endian words
	walMagicBE         = 0x377f0683 // checksums over big-endian words
	walVersion         = 3007000
)

// walPageOne returns the header bytes of the latest committed copy of the
// database's first page in the write-ahead log at path, or nil when the log
// is missing, empty, invalid or holds no committed copy of page one: then
// the main file's header is the current one.
//
// A database created by an earlier build and never checkpointed keeps its
// application id only in its log; reading the log here, as SQLite's
// recovery would, recognizes it without letting SQLite write anything.
// Frames count as SQLite counts them: those that carry the log's salts and
// whose running checksum matches, up to the last commit frame among them.
func walPageOne(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	hdr := make([]byte, walHeaderSize)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, nil
	}
	magic := binary.BigEndian.Uint32(hdr[0:4])
	if magic != walMagicLE && magic != walMagicBE || binary.BigEndian.Uint32(hdr[4:8]) != walVersion {
		return nil, nil
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if magic == walMagicBE {
		order = binary.BigEndian
	}
	pageSize := binary.BigEndian.Uint32(hdr[8:12])
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return nil, nil
	}
	s0, s1 := walChecksum(order, hdr[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(hdr[24:28]) || s1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return nil, nil
	}
	salts := hdr[16:24]
	frame := make([]byte, walFrameHeaderSize+int(pageSize))
	var pending, committed []byte // page one as last written, and as of the last commit
	for {
		if _, err := io.ReadFull(r, frame); err != nil {
			return committed, nil
		}
		fh, page := frame[:walFrameHeaderSize], frame[walFrameHeaderSize:]
		if string(fh[8:16]) != string(salts) {
			return committed, nil
		}
		s0, s1 = walChecksum(order, fh[:8], s0, s1)
		s0, s1 = walChecksum(order, page, s0, s1)
		if s0 != binary.BigEndian.Uint32(fh[16:20]) || s1 != binary.BigEndian.Uint32(fh[20:24]) {
			return committed, nil
		}
		if binary.BigEndian.Uint32(fh[0:4]) == 1 {
			pending = append(pending[:0], page[:headerSize]...)
		}
		if binary.BigEndian.Uint32(fh[4:8]) != 0 && pending != nil { // a commit frame
			committed = append(committed[:0], pending...)
		}
	}
}

// walChecksum continues SQLite's log checksum (s0, s1) over b, whose length
// is a multiple of 8, read as 32-bit words in the log's byte order.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}
