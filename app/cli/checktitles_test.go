package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// TestCheckTitlesStateTheThresholdsInForce: with 学时 raised to 40 and 党龄
// for the medal lowered, the printed titles say 40学时, not the default 32,
// above findings that say 不足40学时.
func TestCheckTitlesStateTheThresholdsInForce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--members", "80", "--seed", "7"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"train.hours": "40", "train.leader_hours": "60"} {
		if err := s.SetSetting(context.Background(), k, v); err != nil {
			t.Fatalf("%s=%s: %v", k, v, err)
		}
	}
	s.Close()
	code, out, errOut := run(t, "check", "--db", db)
	if code != ExitOK {
		t.Fatalf("check: %d %s", code, errOut)
	}
	if !strings.Contains(out, "不足40学时") {
		t.Fatalf("the findings do not use the 40 hours set:\n%.2000s", out)
	}
	for _, want := range []string{"党员集中学习培训不少于40学时", "书记和班子成员学习培训不少于60学时"} {
		if !strings.Contains(out, want) {
			t.Errorf("no title %q:\n%.2000s", want, out)
		}
	}
	for _, stale := range []string{"不少于32学时", "不少于56学时"} {
		if strings.Contains(out, stale) {
			t.Errorf("a title still says %q while 40/60 are in force", stale)
		}
	}
}
