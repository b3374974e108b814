package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// flags makes a command's flag set: -h or --help prints its Chinese usage
// (用法, the operands, each option with its value, description and
// default) to stdout; a usage error prints a Chinese message and the usage
// to stderr. name is the command as typed after dangjian (report, sync
// join); operands are its positional arguments (种类 文件.xlsx); notes are
// lines telling them apart.
func (e *env) flags(name, operands string, notes ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own messages are English
	fs.Usage = func() { writeUsage(fs.Output(), fs, operands, notes) }
	return fs
}

// showUsage prints fs's usage to w.
func showUsage(fs *flag.FlagSet, w io.Writer) {
	fs.SetOutput(w)
	fs.Usage()
	fs.SetOutput(io.Discard)
}

// usageError reports a usage error with the command's usage after it.
func (e *env) usageError(fs *flag.FlagSet, format string, a ...any) int {
	fmt.Fprintf(e.stderr, format+"\n\n", a...)
	showUsage(fs, e.stderr)
	return ExitUsage
}

// valueNames are what an option's value is, as its usage shows it.
var valueNames = map[string]string{
	"db": "文件", "out": "文件", "org-keys": "文件", "dir": "目录", "year": "年度", "branch": "名称或编号",
	"endpoint": "地址", "bucket": "名称", "access-key": "密钥", "secret-key": "密钥",
	"members": "人数", "seed": "数字", "seq": "序号", "as-of": "日期", "code": "代码", "map": "表头=列名",
}

// valueName is the placeholder of f's value: none for a switch.
func valueName(name string, f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return ""
	}
	if name == "merge" && f.Name == "out" {
		return "文件夹或文件"
	}
	if name == "report" && (f.Name == "from" || f.Name == "to") {
		return "日期"
	}
	if n, ok := valueNames[f.Name]; ok {
		return n
	}
	if name == "init" && f.Name == "org" {
		return "名称"
	}
	if f.Name == "org" {
		return "编号"
	}
	return "值"
}

func writeUsage(w io.Writer, fs *flag.FlagSet, operands string, notes []string) {
	line := "用法：dangjian " + fs.Name()
	if operands != "" {
		line += " " + operands
	}
	fmt.Fprintln(w, line+" [选项]")
	for _, n := range notes {
		for _, l := range wrapNote(n, noteWidth) {
			fmt.Fprintln(w, l)
		}
	}
	fmt.Fprintln(w, "选项：")
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		left := "--" + f.Name
		if v := valueName(fs.Name(), f); v != "" {
			left += " " + v
		}
		right := f.Usage
		if d := f.DefValue; d != "" && d != "0" && d != "false" && !strings.Contains(right, "默认") {
			right += "（默认：" + d + "）"
		}
		rows = append(rows, row{left, right})
		width = max(width, displayWidth(left))
	})
	rows = append(rows, row{"-h, --help", "显示本说明"})
	width = max(width, len("-h, --help"))
	for _, r := range rows {
		fmt.Fprintf(w, "  %s%s  %s\n", r.left, strings.Repeat(" ", width-displayWidth(r.left)), r.right)
	}
}

// noteWidth is how wide a note's lines may run before they are wrapped.
const noteWidth = 100

// wrapNote breaks a long note, a list such as 种类：members 党员信息 | …,
// after its " | " separators into lines of at most width columns, the
// lines after the first indented under the list.
func wrapNote(n string, width int) []string {
	if displayWidth(n) <= width || !strings.Contains(n, " | ") {
		return []string{n}
	}
	indent := ""
	if head, _, ok := strings.Cut(n, "："); ok && displayWidth(head) < width/2 {
		indent = strings.Repeat(" ", displayWidth(head)+2)
	}
	var lines []string
	line := ""
	for i, part := range strings.Split(n, " | ") {
		switch {
		case i == 0:
			line = part
		case displayWidth(line+" | "+part) > width:
			lines = append(lines, line+" |")
			line = indent + part
		default:
			line += " | " + part
		}
	}
	return append(lines, line)
}

// displayWidth is how many columns a terminal gives s: two for each
// Chinese character.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}

// Messages of the flag package, matched to tell them in Chinese.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: (-+.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: (-+.*)$`)
	flagBadValue  = regexp.MustCompile(`^invalid value (".*") for flag (-+[^:]*): (.*)$`)
	flagBadBool   = regexp.MustCompile(`^invalid boolean (?:value ".*" for|flag) (-+[^:]*):`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError is a flag package's error told in Chinese.
func flagError(err error) string {
	msg := err.Error()
	opt := func(s string) string { return "--" + strings.TrimLeft(s, "-") }
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return "没有这个选项：" + opt(m[1])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return "选项 " + opt(m[1]) + " 后面缺少取值"
	}
	if m := flagBadBool.FindStringSubmatch(msg); m != nil {
		return "选项 " + opt(m[1]) + " 是开关，不带取值"
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		why := m[3]
		switch {
		case strings.HasSuffix(why, "parse error"):
			why = "应为数字"
		case strings.HasSuffix(why, "value out of range"):
			why = "超出范围"
		}
		return "选项 " + opt(m[2]) + " 的取值 " + m[1] + " 无效：" + why
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return "选项写法有误：" + m[1]
	}
	return msg
}

// parse parses a command with no positional arguments; it returns false
// (after reporting) on a usage error, or after -h.
func (e *env) parse(fs *flag.FlagSet, args []string) (ok bool, code int) {
	pos, ok, code := e.parseWith(fs, args)
	if ok && len(pos) > 0 {
		return false, e.usageError(fs, "多余的参数：%s", strings.Join(pos, " "))
	}
	return ok, code
}

// parseWith parses flags and positional arguments in any order, returning
// the positional ones.
func (e *env) parseWith(fs *flag.FlagSet, args []string) (positional []string, ok bool, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				showUsage(fs, e.stdout)
				return nil, false, ExitOK
			}
			return nil, false, e.usageError(fs, "%s", flagError(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, true, ExitOK
		}
		positional, args = append(positional, args[0]), args[1:]
	}
}
