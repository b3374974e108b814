package cli

import (
	"strings"
	"testing"
)

// TestSettingsCommands: the rules' settings are listed, set and refused
// from the command line, and a revised version of the 发展党员 rules is
// added with its 施行日期, chosen, and listed as chosen.
func TestSettingsCommands(t *testing.T) {
	_, db := demoDB(t)
	code, out, errOut := run(t, "settings", "list", "--db", db)
	if code != ExitOK || !strings.Contains(out, "train.hours") || !strings.Contains(out, "dev.version") {
		t.Fatalf("list: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run(t, "settings", "set", "--db", db, "train.hours", "40"); code != ExitOK {
		t.Fatalf("set: %s", errOut)
	}
	if _, out, _ := run(t, "settings", "list", "--db", db); !strings.Contains(out, "40") {
		t.Errorf("the value set is not listed: %s", out)
	}
	code, _, errOut = run(t, "settings", "set", "--db", db, "train.hours", "很多")
	if code != ExitUsage || !strings.Contains(errOut, "未修改") || !strings.Contains(errOut, "整数") {
		t.Errorf("a bad value: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "settings", "set", "--db", db, "nosuch.key", "3")
	if code != ExitUsage || !strings.Contains(errOut, "没有设置项") {
		t.Errorf("an unknown key: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "settings", "dev-rules-add", "--db", db, "--name", "y", "--title", "t", "--since",
		"2026-07-01", "--set", "nokey=3")
	if code != ExitUsage || !strings.Contains(errOut, "没有“nokey”这一项") {
		t.Errorf("an unknown value of a version: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "settings", "set", "--db", db, "dev.version", "没有的版本")
	if code != ExitUsage || !strings.Contains(errOut, "不存在") {
		t.Errorf("an unknown version: %d %s", code, errOut)
	}

	code, out, errOut = run(t, "settings", "dev-rules-add", "--db", db, "--name", "2026", "--title",
		"《中国共产党发展党员工作细则》（2026年修订）", "--since", "2026-07-01", "--set", "talk_months=2", "--use")
	if code != ExitOK || !strings.Contains(out, "已选用") {
		t.Fatalf("add: %d %s %s", code, out, errOut)
	}
	_, out, _ = run(t, "settings", "dev-rules", "--db", db)
	if !strings.Contains(out, "版本 2026（选用）") || !strings.Contains(out, "2026-07-01起") {
		t.Errorf("dev-rules: %s", out)
	}
	code, _, errOut = run(t, "settings", "dev-rules-add", "--db", db, "--name", "x", "--title", "t", "--since",
		"2026-07-01", "--set", "probation_months=0")
	if code != ExitUsage || !strings.Contains(errOut, "预备期") {
		t.Errorf("a value out of bounds: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "settings", "dev-rules-add", "--db", db, "--name", "2026", "--title", "t", "--since", "2026-08-01")
	if code != ExitUsage || !strings.Contains(errOut, "未新增") {
		t.Errorf("a second version of one name: %d %s", code, errOut)
	}
}
