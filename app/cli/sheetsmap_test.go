package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data/field"
)

// TestImportMapUpdateAndNationalExport: a roster with other headers is
// refused while a required column is unknown, naming the --map; --update
// --dry-run prints every change and writes nothing; --map is remembered;
// export national writes the 全国党员管理信息系统 layout.
func TestImportMapUpdateAndNationalExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	run(t, "init", "--db", db, "--org", "测试学院党委")
	good := field.MakeIDNumber("420106", time.Date(1980, 3, 4, 0, 0, 0, 0, time.UTC), 1, true)
	write := func(name string, rows ...[]any) string {
		f := excelize.NewFile()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(f.GetSheetName(0), cell, &r)
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	roster := write("花名册.xlsx",
		[]any{"序号", "党员姓名", "身份证号", "人员类别", "所在党支部", "入党年月日", "党员类别"},
		[]any{1, "王建国", good, "在职教职工", "一支部", "2005-07-01", "正式党员"})
	code, _, errOut := run(t, "import", "members", "--db", db, roster)
	if code != ExitUsage || !strings.Contains(errOut, "“入党年月日”") || !strings.Contains(errOut, "--map 入党年月日=入党日期") {
		t.Fatalf("unknown header: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "import", "members", "--db", db, "--map", "入党年月日", roster); code != ExitUsage ||
		!strings.Contains(errOut, "应写成 列名=字段") {
		t.Fatalf("--map without =: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "import", "members", "--db", db, "--map", "入党年月日=入党日期", roster)
	if code != ExitOK || !strings.Contains(out, "新增1") || !strings.Contains(out, "身份证号→公民身份号码（别名）") ||
		!strings.Contains(out, "入党年月日→入党日期（指定）") || !strings.Contains(out, "未导入的列：序号") ||
		!strings.Contains(out, "已记住此列对应") {
		t.Fatalf("import with --map: %d %q %q", code, out, errOut)
	}
	// The same headers again: the mapping is remembered.
	code, out, errOut = run(t, "import", "members", "--db", db, roster)
	if code != ExitOK || !strings.Contains(out, "沿用了此前") || !strings.Contains(out, "未变1") {
		t.Fatalf("remembered: %d %q %q", code, out, errOut)
	}

	phones := write("电话.xlsx", []any{"身份证号码", "手机号码", "民族"}, []any{good, "13912345678", ""})
	code, out, errOut = run(t, "import", "members", "--db", db, "--update", "--dry-run", phones)
	if code != ExitOK || !strings.Contains(out, "将更新1处") ||
		!strings.Contains(out, "第2行 王建国：联系电话 （空） → “13912345678”") || !strings.Contains(out, "试运行") {
		t.Fatalf("update preview: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "import", "members", "--db", db, "--update", phones)
	if code != ExitOK || !strings.Contains(out, "已更新1处") {
		t.Fatalf("update: %d %q", code, out)
	}
	if code, out, _ = run(t, "import", "members", "--db", db, "--update", phones); !strings.Contains(out, "没有需要更新的内容") {
		t.Fatalf("update again: %d %q", code, out)
	}
	if code, _, errOut := run(t, "import", "training", "--db", db, "--update", phones); code != ExitUsage ||
		!strings.Contains(errOut, "只用于党员信息") {
		t.Fatalf("--update of training: %d %q", code, errOut)
	}

	national := filepath.Join(dir, "全国.xlsx")
	code, out, errOut = run(t, "export", "national", "--db", db, "--out", national)
	if code != ExitOK || !strings.Contains(out, "在册党员1人") {
		t.Fatalf("export national: %d %q %q", code, out, errOut)
	}
	f, err := excelize.OpenFile(national)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("党员信息")
	if len(rows) != 2 || rows[0][2] != "公民身份号码" || rows[0][10] != "所在党支部" || rows[1][2] != good ||
		rows[1][15] != "13912345678" {
		t.Fatalf("national sheet: %q", rows)
	}
}
