package localfs

import (
	"errors"
	"io/fs"
	"syscall"
)

// PathError tells in Chinese why a file or folder could not be written
// and where: the output file or the output folder the user chose, never
// the hidden scratch folder the work was done in. Its Cause is the
// system's error, kept for errors.Is.
type PathError struct {
	Path  string
	Cause error
	Note  string // what the user may do, said after the path; may be ""
}

func (e *PathError) Error() string {
	text := "无法写入：" + e.Path + "（" + e.Cause.Error() + "）"
	if reason := Reason(e.Cause); reason != "" {
		text = reason + "：" + e.Path
	}
	if e.Note != "" {
		text += "（" + e.Note + "）"
	}
	return text
}

func (e *PathError) Unwrap() error { return e.Cause }

// Reason is the common cause of a failed file operation in Chinese
// (「没有写入权限」, 「文件夹不存在」, 「磁盘空间不足」…), or "" when err is
// none of them.
func Reason(err error) string {
	switch {
	case err == nil:
		return ""
	case isReadOnly(err):
		return "没有写入权限（磁盘或文件夹是只读的）"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case isNoSpace(err):
		return "磁盘空间不足"
	case isNameTooLong(err):
		return "文件名太长"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件"
	case isNotDir(err):
		return "路径中的一层是文件而不是文件夹"
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在"
	case errors.Is(err, fs.ErrExist):
		return "文件已存在"
	}
	return ""
}

// ReadReason is the common cause of a failed read of a file the user
// chose, in Chinese (「文件不存在」, 「没有读取权限」, 「这是一个文件夹，不是文件」),
// or "" when err is none of them.
func ReadReason(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件"
	}
	return ""
}

// explain wraps a system error of writing in place (the output file or
// folder) in a PathError when Reason knows its cause; other errors (the
// writer's own, a cancel) are returned as they are.
func explain(err error, place string) error {
	var pe *PathError
	if err == nil || errors.As(err, &pe) || Reason(err) == "" {
		return err
	}
	return &PathError{Path: place, Cause: err}
}

// explainAny is explain for errors that can only come from the file
// system: one of unknown cause is wrapped too, so the message names place.
func explainAny(err error, place string) error {
	var pe *PathError
	if err == nil || errors.As(err, &pe) {
		return err
	}
	return &PathError{Path: place, Cause: err}
}
