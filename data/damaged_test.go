package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

func TestTruncatedDatabaseIsCalledDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	s, err := data.Create(ctx, path, "测试学院党委", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, func(tx *data.Tx) error {
		for i := 0; i < 300; i++ {
			if err := tx.Branches.Create(ctx, &data.Branch{Name: strings.Repeat("支", 50) + string(rune('一'+i)), Type: "教工"}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, b[:len(b)*2/3], 0o600)
	for name, open := range map[string]func(context.Context, string, ...data.Option) (*data.Store, error){
		"Open": data.Open, "OpenReadOnly": data.OpenReadOnly,
	} {
		s, err := open(ctx, cut)
		if err == nil {
			s.Close()
			t.Fatalf("%s: a database cut to two thirds opened", name)
		}
		if !strings.Contains(err.Error(), "数据库文件已损坏") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
