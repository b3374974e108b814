package sheets_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/reports/sheets"
)

// tplOpen builds the template of a kind and opens it again.
func tplOpen(t *testing.T, k sheets.Kind) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := sheets.Template(k, &buf); err != nil {
		t.Fatalf("Template(%s): %v", k, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reopen template %s: %v", k, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// tplInputColumns are the columns a template must have: all but the
// computed ones.
func tplInputColumns(l sheets.Layout) []sheets.Column {
	var out []sheets.Column
	for _, c := range l.Columns {
		if !c.Computed && !c.ExportOnly {
			out = append(out, c)
		}
	}
	return out
}

func tplColName(t *testing.T, i int) string {
	t.Helper()
	name, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func TestTemplateHasExactlyTheInputHeaders(t *testing.T) {
	for _, k := range sheets.Kinds {
		t.Run(string(k), func(t *testing.T) {
			f := tplOpen(t, k)
			l := sheets.LayoutOf(k)
			if got, want := f.GetSheetList(), []string{l.Title, sheets.GuideSheet}; !slices.Equal(got, want) {
				t.Fatalf("sheets = %v, want %v", got, want)
			}
			if i := f.GetActiveSheetIndex(); i != 0 {
				t.Errorf("active sheet = %d, want 0", i)
			}
			rows, err := f.GetRows(l.Title)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, c := range tplInputColumns(l) {
				want = append(want, c.Header)
			}
			if len(rows) != 1 || !slices.Equal(rows[0], want) {
				t.Fatalf("rows = %q, want only the header %q", rows, want)
			}
			panes, err := f.GetPanes(l.Title)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
				t.Errorf("panes = %+v, %v; want row 1 frozen", panes, err)
			}
			comments, err := f.GetComments(l.Title)
			if err != nil || len(comments) != len(want) {
				t.Errorf("%d header comments (%v), want %d", len(comments), err, len(want))
			}
			for i, c := range tplInputColumns(l) {
				width, err := f.GetColWidth(l.Title, tplColName(t, i))
				if err != nil || width != c.Width {
					t.Errorf("width of %s = %v (%v), want %v", c.Header, width, err, c.Width)
				}
			}
		})
	}
}

func TestTemplateGuideListsEveryColumn(t *testing.T) {
	for _, k := range sheets.Kinds {
		t.Run(string(k), func(t *testing.T) {
			f := tplOpen(t, k)
			l := sheets.LayoutOf(k)
			rows, err := f.GetRows(sheets.GuideSheet)
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"列名", "是否必填", "说明", "可选值"}; len(rows) == 0 || !slices.Equal(rows[0], want) {
				t.Fatalf("guide header = %q, want %q", rows[:min(1, len(rows))], want)
			}
			if len(rows) < len(l.Columns)+1 {
				t.Fatalf("guide has %d rows, want at least %d", len(rows), len(l.Columns)+1)
			}
			for i, c := range l.Columns {
				row := append(rows[i+1], "", "", "", "")
				required := map[bool]string{true: "是", false: "否"}[c.Required]
				if c.Computed || c.ExportOnly {
					required = "导出时生成"
				}
				if row[0] != c.Header || row[1] != required || row[3] != strings.Join(c.Choices, "/") {
					t.Errorf("guide row %d = %q, want %s / %s / choices %v", i+2, rows[i+1], c.Header, required, c.Choices)
				}
				if c.Note != "" && !strings.Contains(row[2], c.Note) {
					t.Errorf("guide row %d 说明 = %q, want the note %q", i+2, row[2], c.Note)
				}
			}
			text := fmt.Sprint(rows[len(l.Columns)+1:])
			for _, rule := range []string{"2019年7月1日", "是", "全角", "重复导入", "--skip-invalid", "红字"} {
				if rule == "2019年7月1日" && !slices.ContainsFunc(l.Columns, func(c sheets.Column) bool { return c.Type == "date" }) {
					continue // a sheet without dates (党校课程) says nothing of them
				}
				if !strings.Contains(text, rule) {
					t.Errorf("guide rules do not mention %q: %s", rule, text)
				}
			}
		})
	}
}

func TestTemplateDropDowns(t *testing.T) {
	last := sheets.TemplateRows + 1
	for _, k := range sheets.Kinds {
		t.Run(string(k), func(t *testing.T) {
			f := tplOpen(t, k)
			l := sheets.LayoutOf(k)
			dvs, err := f.GetDataValidations(l.Title)
			if err != nil {
				t.Fatal(err)
			}
			bySqref := map[string]*excelize.DataValidation{}
			for _, dv := range dvs {
				bySqref[dv.Sqref] = dv
			}
			want := 0
			for i, c := range tplInputColumns(l) {
				if len(c.Choices) == 0 {
					continue
				}
				want++
				col := tplColName(t, i)
				dv := bySqref[fmt.Sprintf("%s2:%s%d", col, col, last)]
				if dv == nil {
					t.Errorf("no drop-down on %s (%s2:%s%d); have %v", c.Header, col, col, last, keysOf(bySqref))
					continue
				}
				style := "stop"
				if c.Open {
					style = "information"
				}
				if dv.Type != "list" || dv.Formula1 != `"`+strings.Join(c.Choices, ",")+`"` ||
					dv.ErrorStyle == nil || *dv.ErrorStyle != style || !dv.ShowErrorMessage ||
					dv.Error == nil || !strings.Contains(*dv.Error, c.Header) || !dv.AllowBlank {
					t.Errorf("drop-down of %s = %+v, want the list %v with %s style", c.Header, dv, c.Choices, style)
				}
			}
			if len(dvs) != want {
				t.Errorf("%d validations, want %d (one per column with choices)", len(dvs), want)
			}
		})
	}
}

func keysOf(m map[string]*excelize.DataValidation) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// tplStyle returns the style of a cell of the first sheet.
func tplStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestTemplateCellFormats(t *testing.T) {
	f := tplOpen(t, sheets.Members)
	l := sheets.LayoutOf(sheets.Members)
	col := map[string]string{}
	for i, c := range tplInputColumns(l) {
		col[c.Header] = tplColName(t, i)
	}
	last := fmt.Sprint(sheets.TemplateRows + 1)
	for _, h := range []string{"公民身份号码", "工号或学号", "联系电话", "姓名", "困难党员"} {
		for _, row := range []string{"2", last} {
			if st := tplStyle(t, f, l.Title, col[h]+row); st.NumFmt != 49 {
				t.Errorf("%s row %s: number format %d, want 49 (text)", h, row, st.NumFmt)
			}
		}
	}
	for _, h := range []string{"出生日期", "入党日期", "转正日期"} {
		if st := tplStyle(t, f, l.Title, col[h]+last); st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Errorf("%s: custom number format %v, want yyyy-mm-dd", h, st.CustomNumFmt)
		}
	}
	if st := tplStyle(t, f, l.Title, col["党费基数"]+"2"); st.NumFmt != 2 {
		t.Errorf("党费基数: number format %d, want 2 (0.00)", st.NumFmt)
	}
	required, optional := tplStyle(t, f, l.Title, col["姓名"]+"1"), tplStyle(t, f, l.Title, col["民族"]+"1")
	for _, st := range []*excelize.Style{required, optional} {
		if st.Font == nil || !st.Font.Bold || len(st.Border) != 4 || st.Fill.Pattern != 1 ||
			st.Alignment == nil || st.Alignment.Horizontal != "center" {
			t.Errorf("header style = %+v, want bold, bordered, filled and centred", st)
		}
	}
	if slices.Equal(required.Fill.Color, optional.Fill.Color) {
		t.Errorf("required and optional headers have the same fill %v", required.Fill.Color)
	}
}

