package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dangjian/app/appcore"
	"dangjian/data/field"
	"dangjian/reports/documents"
	snapshot "dangjian/sync"
)

func init() {
	extraSubs["committee"] = append(extraSubs["committee"],
		sub{"report", "打印党委的汇总文档（全校党内统计、考评排名、跨组织问题台账、学期汇总）", runCommitteeReport})
	valueNames["term"] = "学期"
}

// runCommitteeReport is 'dangjian committee report KIND': one of the
// committee's documents over a term's consolidated database, with the
// committee's findings, notes and snapshot records from its folder.
func runCommitteeReport(e *env, args []string) int {
	fs := e.flags("committee report", "种类", committeeReportKinds())
	dir := fs.String("dir", "", "党委的同步目录（必填）")
	term := fs.String("term", "", "学期，如 2026-2027-1（默认当前学期；当前学期尚未汇总时为最近汇总的学期）")
	org := fs.String("org", "", "学期汇总（term）只打印这个二级党组织（名称或编号；默认每个组织一份）")
	year := yearFlag(fs, "统计和考评的年度（默认为该学期大部分时间所在的年度，如 2026-2027-1 为2026年）")
	date := fs.String("date", "", "全校党内统计（stats）的截至日期，如 2026-12-03（默认打印当天，往年为12月31日）")
	out := fs.String("out", "", "输出文件（.pdf 或 .docx，必填）")
	format := fs.String("format", "", "文件格式，取 .pdf 或 .docx（默认按 --out 的扩展名，其他扩展名为 .pdf）")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usageError(fs, "请给出一个文档种类")
	}
	k, err := documents.ParseCommitteeKind(pos[0])
	if err != nil {
		return e.usageError(fs, "%v", err)
	}
	if *dir == "" {
		return e.usageError(fs, "请用 --dir 指定党委的同步目录")
	}
	f, err := reportFormat(*out, *format)
	if err != nil {
		return e.usageError(fs, "%v", err)
	}
	if *org != "" && k != documents.CommitteeTerm {
		return e.usageError(fs, "--org 只用于学期汇总（term）")
	}
	var asOf time.Time
	if *date != "" {
		if k != documents.CommitteeStats {
			return e.usageError(fs, "--date 只用于全校党内统计（stats）")
		}
		if asOf, err = field.ParseDate(*date); err != nil {
			return e.usageError(fs, "--date 的取值无效：%v", err)
		}
		if asOf.Format(time.DateOnly) > e.now().Format(time.DateOnly) {
			return e.usageError(fs, "截至日期不能晚于今天（%s）", e.now().Format(time.DateOnly))
		}
	}
	added := ""
	if *out, added = withReportExt(*out, f); added != "" {
		added = "（文件名没有" + added + "扩展名，已加上）"
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	result, path, err := committeeResult(c, *term, e.now())
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openForOutput(e, path, *out, *year)
	if s == nil {
		return code
	}
	defer s.Close()
	opts, err := appcore.CommitteeDocumentInput(e.ctx, c, s, result, e.now())
	if err != nil {
		return e.fail(ExitUsage, "无法读取党委的汇总记录：%v", err)
	}
	if *org != "" {
		o, err := documents.ResolveOrg(e.ctx, s, *org)
		if err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		opts.OrgID = o.ID
	}
	progress := e.progress("正在生成")
	if *year != 0 {
		opts.Year = *year
	}
	opts.AsOf, opts.Progress, opts.Now = asOf, progress, e.now()
	var rep documents.Report
	err = appcore.WriteOutput(*out, path, func(w io.Writer) error {
		var err error
		rep, err = documents.WriteCommittee(e.ctx, s, k, f, w, opts)
		return err
	})
	e.endProgress(progress)
	if err != nil {
		return e.fail(ExitUsage, "生成失败，未生成文件：%v", err)
	}
	what := documents.CommitteeTitle(k)
	if opts.TermLabel != "" {
		what = opts.TermLabel + what
	}
	e.printf("已生成%s：%s%s\n", what, *out, added)
	if text := missingText(rep); text != "" {
		fmt.Fprint(e.stderr, text)
	}
	return ExitOK
}

// committeeResult is the consolidated database a committee document is
// made from: the term's result (the current term's by default, or the
// newest one consolidated), or before any term was consolidated the
// folder's own merged database (term nil).
func committeeResult(c *snapshot.Committee, term string, now time.Time) (*snapshot.TermResult, string, error) {
	if term != "" {
		if _, err := snapshot.ParseTerm(term); err != nil {
			return nil, "", err
		}
		r, err := c.TermResult(term)
		if errors.Is(err, snapshot.ErrNoTermResult) {
			return nil, "", fmt.Errorf("%s尚未汇总：请先运行 dangjian consolidate --dir %s --term %s", snapshot.TermLabel(term), c.Dir, term)
		}
		if err != nil {
			return nil, "", err
		}
		return &r, r.Path, nil
	}
	terms, err := c.Terms()
	if err != nil {
		return nil, "", err
	}
	for i := range terms {
		if terms[i].Current {
			return &terms[i], terms[i].Path, nil
		}
	}
	if len(terms) > 0 {
		return &terms[0], terms[0].Path, nil
	}
	path := filepath.Join(c.Dir, snapshot.MergedFile)
	if _, err := os.Stat(path); err != nil {
		return nil, "", fmt.Errorf("尚未汇总任何学期：请先运行 dangjian consolidate --dir %s", c.Dir)
	}
	return nil, path, nil
}

// committeeReportKinds tells the 种类 of the committee's documents.
func committeeReportKinds() string {
	parts := make([]string, len(documents.CommitteeKinds))
	for i, k := range documents.CommitteeKinds {
		parts[i] = string(k) + " " + documents.CommitteeTitle(k)
	}
	return "种类：" + strings.Join(parts, " | ")
}
