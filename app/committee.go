package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"filippo.io/age"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// committeeTitle is the window's title in committee mode.
const committeeTitle = "党员教育管理 — 党委汇总"

// openMerged opens the committee's consolidated database read-only,
// creating an empty one before the first consolidation (and upgrading one
// an earlier build wrote).
func openMerged(ctx context.Context, dir string) (*data.Store, error) {
	path := filepath.Join(dir, snapshot.MergedFile)
	s, err := openConsolidated(ctx, path)
	switch {
	case errors.Is(err, data.ErrMissing):
		if err := data.Merge(ctx, path, nil); err != nil {
			return nil, fmt.Errorf("无法创建汇总数据库：%w", err)
		}
		if err := os.Chmod(path, 0o600); err != nil { // like every consolidated database
			return nil, fmt.Errorf("无法创建汇总数据库：%w", err)
		}
	case errors.Is(err, data.ErrNeedsUpgrade):
		w, err := data.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		w.Close()
	default:
		return s, err
	}
	return openConsolidated(ctx, path)
}

// openConsolidated opens a consolidated database so that nothing can be
// written to it: a write is refused with data.ErrConsolidated, which says
// the organizations maintain the records.
func openConsolidated(ctx context.Context, path string) (*data.Store, error) {
	return data.OpenReadOnly(ctx, path, data.Consolidated())
}

// orgsScreen is the committee's 各组织 screen: every enrolled organization
// with its last accepted snapshot and the outcome of the last check, the
// 汇总 button, and the report of the last consolidation.
type orgsScreen struct {
	u       *UI
	orgs    []snapshot.OrgView
	table   *dataTable
	message *widget.Label
	lines   []string // the last consolidation's report
	report  *widget.List
	loads   *loader
}

// orgColumns are the 各组织 table's columns.
var orgColumns = []column{{"组织", 220}, {"最后接受的序号", 120}, {"快照时间", 150}, {"状态", 80}, {"原因", 480}}

