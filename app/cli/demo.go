package cli

import (
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
	fs := e.flags("demo")
	db := dbFlag(fs)
	members := fs.Int("members", 300, "党员人数")
	seed := fs.Int64("seed", 1, "随机种子:相同种子生成相同数据")
	asOf := asOfFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if !flagGiven(fs, "db") {
		return e.fail(ExitUsage, "请用 --db 指定演示数据库的路径(演示数据不写入默认数据库)")
	}
	if *members < demo.MinMembers || *members > 200000 {
		return e.fail(ExitUsage, "--members 应在%d到200000之间", demo.MinMembers)
	}
	today, err := e.today(*asOf)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	clock := func() time.Time { return today.Add(12 * time.Hour) }
	s, created, code := demoStore(e, *db, clock)
	if s == nil {
		return code
	}
	defer s.Close()
	progress := e.progress("正在生成演示数据")
	sum, err := demo.Generate(e.ctx, s, demo.Options{Members: *members, Seed: *seed, AsOf: today, Progress: progress})
	e.endProgress(progress)
	if err != nil {
		s.Close()
		if created {
			removeDB(*db)
		}
		return e.fail(ExitUsage, "生成演示数据失败,未写入任何数据: %v", err)
	}
	e.printf("已生成演示数据: %d个支部, %d名党员, %d次学习培训, %d次组织生活, %d条党费记录\n数据库: %s\n",
		sum.Branches, sum.Members, sum.Trainings, sum.Meetings, sum.Dues, *db)
	return ExitOK
}

// demoStore opens the database, creating it when missing. An existing
// database must hold no members: demo data never mixes with real records.
func demoStore(e *env, path string, clock func() time.Time) (*data.Store, bool, int) {
	if _, err := os.Stat(path); err != nil {
		s, err := createStore(e, path, DemoOrgName, "DEMO", data.WithClock(clock))
		if err != nil {
			return nil, false, e.fail(ExitUsage, "无法新建数据库: %v", err)
		}
		return s, true, ExitOK
	}
	s, code := openStore(e, path, clock)
	if s == nil {
		return nil, false, code
	}
	if n, err := s.Members.Count(e.ctx, data.WithDeleted()); err != nil || n > 0 {
		s.Close()
		return nil, false, e.fail(ExitUsage, "数据库中已有党员记录,演示数据只能写入新的或空的数据库: %s", path)
	}
	return s, false, ExitOK
}

func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
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
