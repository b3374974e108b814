package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"dangjian/app/appcore"
	"dangjian/reports/sheets"
)

func init() {
	commands["template"] = command{"生成Excel导入模板", runTemplate}
	commands["import"] = command{"从Excel导入", runImport}
	commands["export"] = command{"导出为Excel", runExport}
}

// kindArg takes the 种类 positional argument, want positional arguments
// in all.
func (e *env) kindArg(fs *flag.FlagSet, pos []string, want int) (sheets.Kind, bool) {
	if len(pos) != want {
		what := "请给出一个表格种类"
		if want == 2 {
			what = "请给出表格种类和要导入的.xlsx文件"
		}
		e.usageError(fs, "%s", what)
		return "", false
	}
	k, err := sheets.ParseKind(pos[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return "", false
	}
	return k, true
}

func runTemplate(e *env, args []string) int {
	fs := e.flags("template", "种类", sheetKinds())
	out := fs.String("out", "", "输出的.xlsx文件（必填）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	k, ok := e.kindArg(fs, pos, 1)
	if !ok {
		return ExitUsage
	}
	if *out == "" {
		return e.fail(ExitUsage, "请用 --out 指定输出文件")
	}
	if err := appcore.WriteOutput(*out, "", func(w io.Writer) error { return sheets.Template(k, w) }); err != nil {
		return e.fail(ExitUsage, "生成模板失败：%v", err)
	}
	e.printf("已生成%s导入模板：%s\n", sheets.LayoutOf(k).Title, *out)
	return ExitOK
}

func runExport(e *env, args []string) int {
	fs := e.flags("export", "种类", sheetKinds()+" | "+nationalKind+" 全国党员管理信息系统的党员信息导入格式")
	db := dbFlag(fs)
	out := fs.String("out", "", "输出的.xlsx文件（必填）")
	year := yearFlag(fs, "只导出该年度的记录（党员信息不分年度）")
	org := fs.String("org", "", "在党委的汇总数据库中只导出该二级党组织（名称或编号；默认全校）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	national := len(pos) == 1 && pos[0] == nationalKind
	var k sheets.Kind
	if !national {
		if k, ok = e.kindArg(fs, pos, 1); !ok {
			return ExitUsage
		}
	}
	s, code := openForOutput(e, *db, *out, *year)
	if s == nil {
		return code
	}
	defer s.Close()
	orgID, code := resolveOrg(e, s, *org)
	if code != ExitOK {
		return code
	}
	var rows int
	progress := e.progress("正在导出")
	err := appcore.WriteOutput(*out, *db, func(w io.Writer) error {
		var err error
		o := sheets.ExportOptions{Year: *year, OrgID: orgID, Progress: progress}
		if national {
			rows, err = sheets.ExportNational(e.ctx, s, w, o)
		} else {
			rows, err = sheets.ExportWith(e.ctx, s, k, w, o)
		}
		return err
	})
	e.endProgress(progress)
	if err != nil {
		return e.fail(ExitUsage, "导出失败，未生成文件：%v", err)
	}
	if national {
		e.printf("已按全国党员管理信息系统的党员信息格式导出在册党员%d人：%s\n", rows, *out)
		return ExitOK
	}
	e.printf("已导出%s %d行：%s\n", sheets.LayoutOf(k).Title, rows, *out)
	return ExitOK
}

func runImport(e *env, args []string) int {
	fs := e.flags("import", "种类 文件.xlsx", sheetKinds())
	db := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "只检查，不写入")
	skip := fs.Bool("skip-invalid", false, "写入有效的行，报告无效的行")
	var maps mapFlag
	fs.Var(&maps, "map", "工作表的表头对应模板的哪一列（列名写模板的表头，不导入写“忽略”）；可重复。导入写入后，同样表头的工作表会沿用")
	update := fs.Bool("update", false, "党员信息：按公民身份号码更新已有党员，空白单元格保留原值，并列出每一处改动（与 --dry-run 同用只预览）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	k, ok := e.kindArg(fs, pos, 2)
	if !ok {
		return ExitUsage
	}
	mapping, err := sheets.ParseMaps(maps)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	progress := e.progress("正在导入")
	rep, err := sheets.ImportFile(e.ctx, s, k, pos[1], sheets.Options{DryRun: *dry, SkipInvalid: *skip, Progress: progress,
		Map: mapping, Update: *update})
	e.endProgress(progress)
	var inputErr *sheets.InputError
	switch {
	case errors.As(err, &inputErr):
		return e.fail(ExitUsage, "%s\n未写入任何数据。", inputErr.Msg)
	case errors.Is(err, context.Canceled):
		return e.fail(ExitUsage, "已取消，未写入任何数据。")
	case err != nil:
		return e.fail(ExitUsage, "导入失败，未写入任何数据：%v", err)
	}
	printMapping(e, rep, len(mapping) > 0)
	if *update {
		printChanges(e, rep)
	}
	printImport(e, rep)
	if len(rep.Problems) > 0 {
		return ExitRejected
	}
	return ExitOK
}

func printImport(e *env, rep *sheets.Report) {
	for _, p := range rep.Problems {
		fmt.Fprintln(e.stderr, p.String())
	}
	for _, w := range rep.Warnings {
		e.printf("提示：%s\n", w.String())
	}
	valid := rep.Created + rep.Updated + rep.Unchanged
	e.printf("%s：读取%d行，有效%d行（新增%d，更新%d，未变%d），有问题%d行。\n", sheets.LayoutOf(rep.Kind).Title,
		rep.Rows, valid, rep.Created, rep.Updated, rep.Unchanged, rep.Skipped)
	if n := len(rep.NewBranches); n > 0 && (rep.Written || rep.DryRun) {
		shown := rep.NewBranches[:min(n, 10)]
		more := ""
		if n > len(shown) {
			more = "等"
		}
		verb := "新建"
		if rep.DryRun {
			verb = "将新建"
		}
		e.printf("%s支部%d个：%s%s\n", verb, n, strings.Join(shown, "、"), more)
	}
	switch {
	case rep.DryRun:
		e.printf("试运行：未写入任何数据。\n")
	case rep.Written && rep.Skipped > 0:
		e.printf("已写入有效的%d行，跳过有问题的%d行。\n", valid, rep.Skipped)
	case rep.Written:
		e.printf("已全部写入。\n")
	default:
		e.printf("因有问题，未写入任何数据（改正后重新导入，或用 --skip-invalid 只写入有效的行）。\n")
	}
}

// sheetKinds tells the 种类 of the Excel sheets: 种类: members 党员信息 | ….
func sheetKinds() string {
	parts := make([]string, len(sheets.Kinds))
	for i, k := range sheets.Kinds {
		parts[i] = string(k) + " " + sheets.LayoutOf(k).Title
	}
	return "种类：" + strings.Join(parts, " | ")
}

// nationalKind is the export in the column layout of the 全国党员管理信息系统.
const nationalKind = "national"

// mapFlag gathers the values of a repeated --map.
type mapFlag []string

func (m *mapFlag) String() string { return strings.Join(*m, " ") }

func (m *mapFlag) Set(v string) error {
	*m = append(*m, v)
	return nil
}

// printMapping says which headers were read under another name and which
// were not read, and whether the mapping was remembered.
func printMapping(e *env, rep *sheets.Report, given bool) {
	hm := rep.Mapping
	if hm == nil {
		return
	}
	if renamed := hm.Renamed(); len(renamed) > 0 {
		parts := make([]string, len(renamed))
		for i, c := range renamed {
			parts[i] = c.Header + "→" + c.Column + "（" + c.How + "）"
		}
		e.printf("列对应：%s\n", strings.Join(parts, "、"))
	}
	if ignored := hm.Ignored(); len(ignored) > 0 {
		e.printf("未导入的列：%s（需要导入时用 --map 表头=列名 指定）\n", strings.Join(ignored, "、"))
	}
	if hm.Remembered {
		e.printf("沿用了此前为同样表头指定的列对应。\n")
	}
	if given && rep.Written {
		e.printf("已记住此列对应：同样表头的工作表下次导入时自动沿用。\n")
	}
}

// printChanges lists every change an update makes (or, in a dry run,
// would make) to stored members.
func printChanges(e *env, rep *sheets.Report) {
	if len(rep.Changes) == 0 {
		e.printf("没有需要更新的内容。\n")
		return
	}
	verb := "已更新"
	if !rep.Written {
		verb = "将更新"
	}
	e.printf("%s%d处：\n", verb, len(rep.Changes))
	for _, c := range rep.Changes {
		e.printf("  %s\n", c.String())
	}
}
