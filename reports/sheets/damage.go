package sheets

import (
	"archive/zip"
	"compress/flate"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// partError is a part of the workbook that could not be read whole: the
// file is damaged (a checksum that does not match, data cut short,
// corrupt compressed data, XML that is not well-formed).
type partError struct {
	part string
	err  error
}

func (e *partError) Error() string { return e.part + ": " + e.err.Error() }
func (e *partError) Unwrap() error { return e.err }

// damaged turns an error met while reading the workbook into what Import
// returns. where says what was being read, as in "读到工作表“党员信息”第5行".
// A cancelled context stays itself; an input error (a limit passed) keeps
// its own message; anything else makes the file damaged.
func damaged(where string, err error) error {
	var ie *InputError
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.As(err, &ie):
		return ie
	}
	return inputErrorf("文件已损坏：%s时出错（%s）", where, damageReason(err))
}

// damageReason says in Chinese what is wrong with a damaged part.
func damageReason(err error) string {
	var corrupt flate.CorruptInputError
	var syntax *xml.SyntaxError
	var format *formatError
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "校验和不符，内容已被改动"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "数据不完整，文件可能被截断"
	case errors.Is(err, zip.ErrFormat):
		return "数据长度与文件目录不符或格式错误"
	case errors.Is(err, zip.ErrAlgorithm):
		return "使用了不支持的压缩方法"
	case errors.As(err, &corrupt):
		return "压缩数据已损坏"
	case errors.As(err, &syntax):
		return xmlReason(syntax.Msg)
	case errors.As(err, &format):
		return format.msg
	case errors.Is(err, errTokenTooLarge):
		return "一个单元格或标签超过了4 MB，文件异常"
	case errors.Is(err, errTooDeep):
		return fmt.Sprintf("XML元素嵌套超过%d层，文件异常", maxDepth)
	}
	return "无法读取"
}

// xmlReason names the commonest XML errors.
func xmlReason(msg string) string {
	switch {
	case strings.Contains(msg, "illegal character"):
		return "含有XML不允许的控制字符"
	case strings.Contains(msg, "invalid UTF-8"):
		return "含有无效的UTF-8编码"
	case strings.Contains(msg, "unexpected EOF"):
		return "内容不完整"
	}
	return "XML格式错误"
}

// label is a name from the file (a part's, a sheet's) fit for a message:
// valid UTF-8 without control characters, at most 80 bytes.
func label(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7F {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(name, "?"))
	if len(name) > 80 {
		name = strings.ToValidUTF8(name[:80], "") + "…"
	}
	return name
}
