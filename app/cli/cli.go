package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/app/appcore"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitUsage    = 2 // unusable input or usage; nothing written
	ExitRejected = 3 // some rows or inputs refused
)

// env is what a command runs with.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
}

type command struct {
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]command{
	"init":  {"新建组织数据库", runInit},
	"demo":  {"生成演示数据", runDemo},
	"check": {"检查各项制度落实情况", runCheck},
}

// group is a command whose first argument names one of its own
// sub-commands (keys init, sync push, committee enroll).
type group struct {
	name string
	subs []sub
}

type sub struct {
	name    string
	summary string // what it does, in Chinese
	run     func(e *env, args []string) int
}

// run runs the sub-command args[0] with the rest of args; -h, --help or
// help prints the group's usage.
func (g group) run(e *env, args []string) int {
	if len(args) == 0 {
		g.usage(e.stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		g.usage(e.stdout)
		return ExitOK
	}
	subs := g.all()
	names := make([]string, len(subs))
	for i, s := range subs {
		if s.name == args[0] {
			return s.run(e, args[1:])
		}
		names[i] = s.name
	}
	fmt.Fprintf(e.stderr, "未知的 %s 子命令：%s（可用：%s）\n\n", g.name, args[0], strings.Join(names, ", "))
	g.usage(e.stderr)
	return ExitUsage
}

// usage lists the group's sub-commands, those other files add included.
func (g group) usage(w io.Writer) {
	fmt.Fprintf(w, "用法：dangjian %s 子命令 [选项]\n子命令：\n", g.name)
	for _, s := range g.all() {
		fmt.Fprintf(w, "  %-8s %s\n", s.name, s.summary)
	}
	fmt.Fprintf(w, "各子命令的选项：dangjian %s 子命令 -h\n", g.name)
}

// IsCommand reports whether args name a sub-command, possibly after the
// global --db option; otherwise the program opens the GUI.
func IsCommand(args []string) bool {
	_, rest := splitGlobal(args)
	if len(rest) > 0 && isHelp(rest[0]) {
		return true // the command line's usage, which tells the window's options too
	}
	return len(rest) > 0 && !strings.HasPrefix(rest[0], "-")
}

// isHelp reports whether arg asks for the usage.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "--help", "-help":
		return true
	}
	return false
}

// splitGlobal separates the global options before the sub-command (--db P)
// from the rest.
func splitGlobal(args []string) (global, rest []string) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case (a == "--db" || a == "-db") && len(args) > 1:
			global, args = append(global, a, args[1]), args[2:]
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			global, args = append(global, a), args[1:]
		default:
			return global, args
		}
	}
	return global, nil
}

// Main runs the sub-command in args and returns the process exit code.
// Ctrl+C cancels long work cleanly.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, now: time.Now}
	return e.dispatch(args)
}

func (e *env) dispatch(args []string) int {
	// A global --db before the command counts as the command's own.
	if global, rest := splitGlobal(args); len(global) > 0 && len(rest) > 0 {
		args = append(append([]string{rest[0]}, global...), rest[1:]...)
	}
	if len(args) == 0 || isHelp(args[0]) {
		e.usage(e.stdout)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "未知命令：%s\n\n", args[0])
		e.usage(e.stderr)
		return ExitUsage
	}
	return cmd.run(e, args[1:])
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, "用法：dangjian [命令] [选项]（不带命令时打开图形界面）")
	fmt.Fprintln(w, "图形界面：dangjian [--db 文件]          打开本组织的数据库（默认："+appcore.DefaultDBPath()+"）")
	fmt.Fprintln(w, "          dangjian --committee 目录     党委汇总模式：打开党委同步目录中本学期的汇总结果")
	fmt.Fprintln(w, "命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "各命令的选项：dangjian 命令 -h")
}

// fail reports an error and returns code.
func (e *env) fail(code int, format string, a ...any) int {
	fmt.Fprintf(e.stderr, format+"\n", a...)
	return code
}

// dbFlag adds the --db flag.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", appcore.DefaultDBPath(), "数据库文件路径")
}

// asOfFlag adds --as-of, the day taken as today (for reproducible runs).
func asOfFlag(fs *flag.FlagSet) *string {
	return fs.String("as-of", "", "以该日期为“今天”（年-月-日，如 2026-03-01），用于复现")
}

// today resolves --as-of, or the clock's date.
func (e *env) today(asOf string) (time.Time, error) {
	if asOf == "" {
		y, m, d := e.now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", asOf)
	if err != nil {
		return time.Time{}, fmt.Errorf("--as-of 应为 YYYY-MM-DD 格式的日期")
	}
	return t, nil
}

// Years a --year may name: from the founding of the Party to a bound that
// catches typing mistakes (20266).
const (
	firstYear = 1921
	lastYear  = 2100
)

// checkYear accepts 0 (the default year) or a year in range.
func checkYear(year int) error {
	if year != 0 && (year < firstYear || year > lastYear) {
		return fmt.Errorf("--year %d 无效：年度应在%d到%d之间", year, firstYear, lastYear)
	}
	return nil
}

// yearValue is a --year: decimal digits only (flag.Int would read 02025 as
// octal and 0x7e9 as hex), told in Chinese when it is not a number.
type yearValue int

func (y *yearValue) String() string { return strconv.Itoa(int(*y)) }

func (y *yearValue) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return fmt.Errorf("年度应为四位数字，如 %d", lastYear-74)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("年度应为四位数字")
	}
	*y = yearValue(n)
	return nil
}

// yearFlag adds --year; 0 when not given.
func yearFlag(fs *flag.FlagSet, usage string) *int {
	var y yearValue
	fs.Var(&y, "year", usage)
	return (*int)(&y)
}
