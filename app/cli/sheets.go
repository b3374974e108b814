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
	fs := e.flags("export", "种类", sheetKinds())
	db := dbFlag(fs)
	out := fs.String("out", "", "输出的.xlsx文件（必填）")
	year := yearFlag(fs, "只导出该年度的记录（党员信息不分年度）")
	org := fs.String("org", "", "在党委的汇总数据库中只导出该二级党组织（名称或编号；默认全校）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	k, ok := e.kindArg(fs, pos, 1)
	if !ok {
		return ExitUsage
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
		rows, err = sheets.ExportWith(e.ctx, s, k, w, sheets.ExportOptions{Year: *year, OrgID: orgID, Progress: progress})
		return err
	})
	e.endProgress(progress)
	if err != nil {
		return e.fail(ExitUsage, "导出失败，未生成文件：%v", err)
	}
	e.printf("已导出%s %d行：%s\n", sheets.LayoutOf(k).Title, rows, *out)
	return ExitOK
}

func runImport(e *env, args []string) int {
	fs := e.flags("import", "种类 文件.xlsx", sheetKinds())
	db := dbFlag(fs)
	dry := fs.Bool("dry-run", false, "只检查，不写入")
	skip := fs.Bool("skip-invalid", false, "写入有效的行，报告无效的行")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	k, ok := e.kindArg(fs, pos, 2)
	if !ok {
		return ExitUsage
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	progress := e.progress("正在导入")
	rep, err := sheets.ImportFile(e.ctx, s, k, pos[1], sheets.Options{DryRun: *dry, SkipInvalid: *skip, Progress: progress})
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
