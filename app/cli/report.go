package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/field"
	"dangjian/reports/documents"
)

func init() {
	commands["report"] = command{"打印台账和表单（.pdf 或 .docx）", runReport}
	valueNames["format"] = "格式"
	valueNames["columns"] = "栏目"
	valueNames["date"] = "日期"
	valueNames["member"] = "工号或学号或公民身份号码"
}

// reportRequest is what the options of 'dangjian report' ask for, read
// and checked before the database is opened.
type reportRequest struct {
	kind    documents.Kind
	format  documents.Format
	columns []string  // nil: the roster's default columns
	asOf    time.Time // zero: the document's own day
	// from and to: the period of a document of 发展党员 (zero: the year)
	from, to time.Time
}

func runReport(e *env, args []string) int {
	fs := e.flags("report", "种类", reportKinds(), rosterColumnsNote())
	db := dbFlag(fs)
	out := fs.String("out", "", "输出文件（.pdf 或 .docx，必填）")
	year := yearFlag(fs, "年度（默认今年）")
	branch := fs.String("branch", "", "只打印该支部（支部名称、“组织 · 支部”或支部编号）")
	org := fs.String("org", "", "在党委的汇总数据库中只打印该二级党组织（名称或编号；默认全校）")
	format := fs.String("format", "", "文件格式，取 .pdf 或 .docx，可不带点（默认按 --out 的扩展名，其他扩展名为 .pdf；文件名没有扩展名时加上）")
	columns := fs.String("columns", "", "花名册（roster）打印的栏目，按所给的顺序，用逗号或顿号分隔，如 姓名、性别、入党日期（默认见上）")
	date := fs.String("date", "", "花名册（roster、dev-activists、dev-candidates）、党内统计汇总（stats）和发展党员统计（dev-stats）的截至日期，如 2026-12-03 或 2026年12月3日（默认打印当天，往年为12月31日）")
	from, to := devPeriodFlags(fs)
	member := fs.String("member", "", "只打印这名党员的"+memberKindsText()+"（不给时，党员档案和学习管理档案打印所选范围内每名在册党员的）")
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
	req, code := readReportOptions(e, fs, k, *out, *format, *columns, *date, *member)
	if code == ExitOK {
		req.from, req.to, code = readDevPeriod(e, fs, k, *from, *to)
	}
	if code != ExitOK {
		return code
	}
	added := ""
	if *out, added = withReportExt(*out, req.format); added != "" {
		added = "（文件名没有" + added + "扩展名，已加上）"
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
	branchID, code := resolveBranchOf(e, s, *branch, orgID)
	if code != ExitOK {
		return code
	}
	memberID, code := resolveMember(e, s, *member)
	if code != ExitOK {
		return code
	}
	progress := e.progress("正在生成")
	opts := documents.Options{Year: *year, OrgID: orgID, BranchID: branchID, AsOf: req.asOf, Columns: req.columns,
		MemberID: memberID, From: req.from, To: req.to, Progress: progress, Now: e.now()}
	var rep documents.Report
	err = appcore.WriteOutput(*out, *db, func(w io.Writer) error {
		var err error
		rep, err = documents.Write(e.ctx, s, k, req.format, w, opts)
		return err
	})
	e.endProgress(progress)
	var be *documents.BranchError
	if errors.As(err, &be) {
		return e.fail(ExitUsage, "%v", be)
	}
	var oe *documents.OrgError
	if errors.As(err, &oe) {
		return e.fail(ExitUsage, "%v", oe)
	}
	if err != nil {
		return e.fail(ExitUsage, "生成失败，未生成文件：%v", err)
	}
	e.printf("已生成%s：%s%s\n", documents.Title(k), *out, added)
	if text := missingText(rep); text != "" {
		fmt.Fprint(e.stderr, text)
	}
	return ExitOK
}

// readReportOptions checks the options that need no database: the format
// agrees with the file's extension, --columns names the roster's columns
// and comes only with the roster, --date is a date and comes only with the
// roster or the statistics, --member only with a member's forms.
func readReportOptions(e *env, fs *flag.FlagSet, k documents.Kind, out, format, columns, date, member string) (reportRequest, int) {
	req := reportRequest{kind: k}
	f, err := reportFormat(out, format)
	if err != nil {
		return req, e.usageError(fs, "%v", err)
	}
	req.format = f
	if columns != "" {
		if k != documents.Roster {
			return req, e.usageError(fs, "--columns 只用于花名册（roster）")
		}
		if req.columns, err = rosterColumnsOf(columns); err != nil {
			return req, e.usageError(fs, "%v", err)
		}
	}
	if date != "" {
		if k != documents.Roster && k != documents.Stats && k != documents.DevStats && !documents.DevAsOf(k) {
			return req, e.usageError(fs, "--date 只用于花名册（roster）和党内统计汇总（stats），以及入党积极分子花名册（dev-activists）、发展对象花名册（dev-candidates）和发展党员统计（dev-stats）")
		}
		if req.asOf, err = field.ParseDate(date); err != nil {
			return req, e.usageError(fs, "--date 的取值无效：%v", err)
		}
		if req.asOf.Format(time.DateOnly) > e.now().Format(time.DateOnly) {
			return req, e.usageError(fs, "截至日期不能晚于今天（%s）", e.now().Format(time.DateOnly))
		}
	}
	if member != "" && !slices.Contains(documents.MemberKinds, k) {
		return req, e.usageError(fs, "--member 只用于%s", memberKindsText())
	}
	return req, ExitOK
}

// withReportExt gives out the format's extension when it has none
// (「花名册」 → 「花名册.docx」), and says which it added ("" when none). A
// name with another extension, or one that exists (a folder), is kept: it
// is checked as given, so that 「组织.db」 is refused rather than turned
// into 「组织.db.pdf」.
func withReportExt(out string, f documents.Format) (string, string) {
	if _, err := os.Lstat(out); err == nil || filepath.Ext(out) != "" {
		return out, ""
	}
	return out + f.Ext(), f.Ext()
}

// reportFormat is the format asked for by --format, or else by the
// extension of --out (.docx: Word; anything else: PDF). A --format that
// disagrees with an extension of .pdf or .docx is refused.
func reportFormat(out, format string) (documents.Format, error) {
	var byExt documents.Format
	switch strings.ToLower(filepath.Ext(out)) {
	case ".pdf":
		byExt = documents.PDF
	case ".docx":
		byExt = documents.Word
	}
	if format == "" {
		if byExt == "" {
			return documents.PDF, nil
		}
		return byExt, nil
	}
	f, err := documents.ParseFormat(strings.TrimPrefix(strings.TrimSpace(format), "."))
	if err != nil {
		return "", fmt.Errorf("--format 的取值“%s”无效，应为 .pdf 或 .docx", format)
	}
	if byExt != "" && byExt != f {
		return "", fmt.Errorf("--format 为 %s，与输出文件的扩展名 %s 不一致", f.Ext(), filepath.Ext(out))
	}
	return f, nil
}

// rosterColumnsOf reads a --columns list (separated by commas, 、 or
// semicolons, half- or full-width) in the order given, each column once;
// an unknown column is refused with the columns there are.
func rosterColumnsOf(text string) ([]string, error) {
	all, _ := documents.RosterColumns()
	known := map[string]bool{}
	for _, c := range all {
		known[c] = true
	}
	var out []string
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",\uFF0C、;\uFF1B", r) }) {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !known[c] {
			return nil, fmt.Errorf("花名册没有“%s”一栏。可选的栏目：%s", c, strings.Join(all, "、"))
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--columns 至少要有一栏。可选的栏目：%s", strings.Join(all, "、"))
	}
	return out, nil
}

