package cli

import (
	"encoding/json"
	"errors"
	"io"
	"os"

	"dangjian/app/appcore"
	snapshot "dangjian/sync"
)

func init() {
	keys := group{name: "keys", subs: []sub{
		{"init", "生成本组织的同步密钥", runKeysInit},
		{"export", "导出公钥文件，交给党委登记", runKeysExport}}}
	commands["keys"] = command{"本组织的同步密钥（keys init | keys export）", keys.run}
}

// passphrase reads the passphrase scripts give in the environment.
func passphrase() (string, error) {
	p := os.Getenv(snapshot.PassphraseEnv)
	if p == "" {
		return "", snapshot.ErrNoPassphrase
	}
	return p, nil
}

func runKeysInit(e *env, args []string) int {
	fs := e.flags("keys init", "")
	db := dbFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	org := s.Org()
	s.Close()
	return e.createKeys(*db, org.ID, org.Name, true)
}

// createKeys writes the organization's key file beside the database; when
// required is false a missing passphrase only earns a hint.
func (e *env) createKeys(db, orgID, orgName string, required bool) int {
	pass, err := passphrase()
	if err != nil {
		if !required {
			e.printf("未设置 %s，尚未生成同步密钥；需要同步时运行 dangjian keys init --db %s，或在图形界面的“同步”中生成\n", snapshot.PassphraseEnv, db)
			return ExitOK
		}
		return e.fail(ExitUsage, "%v", err)
	}
	path := snapshot.KeyPath(db)
	if _, err := snapshot.CreateKeys(path, orgID, orgName, pass, e.now()); err != nil {
		return e.fail(ExitUsage, "无法生成密钥：%v", err)
	}
	e.printf("已生成本组织的同步密钥（用口令加密）：%s\n", path)
	return ExitOK
}

func runKeysExport(e *env, args []string) int {
	fs := e.flags("keys export", "")
	db := dbFlag(fs)
	out := fs.String("out", "", "写出的公钥文件（.json），交给党委登记")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *out == "" {
		return e.fail(ExitUsage, "请用 --out 指定公钥文件")
	}
	pub, err := snapshot.ReadPublicKeys(snapshot.KeyPath(*db))
	if errors.Is(err, snapshot.ErrNoKeys) {
		return e.fail(ExitUsage, "%v；请先运行 dangjian keys init --db %s", err, *db)
	}
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	err = appcore.WriteOutput(*out, *db, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(pub)
	})
	if err != nil {
		return e.fail(ExitUsage, "未导出：%v", err)
	}
	e.printf("已导出“%s”的公钥：%s\n请把该文件交给党委组织部登记。\n", pub.OrgName, *out)
	return ExitOK
}
