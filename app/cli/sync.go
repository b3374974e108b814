package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// ExitFailed is a sync that could not complete (the server unreachable,
// for one); nothing was left half-done.
const ExitFailed = 1

func init() {
	sync := group{name: "sync", subs: []sub{
		{"join", "用党委发来的登记文件加入同步", runSyncJoin},
		{"push", "上传本组织的快照", runSyncPush},
		{"status", "查看同步状态", runSyncStatus}}}
	commands["sync"] = command{"同步快照到服务器，接收党委发布的内容（sync join | push | status | fetch | tasks | done）", sync.run}
}

func runSyncJoin(e *env, args []string) int {
	fs := e.flags("sync join", "登记文件.json")
	db := dbFlag(fs)
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usageError(fs, "请给出党委发来的登记文件（.json）")
	}
	b, err := os.ReadFile(pos[0])
	if err != nil {
		return e.fail(ExitUsage, "无法读取登记文件：%s", fileErrText(pos[0], err))
	}
	enr, err := snapshot.ParseEnrollment(b)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	org := s.Org()
	s.Close()
	if err := snapshot.Join(*db, enr, org.ID); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	e.printf("已加入同步：服务器 %s，存储桶 %s\n", enr.Endpoint, enr.Bucket)
	if enr.CommitteeSigningKey == "" {
		fmt.Fprintf(e.stderr, "注意：%v\n", snapshot.ErrNoCommitteeKey)
	}
	return ExitOK
}

func runSyncPush(e *env, args []string) int {
	fs := e.flags("sync push", "")
	db := dbFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	pass, err := passphrase()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	keyPath := snapshot.KeyPath(*db)
	if _, err := snapshot.ReadPublicKeys(keyPath); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	unlock := func() (*snapshot.Keys, error) { return snapshot.UnlockKeys(keyPath, pass) }
	res, err := snapshot.Push(e.ctx, snapshot.PushOptions{Store: s, Unlock: unlock, OnStage: e.stage()})
	defer e.printChannel(res.Channel, res.ChannelErr)
	switch {
	case errors.Is(err, snapshot.ErrChainUnrecognised):
		return e.fail(ExitUsage, "%v", err)
	case needsAttention(err):
		return e.fail(ExitUsage, "未同步：%v", err)
	case err != nil:
		return e.fail(ExitFailed, "同步失败（没有写入清单的快照不会被党委采用）：%v", err)
	case res.Unchanged:
		e.printf("数据自第%d号快照以来没有变化，未上传。\n", res.Seq)
	case res.NewChain:
		e.printf("已按党委的决定开始新的快照链，上传第%d号快照：%s（数据库 %s），用时 %.1f 秒\n", res.Seq, data.SizeText(res.Size), data.SizeText(res.PlainSize), res.Duration.Seconds())
	default:
		e.printf("已上传第%d号快照：%s（数据库 %s），用时 %.1f 秒\n", res.Seq, data.SizeText(res.Size), data.SizeText(res.PlainSize), res.Duration.Seconds())
	}
	return ExitOK
}

// needsAttention reports whether a push failed for a reason a person must
// fix (a file beside the database, the passphrase, the enrollment, another
// push running, the chain in the bucket): exit 2, not the 1 of a server
// that could not be reached, which a later try may get past.
func needsAttention(err error) bool {
	for _, target := range []error{snapshot.ErrNotEnrolled, snapshot.ErrWrongPassphrase, snapshot.ErrPushRunning,
		snapshot.ErrKeysDamaged, snapshot.ErrNoKeys, snapshot.ErrStateDamaged, snapshot.ErrChainUnrecognised, snapshot.ErrWrongOrg} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// stage prints each stage of a push on a terminal.
func (e *env) stage() func(snapshot.Stage) {
	if f, ok := e.stderr.(*os.File); !ok || !isTerminal(f) {
		return nil
	}
	return func(s snapshot.Stage) { fmt.Fprintf(e.stderr, "%s…\n", s) }
}

// syncStatus is `sync status --json`.
type syncStatus struct {
	Enrolled    bool       `json:"enrolled"`
	Endpoint    string     `json:"endpoint,omitempty"`
	Bucket      string     `json:"bucket,omitempty"`
	OrgID       string     `json:"org_id,omitempty"`
	Keys        bool       `json:"keys"`
	KeysError   string     `json:"keys_error,omitempty"`
	LastPush    *time.Time `json:"last_push"`
	Seq         uint64     `json:"seq"`
	LastError   string     `json:"last_error"`
	LastErrorAt *time.Time `json:"last_error_at"`
	Pushes      int        `json:"pushes"`
	// ChannelCheckedAt is when the committee's channel was last read,
	// ChannelError what was wrong then ("" for nothing).
	ChannelCheckedAt *time.Time `json:"channel_checked_at"`
	ChannelError     string     `json:"channel_error"`
}

func runSyncStatus(e *env, args []string) int {
	fs := e.flags("sync status", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if _, err := os.Stat(*db); err != nil {
		return e.fail(ExitUsage, "数据库不存在：%s", *db)
	}
	st, err := snapshot.LoadState(snapshot.StatePath(*db))
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	out := syncStatus{Seq: st.LastSeq, LastError: st.LastError, Pushes: len(st.History), ChannelError: st.ChannelError}
	if !st.ChannelCheckedAt.IsZero() {
		out.ChannelCheckedAt = &st.ChannelCheckedAt
	}
	if st.Enrollment != nil {
		out.Enrolled, out.Endpoint, out.Bucket, out.OrgID = true, st.Enrollment.Endpoint, st.Enrollment.Bucket, st.Enrollment.OrgID
	}
	_, keysErr := snapshot.ReadPublicKeys(snapshot.KeyPath(*db))
	if keysErr == nil {
		out.Keys = true
	} else if !errors.Is(keysErr, snapshot.ErrNoKeys) {
		out.KeysError = keysErr.Error()
	}
	if st.LastSuccess != nil {
		out.LastPush = &st.LastSuccess.At
	}
	if !st.LastErrorAt.IsZero() {
		out.LastErrorAt = &st.LastErrorAt
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		return ExitOK
	}
	e.printStatus(out)
	return ExitOK
}

func (e *env) printStatus(s syncStatus) {
	if !s.Enrolled {
		e.printf("尚未加入同步（用 dangjian sync join 导入党委发来的登记文件）\n")
	} else {
		e.printf("服务器：%s  存储桶：%s\n", s.Endpoint, s.Bucket)
	}
	switch {
	case s.KeysError != "":
		e.printf("密钥：%s\n", s.KeysError)
	case !s.Keys:
		e.printf("密钥：尚未生成（dangjian keys init）\n")
	}
	if s.LastPush != nil {
		e.printf("上次成功：%s，第%d号快照\n", s.LastPush.Local().Format("2006-01-02 15:04:05"), s.Seq)
	} else {
		e.printf("上次成功：无\n")
	}
	if s.LastError != "" {
		e.printf("上次错误：%s（%s）\n", s.LastError, s.LastErrorAt.Local().Format("2006-01-02 15:04:05"))
	}
	if s.ChannelCheckedAt != nil {
		e.printf("上次读取党委发布的内容：%s\n", s.ChannelCheckedAt.Local().Format("2006-01-02 15:04:05"))
	}
	if s.ChannelError != "" {
		e.printf("读取党委发布的内容时的问题：%s\n", s.ChannelError)
	}
}
