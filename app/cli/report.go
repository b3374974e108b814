package cli

import (
	"errors"
	"io"
	"strings"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/reports/documents"
)

func init() {
	commands["report"] = command{"打印台账和表单(PDF)", runReport}
}

func runReport(e *env, args []string) int {
	fs := e.flags("report", "种类", reportKinds())
	db := dbFlag(fs)
	out := fs.String("out", "", "输出的.pdf文件(必填)")
	year := yearFlag(fs, "年度(默认今年)")
	branch := fs.String("branch", "", "只打印该支部(支部名称、“组织 · 支部”或支部编号)")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usageError(fs, "请给出一个文档种类")
	}
	k, err := documents.ParseKind(pos[0])
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openForOutput(e, *db, *out, *year)
	if s == nil {
		return code
	}
	defer s.Close()
	branchID, code := resolveBranch(e, s, *branch)
	if code != ExitOK {
		return code
	}
	progress := e.progress("正在生成")
	opts := documents.Options{Year: *year, BranchID: branchID, Progress: progress, Now: e.now()}
	var rep documents.Report
	err = appcore.WriteOutput(*out, *db, func(w io.Writer) error {
		var err error
		rep, err = documents.Write(e.ctx, s, k, documents.PDF, w, opts)
		return err
	})
	e.endProgress(progress)
	var be *documents.BranchError
	if errors.As(err, &be) {
		return e.fail(ExitUsage, "%v", be)
	}
	if err != nil {
		return e.fail(ExitUsage, "生成失败,未生成文件: %v", err)
	}
	e.printf("已生成%s: %s\n", documents.Title(k), *out)
	if text := rep.MissingText(); text != "" {
		e.printf("%s\n", text)
	}
	return ExitOK
}

// resolveBranch finds the id of the branch a --branch names (its name,
// 组织 · 支部, or its id); "" when none is given. A name that no branch
// has, or several have, is refused (exit 2) with the branches to choose
// from.
func resolveBranch(e *env, s *data.Store, text string) (string, int) {
	if text == "" {
		return "", ExitOK
	}
	b, err := s.ResolveBranch(e.ctx, text)
	var ne *data.BranchNameError
	if errors.As(err, &ne) {
		return "", e.fail(ExitUsage, "%v", ne)
	}
	if err != nil {
		return "", e.fail(ExitUsage, "无法读取支部: %v", err)
	}
	return b.ID, ExitOK
}

// reportKinds tells the 种类 of the documents.
func reportKinds() string {
	parts := make([]string, len(documents.Kinds))
	for i, k := range documents.Kinds {
		parts[i] = string(k)
		if t := documents.Title(k); t != "" {
			parts[i] += " " + t
		}
	}
	return "种类: " + strings.Join(parts, " | ")
}