func newOrgsScreen(u *UI) fyne.CanvasObject {
	s := &orgsScreen{u: u, loads: newLoader(u)}
	u.keep("orgs", s)
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.table = newDataTable(u, "committee.orgs", orgColumns, func() int { return len(s.orgs) }, s.cell, rowActions{})
	s.report = widget.NewList(func() int { return len(s.lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.lines[id]) })
	consolidate := widget.NewButton("汇总", s.consolidate)
	consolidate.Importance = widget.HighImportance
	s.lines = []string{"本次运行尚未汇总。点击「汇总」检查各组织最新的快照并重建汇总数据库。"}
	if u.report != nil {
		s.lines = reportLines(*u.report)
	}
	s.load()
	top := container.NewVBox(
		widget.NewLabelWithStyle("各组织", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("党委同步目录："+u.committee.Dir),
		container.NewHBox(consolidate), s.message)
	reportBox := container.NewBorder(
		widget.NewLabelWithStyle("汇总结果", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.report)
	split := container.NewVSplit(s.table.object(), reportBox)
	split.Offset = 0.5
	return container.NewBorder(top, nil, nil, nil, split)
}

// load reads the enrolled organizations off the UI goroutine.
func (s *orgsScreen) load() {
	c := s.u.committee
	load(s.loads, func(context.Context) ([]snapshot.OrgView, error) { return c.Orgs() }, func(orgs []snapshot.OrgView, err error) {
		if err != nil {
			s.message.SetText(err.Error())
			return
		}
		s.orgs = orgs
		s.table.refresh()
		if len(orgs) == 0 {
			s.message.SetText("尚无登记的组织（用 dangjian committee enroll 登记）。")
		}
	})
}

// cell is the text of the table at row, col.
func (s *orgsScreen) cell(row, col int) string {
	o := s.orgs[row]
	switch col {
	case 0:
		return o.Public.OrgName
	case 1:
		if o.Accepted == nil {
			return "—"
		}
		return strconv.FormatUint(o.Accepted.Seq, 10)
	case 2:
		if o.Accepted == nil {
			return "—"
		}
		return o.Accepted.Manifest.CreatedAt.Local().Format("2006-01-02 15:04")
	case 3:
		return orgStatusText(o, s.u.report)
	}
	if o.Status == nil {
		return ""
	}
	return o.Status.Reason
}

// newerVersionReason begins the reason of a snapshot refused because a
// newer release made it (sync/verify.go).
const newerVersionReason = "该组织使用的程序版本较新"

// orgStatusText names an organization's status for people: 已接受, 无快照,
// 已拒绝, or 待升级汇总端 when its snapshot was refused only because a newer
// release made it (the committee must upgrade; nothing was tampered), as
// the last consolidation's report (rep, nil when none ran in this window)
// or the reason recorded says.
func orgStatusText(o snapshot.OrgView, rep *snapshot.Report) string {
	if o.Damaged != "" {
		return "记录损坏"
	}
	if o.Status == nil {
		return "未汇总"
	}
	if o.Status.Status == snapshot.StatusRejected && newerRelease(o, rep) {
		return "待升级汇总端"
	}
	return snapshot.StatusText(o.Status.Status)
}

// newerRelease tells whether the organization's newest snapshot was
// refused as made by a newer release.
func newerRelease(o snapshot.OrgView, rep *snapshot.Report) bool {
	if rep != nil {
		for _, r := range rep.Orgs {
			if r.Org == o.Public.OrgID && r.Seq == o.Status.Seq {
				return r.Refusal == snapshot.RefusalNewerVersion
			}
		}
	}
	return strings.HasPrefix(o.Status.Reason, newerVersionReason)
}

// findingKindText names a kind of cross-organization finding.
func findingKindText(kind string) string {
	switch kind {
	case rules.KindStranded:
		return "转接挂空"
	case rules.KindUnmatchedIn:
		return "转入无对应转出"
	case rules.KindDuplicateActive:
		return "重复在册"
	case rules.KindNoSnapshot:
		return "无快照"
	}
	return kind
}

// reportLines lays out a consolidation's report: a line per organization,
// then the cross-organization findings.
func reportLines(r snapshot.Report) []string {
	newer := 0
	for _, o := range r.Orgs {
		if o.Status == snapshot.StatusRejected && o.Refusal == snapshot.RefusalNewerVersion {
			newer++
		}
	}
	head := fmt.Sprintf("组织 %d 个，拒绝 %d 个", len(r.Orgs), r.Rejected()-newer)
	if newer > 0 {
		head += fmt.Sprintf("，待升级汇总端 %d 个", newer)
	}
	lines := []string{fmt.Sprintf("%s；跨组织问题 %d 项", head, len(r.Findings))}
	for _, o := range r.Orgs {
		status := snapshot.StatusText(o.Status)
		if o.Refusal == snapshot.RefusalNewerVersion {
			status = "待升级汇总端"
		}
		line := fmt.Sprintf("%s：%s", o.Name, status)
		if o.Seq > 0 {
			line += fmt.Sprintf("，第%d号", o.Seq)
		}
		if o.Reason != "" {
			line += "（" + o.Reason + "）"
		}
		if o.UsedSeq > 0 && o.UsedSeq != o.Seq {
			line += fmt.Sprintf("；合并第%d号", o.UsedSeq)
		}
		lines = append(lines, line)
	}
	if len(r.Findings) > 0 {
		lines = append(lines, "跨组织问题：")
	}
	for _, f := range r.Findings {
		lines = append(lines, "    【"+findingKindText(f.Kind)+"】"+f.Detail)
	}
	return lines
}

// consolidate asks the committee's passphrase, then checks and merges every
// organization's newest snapshot into the current term's result with a
// progress bar (the result replaces the term's previous one only once
// complete, under a new name, so the window's database is never in the
// way); the window then shows the new result, read-only, and the report.
// While another program works on the committee's folder, it says so and
// changes nothing.
func (s *orgsScreen) consolidate() {
	u, c := s.u, s.u.committee
	unlockCommittee(u, func(id *age.X25519Identity) {
		if id == nil {
			s.message.SetText("未输入口令，未汇总。")
			return
		}
		var rep snapshot.Report
		var result *data.Store
		u.runJobWithText("正在汇总", func(ctx context.Context, v *jobView) error {
			var err error
			rep, err = c.Consolidate(ctx, snapshot.ConsolidateOptions{Identity: id,
				Progress: func(done, total int, what string) {
					v.stage(float64(done)/float64(max(total, 1)), fmt.Sprintf("%s（%d / %d）", what, done, total))
				}})
			if err != nil {
				return err
			}
			r, err := c.TermResult(rep.Term)
			if err != nil {
				return fmt.Errorf("汇总已完成，但无法读取其结果：%w", err)
			}
			if result, err = openConsolidated(context.Background(), r.Path); err != nil {
				return fmt.Errorf("汇总已完成，但无法打开其结果：%w", err)
			}
			// The 全校概览's figures of the new result, computed now and
			// kept, so that it opens at once; a failure only makes it
			// compute them when it opens.
			v.stage(1, "正在计算全校概览…")
			year := result.Now().Year()
			summariesOf(ctx, c, result, &r, year, appcore.CheckDay(year, result.Now()), func(done, total int) {
				v.stage(float64(done)/float64(max(total, 1)), fmt.Sprintf("正在计算全校概览（%d / %d）", done, total))
			})
			return nil
		}, func(err error) {
			switch {
			case errors.Is(err, snapshot.ErrCommitteeBusy):
				s.message.SetText(err.Error())
				return
			case errors.Is(err, context.Canceled):
				s.message.SetText("已取消汇总，汇总结果未改变。")
				s.load()
				return
			case err != nil:
				if len(rep.Orgs) > 0 {
					s.lines = reportLines(rep)
					s.report.Refresh()
				}
				s.message.SetText("汇总失败，汇总结果未改变：" + err.Error())
				s.load()
				return
			}
			s.show(result, rep)
		})
	})
}

// show puts the result of a consolidation in the window in place of the
// database shown, with its report.
func (s *orgsScreen) show(result *data.Store, rep snapshot.Report) {
	u := s.u
	termsOf(u).shown = nil // the chooser finds the term shown again
	old := u.store
	u.report = &rep
	u.Show(result)
	old.Close()
}

// unlockCommittee hands done the committee's identity, from the
// environment's passphrase when set or else asked; nil when cancelled.
func unlockCommittee(u *UI, done func(*age.X25519Identity)) {
	c := u.committee
	ask := func(prompt string) {
		askPassphrase(u, "解锁党委密钥", prompt, false, c.Unlock, func(id *age.X25519Identity, ok bool) {
			done(id)
		})
	}
	pass := envPassphrase()
	if pass == "" {
		ask("请输入党委密钥的口令。")
		return
	}
	async(u, func() (*age.X25519Identity, error) { return c.Unlock(pass) }, func(id *age.X25519Identity, err error) {
		if err == nil {
			done(id)
			return
		}
		ask("环境变量 " + snapshot.PassphraseEnv + " 中的口令无法解开党委密钥（" + err.Error() + "），请输入口令。")
	})
}
