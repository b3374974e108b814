package cli

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/app/appcore"
	"dangjian/data/rules"
	"dangjian/reports/documents"
	"dangjian/reports/sheets"
)

// groupNames are the commands that are groups of sub-commands.
var groupNames = []string{"committee", "keys", "settings", "sync"}

// subcommands are the sub-commands a group's own help lists, as typed;
// none when it lists none.
func subcommands(group string) []string {
	var out bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: io.Discard, now: func() time.Time { return testToday }}
	_, list, ok := strings.Cut(func() string { e.dispatch([]string{group, "-h"}); return out.String() }(), "子命令：\n")
	if !ok {
		return nil
	}
	var names []string
	for _, line := range strings.Split(list, "\n") {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		names = append(names, strings.Fields(line)[0])
	}
	return names
}

// everyCommand is every command line that takes options: each command,
// each group's sub-commands as its help lists them.
func everyCommand(t *testing.T) [][]string {
	var out [][]string
	for name := range commands {
		if slices.Contains(groupNames, name) {
			subs := subcommands(name)
			if len(subs) < 2 {
				t.Errorf("%s -h lists %v", name, subs)
			}
			for _, s := range subs {
				out = append(out, []string{name, s})
			}
		}
		out = append(out, []string{name})
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(strings.Join(a, " "), strings.Join(b, " ")) })
	return out
}

var asciiWord = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)

// englishWords are the words of text that are English: not an option's
// name (after -), a file extension (after .), the program's name, a
// command's or a document's name as typed, or http of an address.
func englishWords(text string) []string {
	typed := map[string]bool{"dangjian": true, "http": true}
	for name := range commands {
		typed[name] = true
	}
	for _, g := range groupNames {
		for _, s := range subcommands(g) {
			typed[s] = true
		}
	}
	for _, k := range documents.Kinds {
		typed[string(k)] = true
	}
	for _, k := range documents.CommitteeKinds {
		typed[string(k)] = true
	}
	for k := range publishKinds {
		typed[k] = true
	}
	for _, d := range rules.SettingDefs { // thresholds are typed as key=value
		for _, part := range strings.Split(d.Key, ".") {
			typed[part] = true
		}
	}
	for _, d := range rules.DevParamDefs { // typed as key=value
		for _, part := range strings.Split(d.Key, "_") {
			typed[part] = true
		}
		typed[d.Key] = true
	}
	typed["T"] = true // a task's number, T and the publication's seq
	for _, k := range sheets.Kinds {
		typed[string(k)] = true
	}
	typed[nationalKind] = true // export national
	for w := range typed {     // member-file reads as member and file
		for _, part := range strings.Split(w, "-") {
			typed[part] = true
		}
	}
	var words []string
	for _, loc := range asciiWord.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		if loc[0] > 0 && strings.ContainsRune("-.", rune(text[loc[0]-1])) || typed[w] {
			continue
		}
		words = append(words, w)
	}
	return words
}

// TestEveryCommandHasChineseHelp: -h and --help print each command's
// usage in Chinese on stdout, with each of its options described and its
// default told as 默认; a usage error prints the same usage after the
// error, with exit code 2.
func TestEveryCommandHasChineseHelp(t *testing.T) {
	dbDefault := appcore.DefaultDBPath()
	for _, cmd := range everyCommand(t) {
		for _, help := range []string{"-h", "--help"} {
			args := append(slices.Clone(cmd), help)
			code, out, errOut := run(t, args...)
			if code != ExitOK || errOut != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
			}
			if !strings.HasPrefix(out, "用法：dangjian "+strings.Join(cmd, " ")) {
				t.Errorf("%v prints %q", args, out)
			}
			if w := englishWords(strings.ReplaceAll(out, dbDefault, "")); len(w) > 0 {
				t.Errorf("%v: English words %q in\n%s", args, w, out)
			}
			// The committee's --db is a consolidated database: its default is the term's result.
			if strings.Contains(out, "--db") && !strings.Contains(out, "默认："+dbDefault) && cmd[0] != "committee" {
				t.Errorf("%v: the default database is not told:\n%s", args, out)
			}
		}
	}
	// A group's own help lists its sub-commands.
	if code, out, _ := run(t, "sync", "-h"); code != ExitOK || !strings.Contains(out, "push") || !strings.Contains(out, "子命令") {
		t.Errorf("sync -h: %d %q", code, out)
	}

	code, out, errOut := run(t, "demo", "--members", "many")
	if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "选项 --members 的取值 \"many\" 无效：应为数字") ||
		!strings.Contains(errOut, "用法：dangjian demo") || !strings.Contains(errOut, "默认：300") {
		t.Errorf("a bad value: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{{"report", "--nosuch"}, {"report", "--out"}, {"check", "--json=maybe"}, {"report", "--db", "x.db"}} {
		code, _, errOut := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, "用法：dangjian "+args[0]) {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		first, _, _ := strings.Cut(errOut, "\n")
		if w := englishWords(first); len(w) > 0 {
			t.Errorf("%v: English words %q in %q", args, w, first)
		}
	}
}

// dangjian -h (as help and --help) prints the command line's usage in
// Chinese, which also tells how to open the window, never the flag
// package's English 「Usage of dangjian」.
func TestHelpOfTheProgramTellsTheWindowsOptions(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help", "help"} {
		if !IsCommand([]string{arg}) {
			t.Errorf("%s opens the window instead of printing the usage", arg)
			continue
		}
		code, out, _ := run(t, arg)
		if code != ExitOK || !strings.Contains(out, "--committee 目录") || !strings.Contains(out, "--db 文件") || strings.Contains(out, "Usage") {
			t.Errorf("%s: %d %q", arg, code, out)
		}
	}
	if IsCommand(nil) || IsCommand([]string{"--db", "x.db"}) || IsCommand([]string{"--committee", "d"}) {
		t.Error("the window's own options are taken for a command")
	}
}
