package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// DemoOrgName names the organization of a demo database.
const DemoOrgName = "计算机科学与技术学院党委"

func runDemo(e *env, args []string) int {
	fs := e.flags("demo", "")
	db := dbFlag(fs)
	members := fs.Int("members", 300, "党员人数")
	seed := fs.Int64("seed", 1, "随机种子：相同种子生成相同数据")
	asOf := asOfFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if !flagGiven(fs, "db") {
		return e.fail(ExitUsage, "请用 --db 指定演示数据库的路径（演示数据不写入默认数据库）")
	}
	if *members < demo.MinMembers || *members > 200000 {
		return e.fail(ExitUsage, "--members 应在%d到200000之间", demo.MinMembers)
	}
	today, err := e.today(*asOf)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	clock := func() time.Time { return today.Add(12 * time.Hour) }
	var sum demo.Summary
	generate := func(s *data.Store) error {
		progress := e.progress("正在生成演示数据")
		defer e.endProgress(progress)
		var err error
		sum, err = demo.Generate(e.ctx, s, demo.Options{Members: *members, Seed: *seed, AsOf: today, Progress: progress})
		if err != nil {
			return &generateError{err}
		}
		return nil
	}
	if code := writeDemo(e, *db, clock, generate); code != ExitOK {
		return code
	}
	e.printf("已生成演示数据：%d个支部，%d名党员，%d次学习培训，%d次组织生活，%d条党费记录，发展党员名册%d人\n数据库：%s\n",
		sum.Branches, sum.Members, sum.Trainings, sum.Meetings, sum.Dues, sum.Applicants, *db)
	return ExitOK
}

// generateError is a failure of the demo's generation, as opposed to one
// of opening or creating the database.
type generateError struct{ err error }

func (g *generateError) Error() string { return g.err.Error() }

// writeDemo writes the demo with generate into the database at path. A
// new database is generated before it appears at its path, so that a
// second demo at the same time either finds the path taken or sees the
// finished demo; never two demos in one database. An existing database
// must hold no members: demo data never mixes with real records.
func writeDemo(e *env, path string, clock func() time.Time, generate func(*data.Store) error) int {
	if _, err := os.Lstat(path); err != nil {
		s, err := createStore(e, path, DemoOrgName, "DEMO", generate, data.WithClock(clock))
		var gen *generateError
		switch {
		case errors.As(err, &gen):
			return e.fail(ExitUsage, "生成演示数据失败，未写入任何数据：%v", gen.err)
		case errors.Is(err, data.ErrExists):
			return e.fail(ExitUsage, "数据库文件已存在，未写入演示数据（可能另一个程序同时新建了它）：%s", path)
		case err != nil:
			return e.fail(ExitUsage, "无法新建数据库：%v", err)
		}
		s.Close()
		return ExitOK
	}
	s, code := openStore(e, path, clock)
	if s == nil {
		return code
	}
	defer s.Close()
	if n, err := s.Members.Count(e.ctx, data.WithDeleted()); err != nil || n > 0 {
		return e.fail(ExitUsage, "数据库中已有党员记录，演示数据只能写入新的或空的数据库：%s", path)
	}
	if err := generate(s); err != nil {
		return e.fail(ExitUsage, "生成演示数据失败，未写入任何数据：%v", err)
	}
	return ExitOK
}

// progress returns a callback printing a percentage on stderr when it is a
// terminal; scripts and logs get only the final report.
func (e *env) progress(label string) func(done, total int) {
	if f, ok := e.stderr.(*os.File); !ok || !isTerminal(f) {
		return nil
	}
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := done * 100 / total
		if pct != last {
			last = pct
			fmt.Fprintf(e.stderr, "\r%s… %d%%", label, pct)
		}
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// flagGiven reports whether the flag was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// endProgress ends the progress line, when one was drawn.
func (e *env) endProgress(progress func(done, total int)) {
	if progress != nil {
		fmt.Fprintln(e.stderr)
	}
}
