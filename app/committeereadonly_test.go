package app

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// fileSum is the SHA-256 of the file at path.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestCommitteeSettingsWritesNothing: in committee mode, over the term's
// result opened as the window opens it, 设置 has no rule form to save but
// says the organizations maintain the data and the committee sets
// thresholds through 党委发布; saving the rules as the form would, or
// adding a branch or a member, is refused in those words, and the result
// file is unchanged.
func TestCommitteeSettingsWritesNothing(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1200, 800))
	ctx := context.Background()
	store, err := openCommitteeResult(ctx, w.c)
	if err != nil {
		t.Fatal(err)
	}
	old := w.u.store
	w.u.Show(store)
	old.Close()
	w.q.settle(w.u)
	path := store.Path()
	before := fileSum(t, path)

	w.open(t, "设置")
	if b := findButtonOrNil(w.u, "保存规则设置"); b != nil && b.Visible() {
		t.Fatal("设置 in committee mode offers to save the rules")
	}
	if text := labelText(w.u.win.Content()); !strings.Contains(text, "各二级党组织维护") || !strings.Contains(text, publishTitle) {
		t.Fatalf("设置 in committee mode does not say who sets the rules: %q", text)
	}
	if b := findButtonOrNil(w.u, "从备份恢复"); b != nil && b.Visible() {
		t.Fatal("设置 in committee mode offers to replace the consolidated data from a backup")
	}

	rulesNow := map[string]string{}
	for _, d := range rules.SettingDefs {
		rulesNow[d.Key] = d.Default
	}
	writes := map[string]error{
		"the rules": saveRuleSettings(ctx, w.u.store, rulesNow),
		"a branch":  w.u.store.Branches.Create(ctx, &data.Branch{Name: "党委新建支部", Type: string(vocab.BranchStaff)}),
		"a member": w.u.store.Members.Create(ctx, &data.Member{BranchID: data.Ref(w.branch[0]), Name: "党委新增",
			Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff)}),
	}
	for what, err := range writes {
		if !errors.Is(err, data.ErrConsolidated) {
			t.Fatalf("%s saved in committee mode: %v", what, err)
		}
	}
	if fileSum(t, path) != before {
		t.Fatal("committee mode changed the consolidated database")
	}
}

// TestCommitteeEmptyMergedIsReadOnly: before any consolidation the window
// opens the empty merged.db it creates, and it too refuses a write in the
// organizations' words.
func TestCommitteeEmptyMergedIsReadOnly(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	dir, _ := committeeFolder(t, "党委汇总口令-2026")
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 { // created, then opened again
		store, err := openCommitteeResult(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		err = store.SetSetting(ctx, "train.hours", "40")
		store.Close()
		if !errors.Is(err, data.ErrConsolidated) {
			t.Fatalf("a setting written into merged.db: %v", err)
		}
	}
}
