package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"filippo.io/age"

	"dangjian/app/appcore"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
)

func init() {
	committee := group{name: "committee", subs: []sub{
		{"init", "初始化党委的同步目录", runCommitteeInit},
		{"enroll", "登记一个组织，写出交给它的登记文件", runCommitteeEnroll},
		{"rebase", "为一个组织重新确立快照链", runCommitteeRebase}}}
	commands["committee"] = command{"党委：初始化、登记组织、重新确立快照链（committee init | enroll | rebase）", committee.run}
	commands["consolidate"] = command{"党委：核验并汇总各组织快照，保存为本学期的汇总结果", runConsolidate}
}

func runCommitteeInit(e *env, args []string) int {
	fs := e.flags("committee init", "")
	dir := fs.String("dir", "", "党委的同步目录")
	endpoint := fs.String("endpoint", "", "服务器地址，如 http://127.0.0.1:9000")
	bucket := fs.String("bucket", "", "存储桶")
	ak := fs.String("access-key", "", "党委的访问密钥")
	sk := fs.String("secret-key", "", "党委的机密访问密钥")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" || *endpoint == "" || *bucket == "" || *ak == "" || *sk == "" {
		return e.fail(ExitUsage, "--dir、--endpoint、--bucket、--access-key、--secret-key 均为必填")
	}
	pass, err := passphrase()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	c, err := snapshot.InitCommittee(e.ctx, *dir, snapshot.Endpoint{URL: *endpoint, Bucket: *bucket, AccessKey: *ak, SecretKey: *sk}, pass, e.now())
	switch {
	case errors.Is(err, snapshot.ErrCommitteeBusy):
		return e.fail(ExitUsage, "%v", err)
	case err != nil:
		return e.fail(ExitUsage, "无法初始化党委目录，未作任何更改：%v", err)
	}
	e.printf("已初始化党委同步目录：%s\n服务器 %s，存储桶 %s\n党委公钥：%s\n", c.Dir, c.Config.Endpoint, c.Config.Bucket, c.Config.AgeRecipient)
	return ExitOK
}

func runCommitteeEnroll(e *env, args []string) int {
	fs := e.flags("committee enroll", "")
	dir := fs.String("dir", "", "党委的同步目录")
	orgKeys := fs.String("org-keys", "", "组织导出的公钥文件（.json）")
	ak := fs.String("access-key", "", "为该组织创建的访问密钥")
	sk := fs.String("secret-key", "", "为该组织创建的机密访问密钥")
	out := fs.String("out", "", "写出的登记文件（.json），交给该组织")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" || *orgKeys == "" || *ak == "" || *sk == "" || *out == "" {
		return e.fail(ExitUsage, "--dir、--org-keys、--access-key、--secret-key、--out 均为必填")
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	b, err := os.ReadFile(*orgKeys)
	if err != nil {
		return e.fail(ExitUsage, "无法读取公钥文件：%v", err)
	}
	pub, err := snapshot.ParsePublicKeys(b)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if err := c.CheckEnrollmentOutput(*out); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if err := appcore.CheckOutput(*out, ""); err != nil { // its folder exists: refused before the enrollment is kept
		return e.fail(ExitUsage, "%v", err)
	}
	enr, err := c.Enroll(pub, *ak, *sk, e.now())
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	err = appcore.WriteOutput(*out, "", func(w io.Writer) error { // private: it holds the secret key
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(enr)
	})
	if err != nil {
		return e.fail(ExitUsage, "无法写入登记文件：%v", err)
	}
	policyFile := c.PolicyPath(pub.OrgID)
	e.printf("已登记“%s”（%s），登记文件：%s（内含访问密钥，请当面或加密交付）\n\n", pub.OrgName, pub.OrgID, *out)
	e.printf("该访问密钥只能读写 %s/orgs/%s/、读取 %s/committee/ 的存储桶策略（已保存到 %s）：\n%s\n", c.Config.Bucket, pub.OrgID, c.Config.Bucket, policyFile, snapshot.OrgPolicy(c.Config.Bucket, pub.OrgID))
	e.printf("在服务器上创建该用户并绑定策略（ALIAS 为 mc 中该服务器的别名）：\n  %s\n",
		strings.Join(snapshot.AdminCommands("ALIAS", pub.OrgID, *ak, policyFile), "\n  "))
	return ExitOK
}

