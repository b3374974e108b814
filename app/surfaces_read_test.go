package app

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/reports/documents"
	"dangjian/reports/sheets"
)

// What the cross-surface test reads back from each surface (the screen,
// the PDF, the workbook), in one form for all three.

// duesSums are 应缴, 实缴 and 欠缴 in 分.
type duesSums struct{ due, paid, arrears int64 }

// duesByBranch are the totals of each branch by name, and of the
// organization under "".
type duesByBranch map[string]duesSums

// hoursFig is a member's hours against the requirement; required counts
// only when checked.
type hoursFig struct {
	hours    float64
	required int
	checked  bool
	short    bool
}

// themeDayFig is a branch's ended months without a 主题党日 and whether
// the month under way has none yet.
type themeDayFig struct {
	missing []int
	pending bool
}

// cents reads an amount in 元 as shown (1,252.80 or 1252.8).
func cents(t *testing.T, s string) int64 {
	t.Helper()
	c, err := field.ParseMoney(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return c
}

// halfWidth writes the full-width punctuation the documents print as
// ASCII, and drops all white space, so that wrapped lines read whole.
func halfWidth(s string) string {
	s = strings.NewReplacer("，", ",", "：", ":", "（", "(", "）", ")", "；", ";").Replace(s)
	return strings.Join(strings.Fields(s), "")
}

// pageBody drops the lines every page has above and below its body (the
// organization and year, the title, 第 N 页 共 M 页 and the print date), so
// that text running onto the next page reads on.
func pageBody(text string) string {
	var keep []string
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		switch {
		case strings.Contains(l, "打印日期"),
			len(f) == 1 && strings.HasSuffix(f[0], "台账"),
			len(f) == 2 && strings.HasSuffix(f[1], "年度"):
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// pdfText writes document k of the year and reads it back with pdftotext.
func pdfText(t *testing.T, s *data.Store, k documents.Kind) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := documents.Write(context.Background(), s, k, documents.PDF, &buf, documents.Options{Year: surfacesYear}); err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	path := filepath.Join(t.TempDir(), string(k)+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (poppler-utils is installed by scripts/deps.sh)", err)
	}
	return string(out)
}

// sheetRows exports kind k of the year and returns the rows of its
// summary sheet, each as header → value.
func sheetRows(t *testing.T, s *data.Store, k sheets.Kind) []map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := sheets.Export(context.Background(), s, k, &buf, surfacesYear, nil); err != nil {
		t.Fatalf("export %s: %v", k, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	title := sheets.SummaryTitle(k)
	rows, err := f.GetRows(title)
	if err != nil || len(rows) < 2 {
		t.Fatalf("sheet %s: %d rows, %v", title, len(rows), err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// fieldsOf returns the fields of the first line that starts with prefix
// and a space.
func fieldsOf(t *testing.T, text, prefix string) []string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix+" ") {
			return strings.Fields(l)
		}
	}
	t.Fatalf("no line starts with %s in:\n%s", prefix, text)
	return nil
}

// pdfDues reads the 汇总 table of the 党费收缴台账: a row per branch, then
// 合计 (人数, 应缴, 实缴, 欠缴 follow the name).
func pdfDues(t *testing.T, text string, branches []string) duesByBranch {
	t.Helper()
	out := duesByBranch{}
	for _, name := range append([]string{"合计"}, branches...) {
		f := fieldsOf(t, text, name)
		key := name
		if name == "合计" {
			key = ""
		}
		out[key] = duesSums{cents(t, f[2]), cents(t, f[3]), cents(t, f[4])}
	}
	return out
}

// sheetDues reads the 收缴汇总 sheet: each branch's 小计 row and the
// organization's 合计 row.
func sheetDues(t *testing.T, rows []map[string]string) duesByBranch {
	t.Helper()
	out := duesByBranch{}
	for _, r := range rows {
		key, ok := "", false
		switch {
		case r["姓名"] == "小计":
			key, ok = r["党支部"], true
		case r["党支部"] == "合计":
			ok = true
		}
		if ok {
			out[key] = duesSums{cents(t, r["应缴合计"]), cents(t, r["实缴合计"]), cents(t, r["欠缴"])}
		}
	}
	return out
}

// pdfHours reads the 党员学时登记 of the 学习培训台账: on a member's line,
// after the name, the year's 集中学时, the 要求学时 and 是否达标 (达标, 差N学时
// or 不作要求, when no hours are required).
func pdfHours(t *testing.T, text string, names []string) map[string]hoursFig {
	t.Helper()
	out := map[string]hoursFig{}
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		at := slices.IndexFunc(f, func(s string) bool { return slices.Contains(names, s) })
		if at < 0 {
			continue
		}
		var nums []float64
		status := ""
		for _, s := range f[at+1:] {
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				nums = append(nums, v)
				continue
			}
			if s == "达标" || s == "不作要求" || strings.HasPrefix(s, "差") {
				status = s
				break
			}
		}
		if status == "" || len(nums) == 0 {
			continue // not the 学时登记 line
		}
		h := hoursFig{hours: nums[0], checked: status != "不作要求", short: strings.HasPrefix(status, "差")}
		if len(nums) > 1 {
			h.required = int(nums[1])
		}
		out[f[at]] = h
	}
	return out
}

// sheetHours reads the 学时汇总 sheet.
func sheetHours(t *testing.T, rows []map[string]string) map[string]hoursFig {
	t.Helper()
	out := map[string]hoursFig{}
	for _, r := range rows {
		if r["姓名"] == "" {
			continue
		}
		h := hoursFig{checked: r["是否达标"] != "不考核", short: r["是否达标"] == "否"}
		h.hours, _ = strconv.ParseFloat(r["集中学习学时"], 64)
		h.required, _ = strconv.Atoi(r["应达学时"])
		out[r["姓名"]] = h
	}
	return out
}

var monthRun = regexp.MustCompile(`(\d{1,2})月(?:至(\d{1,2})月)?`)

// monthsIn reads months such as 2月、5月至7月 (a run written as a range).
func monthsIn(s string) []int {
	var out []int
	for _, m := range monthRun.FindAllStringSubmatch(s, -1) {
		from, _ := strconv.Atoi(m[1])
		to := from
		if m[2] != "" {
			to, _ = strconv.Atoi(m[2])
		}
		for mo := from; mo <= to; mo++ {
			out = append(out, mo)
		}
	}
	return out
}

// pdfThemeDays reads the 组织生活台账: for each branch, the months its
// 年度小结 lists as 未开展主题党日, and whether a month of its table says
// 尚未开展主题党日.
func pdfThemeDays(t *testing.T, text string, branches []string) map[string]themeDayFig {
	t.Helper()
	flat := halfWidth(pageBody(text))
	out := map[string]themeDayFig{}
	for _, name := range branches {
		start := strings.Index(flat, name+"月份")
		if start < 0 {
			t.Fatalf("no section of %s", name)
		}
		section := flat[start:]
		end := strings.Index(section, "年度小结:")
		if end < 0 {
			t.Fatalf("%s has no 年度小结", name)
		}
		var fig themeDayFig
		fig.pending = strings.Contains(section[:end], "尚未开展主题党日")
		summary := section[end:]
		summary = summary[:strings.Index(summary, "。")+len("。")] // the counts
		rest := section[end+len(summary):]
		if gaps, ok := strings.CutPrefix(rest, "存在缺项:"); ok {
			gaps = gaps[:strings.Index(gaps, "。")]
			for _, item := range strings.Split(gaps, ";") {
				if months, ok := strings.CutSuffix(item, "未开展主题党日"); ok && !strings.HasSuffix(months, "尚") {
					fig.missing = monthsIn(months)
				}
			}
		}
		out[name] = fig
	}
	return out
}

// sheetThemeDays reads the 缺项 sheet (its note, under the rows, fills
// only the first column).
func sheetThemeDays(rows []map[string]string) map[string]themeDayFig {
	out := map[string]themeDayFig{}
	for _, r := range rows {
		if r["党支部"] == "" || r["未开展主题党日的月份"] == "" {
			continue
		}
		out[r["党支部"]] = themeDayFig{missing: monthsIn(r["未开展主题党日的月份"]),
			pending: strings.Contains(r["备注"], "本月尚未开展主题党日")}
	}
	return out
}

var screenDuesTotals = regexp.MustCompile(`应缴 ([\d.,]+) 元\s+实缴 ([\d.,]+) 元\s+欠缴 ([\d.,]+) 元`)

// screenDues reads the 党费 screen: for every branch chosen, and for
// 全部支部, the totals line, checked against the sums of the lines' cells
// shown.
func screenDues(t *testing.T, s *duesScreen, branchIDs map[string]string) duesByBranch {
	t.Helper()
	out := duesByBranch{}
	read := func(key string) {
		m := screenDuesTotals.FindStringSubmatch(s.totals.Text)
		if m == nil {
			t.Fatalf("the totals line of %q reads %q", key, s.totals.Text)
		}
		got := duesSums{cents(t, m[1]), cents(t, m[2]), cents(t, m[3])}
		var cells duesSums
		for row := range s.shown {
			cells.due += cents(t, s.cell(row, duesColDueSum))
			cells.paid += cents(t, s.cell(row, duesColPaidSum))
			cells.arrears += cents(t, s.cell(row, duesColOwed))
		}
		if cells != got {
			t.Errorf("党费 screen, %q: the lines add up to %+v, the totals line says %+v", key, cells, got)
		}
		out[key] = got
	}
	for name, id := range branchIDs {
		s.branch.choose(id)
		read(name)
	}
	s.branch.choose("")
	read("")
	return out
}

// screenHours reads the 学习培训 screen's cells.
func screenHours(s *trainingScreen) map[string]hoursFig {
	out := map[string]hoursFig{}
	for row := range s.rows {
		state := s.cell(row, 4)
		h := hoursFig{checked: state != trainingNotChecked, short: state == trainingShort}
		h.hours, _ = strconv.ParseFloat(s.cell(row, 2), 64)
		h.required, _ = strconv.Atoi(s.cell(row, 3))
		out[s.cell(row, 0)] = h
	}
	return out
}

// screenThemeDays reads the 组织生活 screen's banner, a line per branch:
// 「支部  缺主题党日：3月、6月；本月（9月）尚未开展」.
func screenThemeDays(text string, branches []string) map[string]themeDayFig {
	out := map[string]themeDayFig{}
	for _, name := range branches {
		out[name] = themeDayFig{}
	}
	for _, l := range strings.Split(text, "\n") {
		name, rest, ok := strings.Cut(l, "  ")
		if !ok {
			continue
		}
		var fig themeDayFig
		for _, part := range strings.Split(rest, "；") {
			if months, ok := strings.CutPrefix(part, "缺主题党日："); ok {
				fig.missing = monthsIn(months)
			}
			fig.pending = fig.pending || strings.Contains(part, "尚未开展")
		}
		out[name] = fig
	}
	return out
}
