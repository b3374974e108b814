package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// MaxBlobSize is the largest file an attachment may hold.
const MaxBlobSize = 20 << 20

// PutBlob stores content once, keyed by its SHA-256, and returns the key
// for an Attachment's SHA256. Storing the same bytes again is free.
func (tx *Tx) PutBlob(ctx context.Context, content []byte) (string, error) {
	if len(content) > MaxBlobSize {
		return "", fmt.Errorf("文件过大（%d MB），附件不能超过%d MB", len(content)>>20, MaxBlobSize>>20)
	}
	sum := sha256.Sum256(content)
	key := hex.EncodeToString(sum[:])
	w := tx.w
	_, err := w.exec(ctx, `INSERT INTO blobs (id, org_id, version, updated_at, content) VALUES (?, ?, 1, ?, ?)
		ON CONFLICT(id) DO NOTHING`, key, w.s.Org().ID, Stamp{w.at}, content)
	if err != nil {
		return "", fmt.Errorf("保存附件失败：%w", err)
	}
	return key, nil
}

// Blob returns the bytes stored under key.
func (s *Store) Blob(ctx context.Context, key string) ([]byte, error) {
	var content []byte
	err := s.db.QueryRowContext(ctx, "SELECT content FROM blobs WHERE id = ?", key).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return content, err
}
