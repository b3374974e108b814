package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"dangjian/data/localfs"
	"dangjian/reports/merge"
)

func init() {
	commands["merge"] = command{"用本单位的.docx模板套打（每人或每条记录一份）", runMerge}
	valueNames["template"] = "模板"
}

func runMerge(e *env, args []string) int {
	fs := e.flags("merge", "种类", mergeKinds(), "列出模板可用的占位符：dangjian merge --list-fields [种类]")
	db := dbFlag(fs)
	tmpl := fs.String("template", "", "模板文件（.docx），在要填写处写上{{姓名}}这样的占位符（必填）")
	out := fs.String("out", "", "输出文件夹，每条记录生成一个.docx；加 --one-file 时为输出的.docx文件（必填）")
	oneFile := fs.Bool("one-file", false, "全部记录生成到一个.docx文件中，每条记录另起一页")
	year := yearFlag(fs, "年度（默认今年）")
	branch := fs.String("branch", "", "只生成该支部（支部名称、“组织 · 支部”或支部编号）")
	org := fs.String("org", "", "在党委的汇总数据库中只生成该二级党组织（名称或编号；默认全校）")
	list := fs.Bool("list-fields", false, "列出模板可用的占位符及说明")
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if *list {
		if len(pos) > 1 {
			return e.usageError(fs, "多余的参数：%s", strings.Join(pos[1:], " "))
		}
		var k merge.Kind
		if len(pos) == 1 {
			var err error
			if k, err = merge.ParseKind(pos[0]); err != nil {
				return e.fail(ExitUsage, "%v", err)
			}
		}
		writeFields(e.stdout, k)
		return ExitOK
	}
	if len(pos) != 1 {
		return e.usageError(fs, "请给出一个套打种类")
	}
	k, err := merge.ParseKind(pos[0])
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *tmpl == "" {
		return e.fail(ExitUsage, "请用 --template 指定模板文件（.docx）")
	}
	if *out == "" {
		return e.fail(ExitUsage, "请用 --out 指定输出文件夹（或加 --one-file 时的.docx文件）")
	}
	if err := checkYear(*year); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	s, code := openReader(e, *db, e.now)
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
	progress := e.progress("正在生成")
	res, err := merge.Merge(e.ctx, s, merge.Request{Kind: k, Template: *tmpl, Out: *out, OneFile: *oneFile,
		Options: merge.Options{Year: *year, BranchID: branchID, OrgID: orgID, Now: e.now()}, Progress: progress})
	e.endProgress(progress)
	var (
		fe *merge.FieldError
		te *merge.TemplateError
		oe *localfs.OutputError
	)
	switch {
	case errors.As(err, &fe), errors.As(err, &te), errors.As(err, &oe), errors.Is(err, merge.ErrNoRecords):
		return e.fail(ExitUsage, "%v", err)
	case err != nil:
		return e.fail(ExitUsage, "套打失败，未生成文件：%v", err)
	}
	if *oneFile {
		e.printf("已生成%d条记录的套打文档：%s\n", res.Records, *out)
	} else {
		e.printf("已生成%d个套打文档%s，保存在：%s\n", len(res.Files), renamedNote(res.Renamed), *out)
	}
	return ExitOK
}

// renamedNote tells how many documents were numbered because their name
// was taken: 「（其中3个与已有文件同名，已加序号）」; "" when none.
func renamedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("（其中%d个与已有文件同名，已加序号）", n)
}

// mergeKinds tells the 种类 of merges.
func mergeKinds() string {
	parts := make([]string, len(merge.Kinds))
	for i, k := range merge.Kinds {
		parts[i] = string(k) + " " + merge.Title(k)
	}
	return "种类：" + strings.Join(parts, " | ")
}

// writeFields lists the placeholders: those of kind k, or, when k is
// empty, every one, the member's first and then each kind's own.
func writeFields(w io.Writer, k merge.Kind) {
	fmt.Fprintln(w, "模板中的占位符写成 {{名称}}，如 {{姓名}}；套打时换成每条记录的内容，保留所在位置的字体和格式。")
	line := func(f merge.Field) {
		fmt.Fprintf(w, "  %s%s  %s\n", "{{"+f.Name+"}}", strings.Repeat(" ", max(0, 22-displayWidth(f.Name)-4)), f.Description)
	}
	if k != "" {
		fmt.Fprintf(w, "%s %s 可用：\n", k, merge.Title(k))
		for _, f := range merge.FieldsFor(k) {
			line(f)
		}
		return
	}
	fmt.Fprintln(w, "各种类通用（党员本人的信息）：")
	for _, f := range merge.Fields() {
		if len(f.Kinds) == 0 {
			line(f)
		}
	}
	for _, kind := range merge.Kinds {
		var own []merge.Field
		for _, f := range merge.Fields() {
			if len(f.Kinds) > 0 && f.For(kind) {
				own = append(own, f)
			}
		}
		if len(own) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %s 另有：\n", kind, merge.Title(kind))
		for _, f := range own {
			line(f)
		}
	}
}
