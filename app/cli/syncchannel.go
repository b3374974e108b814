package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	snapshot "dangjian/sync"
)

// printChannel tells what the reading of the committee's channel that
// follows a push took (on stdout) and what it refused or could not do
// (on stderr); the push's own exit code stands.
func (e *env) printChannel(res snapshot.FetchResult, err error) {
	for _, o := range res.New {
		e.printf("已接收党委发布的第%d号：%s%s\n", o.Seq, o.Kind.Label(), titleText(o.Title))
	}
	switch {
	case errors.Is(err, snapshot.ErrChannelRefused) || errors.Is(err, snapshot.ErrNoCommitteeKey):
		fmt.Fprintln(e.stderr, err) // they name the committee's publications themselves
	case err != nil:
		fmt.Fprintf(e.stderr, "未能读取党委发布的内容：%v\n", err)
	}
}

// fileErrText says in Chinese why the file at path could not be read,
// naming it; the operating system's own words only for a rarer cause.
func fileErrText(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在：" + path
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限：" + path
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件：" + path
	}
	return fmt.Sprintf("%s（%v）", path, err)
}