func TestTemplateRefusesUnknownKind(t *testing.T) {
	var buf bytes.Buffer
	if err := sheets.Template("cadres", &buf); err == nil || !strings.Contains(err.Error(), "members") {
		t.Fatalf("Template(cadres) = %v, want an error listing the kinds", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes for an unknown kind", buf.Len())
	}
}

// designColumns are DESIGN.md's "Sheet columns" and, for the later kinds,
// the README's: every template's headers, in order. A column added to a
// layout is added there too (at the end of a kind, so older sheets import).
var designColumns = map[sheets.Kind][]string{
	sheets.Members: {"姓名", "性别", "民族", "出生日期", "公民身份号码", "籍贯", "学历", "人员类别", "工号或学号",
		"单位职务或院系班级", "所在支部", "入党日期", "转正日期", "党员类别", "党内职务", "党员领导干部", "联系电话",
		"困难党员", "党费基数", "备注", "学位", "毕业院校", "户籍所在地", "现居住地", "档案所在单位", "工作单位及职务",
		"失联情形", "失联日期"},
	sheets.Training:     {"公民身份号码", "姓名", "日期", "学时", "形式", "主题", "主办单位", "地点", "证书编号"},
	sheets.Practice:     {"公民身份号码", "姓名", "类型", "岗位或责任区", "开始日期", "结束日期", "职责"},
	sheets.Pledges:      {"公民身份号码", "姓名", "年度", "承诺事项", "承诺日期", "践诺评议", "评议人", "评议日期"},
	sheets.Volunteer:    {"公民身份号码", "姓名", "日期", "服务内容", "服务时长", "组织单位"},
	sheets.Publicity:    {"所在支部", "宣传渠道", "标题", "发布日期", "链接或存档位置", "备注"},
	sheets.Rewards:      {"公民身份号码", "姓名", "奖励名称", "级别", "授予单位", "日期"},
	sheets.Disciplines:  {"公民身份号码", "姓名", "处分种类", "处分日期", "影响期至", "决定机关", "事由"},
	sheets.Corrections:  {"公民身份号码", "姓名", "决定日期", "改正期限", "事由", "处理结果", "结果日期"},
	sheets.Dispositions: {"公民身份号码", "姓名", "处置", "决定日期", "决定机关", "事由"},
	sheets.Posts:        {"公民身份号码", "姓名", "机构", "职务", "所在支部", "任职日期", "免职日期", "换届选举日期"},
	sheets.Episodes: {"公民身份号码", "姓名", "情形", "开始日期", "结束日期", "地点", "失联情形", "查找情况",
		"最近联系日期", "备注"},
	sheets.Teachers:     {"姓名", "专兼职", "公民身份号码", "单位及职务", "主讲方向", "聘任日期", "解聘日期"},
	sheets.Courses:      {"年度", "计划课程", "课程名称", "学时", "授课教师", "培训对象", "备注"},
	sheets.LeaderLinks:  {"公民身份号码", "姓名", "联系类型", "联系对象", "开始日期", "结束日期", "备注"},
	sheets.LeaderVisits: {"公民身份号码", "姓名", "联系类型", "联系对象", "日期", "联系内容"},
	sheets.Meetings:     {"所在支部", "类型", "日期", "主题", "主持人", "记录人", "出席", "请假", "缺席", "地点"},
	sheets.Dues:         {"公民身份号码", "姓名", "月份", "实缴金额", "缴纳日期"},
	sheets.Transfers:    {"公民身份号码", "姓名", "方向", "对方组织", "介绍信编号", "开具日期", "有效期天数", "回执日期", "党费交至"},
	sheets.Pipeline: {"姓名", "公民身份号码", "性别", "民族", "出生日期", "籍贯", "学历", "人员类别", "工号或学号",
		"单位职务或院系班级", "联系电话", "所在支部", "备注", "递交入党申请书日期", "入党申请人谈话日期", "谈话人",
		"确定入党积极分子日期", "积极分子备案日期", "指定培养联系人日期", "培养联系人", "确定发展对象日期", "发展对象备案日期",
		"确定入党介绍人日期", "入党介绍人", "政治审查日期", "集中培训开始日期", "集中培训结束日期", "培训学时", "培训天数",
		"支部委员会审查日期", "党委预审日期", "公示开始日期", "公示结束日期", "填写入党志愿书日期", "入党志愿书编号",
		"支部大会讨论接收日期", "接收应到人数", "接收实到人数", "接收赞成票", "接收反对票", "接收弃权票", "接收表决结果",
		"党委派人谈话日期", "党委谈话人", "党委审批日期", "党委审批结果", "入党宣誓日期", "领誓人", "提出转正申请日期",
		"支部大会讨论转正日期", "转正应到人数", "转正实到人数", "转正赞成票", "转正反对票", "转正弃权票", "转正表决结果",
		"延长预备期月数", "党委审批转正日期", "党委审批转正结果", "终止发展日期", "终止原因"},
	sheets.DevSteps: {"公民身份号码", "姓名", "步骤", "日期", "截止日期", "相关党员", "应到人数", "实到人数", "赞成票",
		"反对票", "弃权票", "结果", "延长预备期月数", "学时", "天数", "编号", "内容", "备注"},
}

func TestTemplateHeadersAreDesignColumns(t *testing.T) {
	for _, k := range sheets.Kinds {
		f := tplOpen(t, k)
		rows, err := f.GetRows(sheets.LayoutOf(k).Title)
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: rows %q, %v", k, rows, err)
		}
		if want := designColumns[k]; !slices.Equal(rows[0], want) {
			t.Errorf("%s template headers = %q, want DESIGN.md's %q", k, rows[0], want)
		}
	}
}
