package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"dangjian/app/appcore"
	_ "dangjian/app/uilang"        // the locale set before Fyne reads it
	_ "dangjian/app/uilang/fynezh" // Chinese for Fyne's own texts, in the program and its tests
	"dangjian/data"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
)

// AppID identifies the application to the operating system (preferences,
// storage); it matches FyneApp.toml.
const AppID = "cn.edu.dangjian"

// Main opens the desktop application on the database named by --db (the
// user's default database otherwise), or with --committee DIR on the
// committee's consolidated database in its sync folder, and returns the
// exit code.
func Main(args []string, stderr io.Writer) (code int) {
	fs := flag.NewFlagSet("dangjian", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own messages are English
	db := fs.String("db", appcore.DefaultDBPath(), "数据库文件路径")
	committee := fs.String("committee", "", "党委同步目录（党委汇总模式）")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "无法识别的选项：%s（用法见 dangjian -h）\n", strings.Join(args, " "))
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "未知命令：%s（用法见 dangjian -h）\n", fs.Arg(0))
		return 2
	}
	if why := displayMissing(); why != "" {
		fmt.Fprintln(stderr, why)
		return 2
	}
	defer explainDisplayFailure(stderr, &code)
	watchGLFailures(log.SetOutput)
	a := fyneapp.NewWithID(AppID)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("党员教育管理")
	rememberSize(a, w)
	var ui *UI
	if *committee != "" {
		ui = openCommitteeWindow(a, w, *committee)
	} else if store, err := openOrCreate(*db); err != nil {
		showStartError(w, err)
	} else {
		ui = NewUI(a, w, store)
	}
	if ui != nil {
		defer func() { ui.store.Close() }() // a restore or a consolidation may have replaced the store
		defer ui.scratch.close()
	}
	w.ShowAndRun()
	return 0
}

// openCommitteeWindow fills w with the committee's UI over the folder dir,
// on the current term's result (openCommitteeResult); nil, with the reason
// in the window, when dir is not a committee folder.
func openCommitteeWindow(a fyne.App, w fyne.Window, dir string) *UI {
	w.SetTitle(committeeTitle)
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		showFatal(w, "无法打开党委同步目录", err)
		return nil
	}
	store, err := openCommitteeResult(context.Background(), c)
	if err != nil {
		showStartError(w, err)
		return nil
	}
	return NewCommitteeUI(a, w, c, store)
}

// openCommitteeResult opens, read-only, the consolidated database of the
// current term (the newest term's when the current one has none); before
// the first consolidation into a term, the committee's merged.db, empty
// the first time.
func openCommitteeResult(ctx context.Context, c *snapshot.Committee) (*data.Store, error) {
	path, err := c.ResultToOpen()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return openMerged(ctx, c.Dir)
	}
	return openConsolidated(ctx, path)
}

// openOrCreate opens the database, creating an empty one (with its folder)
// the first time the program runs.
func openOrCreate(path string) (*data.Store, error) {
	ctx := context.Background()
	localfs.CleanScratch(filepath.Dir(path)) // what a run that died left
	s, err := data.Open(ctx, path)
	if !errors.Is(err, data.ErrMissing) {
		return s, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹：%w", err)
	}
	return data.Create(ctx, path, "未命名二级党组织", "")
}

// rememberSize restores the window's size from the last run and saves it
// when the window closes.
func rememberSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback("ui.width", 1200)), float32(p.FloatWithFallback("ui.height", 780))))
	w.SetOnClosed(func() {
		size := w.Canvas().Size()
		if size.Width > 200 && size.Height > 200 {
			p.SetFloat("ui.width", float64(size.Width))
			p.SetFloat("ui.height", float64(size.Height))
		}
	})
}