// rosterColumnsNote tells the roster's columns and its default ones, for
// the usage.
func rosterColumnsNote() string {
	all, defaults := documents.RosterColumns()
	return "花名册可选栏目：" + strings.Join(all, "、") + "\n花名册默认栏目：" + strings.Join(defaults, "、")
}

// missingText lists, one record a line, the characters that no bundled
// face has and that were printed as an empty box, each with its code point
// (「𱍐(U+31350)」) for a terminal that cannot show it; "" when none was.
func missingText(rep documents.Report) string {
	if len(rep.Missing) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("以下字符无法打印，已以空框代替：\n")
	for _, line := range rep.MissingLines() {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
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
		return "", e.fail(ExitUsage, "无法读取支部：%v", err)
	}
	return b.ID, ExitOK
}

// resolveBranchOf is resolveBranch within one organization when orgID is
// set: a branch name that several organizations have (第一党支部) names
// that organization's.
func resolveBranchOf(e *env, s *data.Store, text, orgID string) (string, int) {
	if text == "" || orgID == "" {
		return resolveBranch(e, s, text)
	}
	_, err := s.ResolveBranch(e.ctx, text)
	var ne *data.BranchNameError
	if errors.As(err, &ne) && ne.Ambiguous() {
		for _, c := range ne.Candidates {
			if c.OrgID == orgID {
				return c.ID, ExitOK
			}
		}
	}
	return resolveBranch(e, s, text)
}

// resolveOrg finds the id of the organization an --org names (its name
// or id); "" when none is given. One the database does not hold is
// refused (exit 2) with the organizations there are.
func resolveOrg(e *env, s *data.Store, text string) (string, int) {
	if text == "" {
		return "", ExitOK
	}
	o, err := documents.ResolveOrg(e.ctx, s, text)
	if err != nil {
		return "", e.fail(ExitUsage, "%v", err)
	}
	return o.ID, ExitOK
}

// memberKindsText names the documents printed for one member:
// 「民主评议党员登记表、党员目标管理责任书、…」.
func memberKindsText() string {
	parts := make([]string, len(documents.MemberKinds))
	for i, k := range documents.MemberKinds {
		parts[i] = documents.Title(k)
	}
	return strings.Join(parts, "、")
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
	return "种类：" + strings.Join(parts, " | ")
}