func runCommitteeRebase(e *env, args []string) int {
	fs := e.flags("committee rebase", "")
	dir := fs.String("dir", "", "党委的同步目录")
	orgID := fs.String("org", "", "组织编号")
	seq := fs.Uint64("seq", 0, "新快照链从该序号之后开始（默认：服务器上该组织签署的最新清单或已接受的序号，取较大者）")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" || *orgID == "" {
		return e.fail(ExitUsage, "--dir 和 --org 均为必填")
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	id, code := e.unlockCommittee(c)
	if id == nil {
		return code
	}
	r, err := c.Rebase(e.ctx, snapshot.RebaseOptions{Identity: id, OrgID: *orgID, AfterSeq: *seq, Now: e.now()})
	switch {
	case errors.Is(err, snapshot.ErrUnreachable):
		return e.fail(ExitFailed, "无法重新确立快照链，未作任何更改：%v", err)
	case err != nil:
		return e.fail(ExitUsage, "无法重新确立快照链：%v", err)
	}
	e.printf("已决定：组织 %s 下一次被接受的快照可以开始新的快照链（序号大于%d）。\n", *orgID, r.AfterSeq)
	e.printf("该组织下次同步时会看到党委的通知并开始新链；汇总接受新链的第一份快照后，此决定即用完，之后照常检查回滚和分叉。\n")
	return ExitOK
}

func runConsolidate(e *env, args []string) int {
	fs := e.flags("consolidate", "")
	dir := fs.String("dir", "", "党委的同步目录")
	term := fs.String("term", "", "汇总的学期，如 2026-2027-1（默认：按校历的本学期）")
	reopen := fs.Bool("reopen", false, "重新汇总已结束的学期，替换其汇总结果")
	out := fs.String("out", "", "另存一份汇总数据库（已存在时替换）")
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" {
		return e.fail(ExitUsage, "--dir 为必填")
	}
	if *term != "" {
		if _, err := snapshot.ParseTerm(*term); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *out != "" {
		if err := c.CheckOutput(*out); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
	}
	id, code := e.unlockCommittee(c)
	if id == nil {
		return code
	}
	progress := e.progress("正在核验并汇总")
	var report func(done, total int, what string)
	if progress != nil {
		report = func(done, total int, _ string) { progress(done, total) }
	}
	rep, err := c.Consolidate(e.ctx, snapshot.ConsolidateOptions{Identity: id, Term: *term, Reopen: *reopen, Out: *out,
		Progress: report, Now: e.now})
	e.endProgress(progress)
	var outErr *localfs.OutputError
	switch {
	case errors.Is(err, snapshot.ErrCommitteeBusy), errors.As(err, &outErr),
		errors.Is(err, snapshot.ErrTermFrozen), errors.Is(err, snapshot.ErrTermNotStarted):
		return e.fail(ExitUsage, "%v", err)
	case err != nil:
		return e.fail(ExitFailed, "汇总失败：%v", err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
	} else {
		e.printReport(rep, *out)
	}
	return e.reportRefusals(rep)
}

// reportRefusals prints on stderr each snapshot refused and returns the
// exit code: ExitRejected when a snapshot failed its verification (the
// tampering kind), ExitOK otherwise. A snapshot refused only because its
// organization runs a newer release than the committee's is no such
// failure: it is printed as 待升级汇总端 and leaves the exit code 0, as the
// committee's fix is to upgrade, not to look into the organization.
func (e *env) reportRefusals(rep snapshot.Report) int {
	code := ExitOK
	for _, o := range rep.Orgs {
		switch {
		case newerRelease(o):
			fmt.Fprintf(e.stderr, "待升级汇总端 %s 第%d号快照：%s\n", o.Name, o.Seq, o.Reason)
		case o.Status == snapshot.StatusRejected:
			fmt.Fprintf(e.stderr, "已拒绝 %s 第%d号快照：%s\n", o.Name, o.Seq, o.Reason)
			code = ExitRejected
		}
	}
	return code
}

// newerRelease tells whether o was refused only because the organization's
// release is newer than the committee's.
func newerRelease(o snapshot.OrgReport) bool {
	return o.Status == snapshot.StatusRejected && o.Refusal == snapshot.RefusalNewerVersion
}

// orgStatus is o's status as printed: 待升级汇总端 for a newer release,
// else the status's text (已接受, 已拒绝, 无快照).
func orgStatus(o snapshot.OrgReport) string {
	if newerRelease(o) {
		return "待升级汇总端"
	}
	return snapshot.StatusText(o.Status)
}

// statusSummary is the line counting the organizations by printed status,
// newer releases apart from refusals, e.g. 「共3个组织：已接受2个，待升级汇总端1个」.
func statusSummary(rep snapshot.Report) string {
	order := []string{snapshot.StatusText(snapshot.StatusAccepted), snapshot.StatusText(snapshot.StatusRejected),
		orgStatus(snapshot.OrgReport{Status: snapshot.StatusRejected, Refusal: snapshot.RefusalNewerVersion}),
		snapshot.StatusText(snapshot.StatusMissing)}
	counts := map[string]int{}
	for _, o := range rep.Orgs {
		st := orgStatus(o)
		if !slices.Contains(order, st) {
			order = append(order, st)
		}
		counts[st]++
	}
	var parts []string
	for _, st := range order {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d个", st, counts[st]))
		}
	}
	return fmt.Sprintf("共%d个组织：%s", len(rep.Orgs), strings.Join(parts, "，"))
}

