package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"dangjian/data/localfs"
)

// ErrTooLarge is wrapped by Attach's refusal of a file over MaxBlobSize.
var ErrTooLarge = errors.New("附件过大")

// ownerTables are the tables whose rows may have attachments.
var ownerTables = func() map[string]bool {
	out := map[string]bool{}
	for _, r := range []Record{&Branch{}, &PartyGroup{}, &Member{}, &Training{}, &TrainingPlan{}, &Meeting{},
		&Appraisal{}, &Agreement{}, &AgreementTarget{}, &Honor{}, &Dues{}, &Fund{}, &Transfer{}, &Talk{},
		&CareRecord{}, &Liaison{}, &LiaisonLog{}, &Supervision{}, &Feedback{}, &TrainingAttendee{},
		&PracticePost{}, &Pledge{}, &VolunteerService{}, &Publicity{}, &Reward{}, &Discipline{}, &Correction{},
		&Disposition{}, &PostTerm{}, &Episode{}, &SchoolTeacher{}, &SchoolCourse{}, &Applicant{}, &DevStep{}} {
		out[r.Table()] = true
	}
	return out
}()

// Attach stores content as a file named name attached to the row ownerID of
// ownerTable, in one transaction. The bytes are kept once however many
// attachments hold them (keyed by their SHA-256); the MIME type comes from
// the name's extension, else from the content. A file over MaxBlobSize is
// refused with ErrTooLarge.
func (s *Store) Attach(ctx context.Context, ownerTable, ownerID, name string, content []byte) (*Attachment, error) {
	name = attachmentName(name)
	if len(content) > MaxBlobSize {
		return nil, fmt.Errorf("%w：“%s”大小为%s，附件不能超过%d MB", ErrTooLarge, name, SizeText(int64(len(content))), MaxBlobSize>>20)
	}
	if !ownerTables[ownerTable] {
		return nil, fmt.Errorf("不能为“%s”添加附件", ownerTable)
	}
	a := &Attachment{OwnerTable: ownerTable, OwnerID: Ref(ownerID), Name: name, MIME: mimeOf(name, content),
		Size: int64(len(content))}
	err := s.Write(ctx, func(tx *Tx) error {
		if ownerID != "" {
			var one int
			err := tx.w.QueryRowContext(ctx, "SELECT 1 FROM "+ownerTable+" WHERE id = ? AND deleted_at IS NULL", ownerID).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("附件所属的%s：%w", labelOfTable(ownerTable), ErrNotFound)
			} else if err != nil {
				return err
			}
		}
		key, err := tx.PutBlob(ctx, content)
		if err != nil {
			return err
		}
		a.SHA256 = key
		return tx.Attachments.Create(ctx, a)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

func labelOfTable(table string) string {
	if l := tableLabels[table]; l != "" {
		return l
	}
	return "记录"
}

// attachmentName keeps the file name of a path, "未命名" when there is none.
func attachmentName(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || name == "." || name == ".." {
		return "未命名"
	}
	return name
}

// mimeOf names the type of a file from its extension, else its content.
func mimeOf(name string, content []byte) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); t != "" {
		return t
	}
	return http.DetectContentType(content)
}

// SizeText gives a file size as people read it: 512 B, 12.5 KB, 3.2 MB.
func SizeText(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%.2f GB", float64(n)/(1<<30))
	}
}

// AttachmentsOf lists the live attachments of a row, oldest first.
func (s *Store) AttachmentsOf(ctx context.Context, ownerTable, ownerID string) ([]Attachment, error) {
	return s.Tables.Attachments.List(ctx, Where(ColOwnerTable, ownerTable), Where(ColOwnerID, ownerID))
}

// BlobUsage counts the stored files and their bytes: each distinct content
// once, however many attachments hold it.
func (s *Store) BlobUsage(ctx context.Context) (count int, size int64, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(SUM(LENGTH(content)), 0) FROM blobs WHERE deleted_at IS NULL").
		Scan(&count, &size)
	return count, size, err
}

// ExportAttachment writes the attachment's bytes to a file in dir (made if
// missing), named as the attachment, for opening with the system's viewer,
// and returns its path. A file of that name with other content is left
// alone: the copy is then named with the start of the content's hash.
func (s *Store) ExportAttachment(ctx context.Context, a *Attachment, dir string) (string, error) {
	content, err := s.Blob(ctx, a.SHA256)
	if err != nil {
		return "", fmt.Errorf("读取附件“%s”失败：%w", a.Name, err)
	}
	sum := sha256.Sum256(content)
	if hex.EncodeToString(sum[:]) != a.SHA256 {
		return "", fmt.Errorf("附件“%s”已损坏（校验值不符）", a.Name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("无法创建目录 %s：%w", dir, err)
	}
	name := safeFileName(a.Name)
	path := filepath.Join(dir, name)
	if old, err := os.ReadFile(path); err == nil {
		if bytes.Equal(old, content) {
			return path, nil
		}
		ext := filepath.Ext(name)
		path = filepath.Join(dir, strings.TrimSuffix(name, ext)+"-"+a.SHA256[:8]+ext)
	}
	err = localfs.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("无法导出附件“%s”：%w", a.Name, err)
	}
	return path, nil
}

// safeFileName makes name usable as a file name on Windows and elsewhere.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, attachmentName(name))
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "附件"
	}
	stem := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	if windowsReserved[stem] {
		name = "_" + name
	}
	return name
}

// windowsReserved are the device names Windows refuses as file names.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}
