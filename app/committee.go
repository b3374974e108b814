package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"filippo.io/age"

	"dangjian/data"
	"dangjian/data/localfs"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// committeeTitle is the window's title in committee mode.
const committeeTitle = "党员教育管理 — 党委汇总"

// openMerged opens the committee's consolidated database, creating an
// empty one before the first consolidation.
func openMerged(ctx context.Context, dir string) (*data.Store, error) {
	path := filepath.Join(dir, snapshot.MergedFile)
	s, err := data.Open(ctx, path)
	if !errors.Is(err, data.ErrMissing) {
		return s, err
	}
	if err := data.Merge(ctx, path, nil); err != nil {
		return nil, fmt.Errorf("无法创建汇总数据库: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil { // like every consolidated database
		return nil, fmt.Errorf("无法创建汇总数据库: %w", err)
	}
	return data.Open(ctx, path)
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
		widget.NewLabel("党委同步目录: "+u.committee.Dir),
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
			s.message.SetText("尚无登记的组织(用 dangjian committee enroll 登记)。")
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
		if o.Status == nil {
			return "未汇总"
		}
		return snapshot.StatusText(o.Status.Status)
	}
	if o.Status == nil {
		return ""
	}
	return o.Status.Reason
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
	lines := []string{fmt.Sprintf("组织 %d 个,拒绝 %d 个;跨组织问题 %d 项", len(r.Orgs), r.Rejected(), len(r.Findings))}
	for _, o := range r.Orgs {
		line := fmt.Sprintf("%s: %s", o.Name, snapshot.StatusText(o.Status))
		if o.Seq > 0 {
			line += fmt.Sprintf(",第%d号", o.Seq)
		}
		if o.Reason != "" {
			line += "(" + o.Reason + ")"
		}
		if o.UsedSeq > 0 && o.UsedSeq != o.Seq {
			line += fmt.Sprintf(";合并第%d号", o.UsedSeq)
		}
		lines = append(lines, line)
	}
	if len(r.Findings) > 0 {
		lines = append(lines, "跨组织问题:")
	}
	for _, f := range r.Findings {
		lines = append(lines, "    【"+findingKindText(f.Kind)+"】"+f.Detail)
	}
	return lines
}

// consolidate asks the committee's passphrase, then checks and merges every
// organization's newest snapshot with a progress bar. The new database is
// built beside merged.db, and replaces it only once complete, while the
// window's store is closed (Windows cannot replace an open file) and the
// committee's folder is locked; the window then shows the new database and
// the report. While another program works on the committee's folder, it
// says so and changes nothing.
func (s *orgsScreen) consolidate() {
	u, c := s.u, s.u.committee
	unlockCommittee(u, func(id *age.X25519Identity) {
		if id == nil {
			s.message.SetText("未输入口令,未汇总。")
			return
		}
		building := filepath.Join(c.Dir, "merged-new.db")
		var rep snapshot.Report
		u.runJobWithText("正在汇总", func(ctx context.Context, v *jobView) error {
			// What a window closed before its rename left, removed under
			// the folder's lock: never another window's database while
			// that window puts it in place.
			l, err := c.Lock()
			if err != nil {
				return err
			}
			removeDatabaseFiles(building)
			l.Unlock()
			rep, err = c.Consolidate(ctx, snapshot.ConsolidateOptions{Identity: id, Out: building,
				Progress: func(done, total int, what string) {
					v.stage(float64(done)/float64(max(total, 1)), fmt.Sprintf("%s(%d / %d)", what, done, total))
				}})
			return err
		}, func(err error) {
			switch {
			case errors.Is(err, snapshot.ErrCommitteeBusy):
				s.message.SetText(err.Error())
				return
			case errors.Is(err, context.Canceled):
				s.message.SetText("已取消汇总,汇总数据库未改变。")
				s.load()
				return
			case err != nil:
				s.message.SetText("汇总失败,汇总数据库未改变: " + err.Error())
				s.load()
				return
			}
			s.install(building, rep)
		})
	})
}

// install puts the database a consolidation built in place of merged.db,
// under the committee folder's lock, and shows it with the report. When
// it cannot, the window keeps its database, open, and says why.
func (s *orgsScreen) install(building string, rep snapshot.Report) {
	u, c := s.u, s.u.committee
	final := filepath.Join(c.Dir, snapshot.MergedFile)
	keep := func(why string) {
		s.lines = reportLines(rep)
		s.report.Refresh()
		s.message.SetText("汇总已完成,但汇总数据库未替换: " + why)
		s.load()
	}
	l, err := c.Lock()
	switch {
	case errors.Is(err, snapshot.ErrCommitteeBusy):
		keep("另一个汇总或登记操作正在进行(可能是另一个窗口或脚本),请等它结束后重新汇总")
		return
	case err != nil:
		keep(err.Error())
		return
	}
	defer l.Unlock()
	if _, err := os.Stat(building); err != nil {
		keep("另一个窗口的汇总已取代本次的结果,请重新汇总")
		return
	}
	u.store.Close()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		os.Remove(final + suffix)
	}
	renameErr := localfs.Rename(building, final)
	store, err := data.Open(context.Background(), final)
	if err != nil {
		showStartError(u.win, err)
		return
	}
	u.report = &rep
	u.Show(store)
	if renameErr != nil {
		if next, ok := u.built["orgs"].(*orgsScreen); ok {
			next.message.SetText("汇总已完成,但汇总数据库未替换(可能正被其他程序打开): " + renameErr.Error())
		}
	}
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
		ask("环境变量 " + snapshot.PassphraseEnv + " 中的口令无法解开党委密钥(" + err.Error() + "),请输入口令。")
	})
}

// removeDatabaseFiles removes a database file and SQLite's files beside it.
func removeDatabaseFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