func (e *env) printReport(rep snapshot.Report, out string) {
	if r := rep.Replaced; r != nil {
		e.printf("已重新打开%s：替换了 %s 生成的汇总结果（合并了%d个组织的快照）\n\n",
			snapshot.TermLabel(rep.Term), r.When.Local().Format("2006-01-02 15:04"), r.Merged())
	}
	for _, o := range rep.Orgs {
		line := fmt.Sprintf("%s  %s", o.Name, orgStatus(o))
		if o.Seq > 0 {
			line += fmt.Sprintf("  第%d号", o.Seq)
		}
		if o.Reason != "" {
			line += "  " + o.Reason
		}
		if o.Status == snapshot.StatusRejected && o.UsedSeq > 0 {
			line += fmt.Sprintf("（沿用已接受的第%d号）", o.UsedSeq)
		}
		e.printf("%s\n", line)
	}
	if len(rep.Orgs) > 0 {
		e.printf("%s\n", statusSummary(rep))
	}
	e.printf("\n跨组织核查：%d项\n", len(rep.Findings))
	for _, f := range rep.Findings {
		e.printf("  %s\n", f.Detail)
	}
	if rep.Rebuilt != "" {
		e.printf("\n从头汇总：%s\n", rep.Rebuilt)
	} else {
		e.printf("\n沿用上次汇总结果中%d个组织的快照（未重新下载），其余组织重新核验并合并\n", rep.Reused)
	}
	e.printf("%s汇总结果：%s\n", snapshot.TermLabel(rep.Term), rep.Result)
	if out != "" {
		e.printf("汇总数据库另存为：%s\n", out)
	}
}

// unlockCommittee unlocks the committee's key with DANGJIAN_PASSPHRASE;
// nil and the exit code, after reporting, when it cannot.
func (e *env) unlockCommittee(c *snapshot.Committee) (*age.X25519Identity, int) {
	pass, err := passphrase()
	if err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	id, err := c.Unlock(pass)
	if err != nil {
		return nil, e.fail(ExitUsage, "%v", err)
	}
	return id, ExitOK
}
