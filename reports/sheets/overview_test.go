package sheets

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFiguresSheetKeepsNumbersAsNumbers: a figures sheet read back has its
// Chinese headers, texts as texts, counts, shares and amounts as numbers
// (a share with a percent format), an empty cell for nil, and its note.
func TestFiguresSheetKeepsNumbersAsNumbers(t *testing.T) {
	var buf bytes.Buffer
	err := WriteFigures(&buf, FiguresSheet{Title: "全校概览",
		Columns: []FiguresColumn{{"组织", FormatText, 24}, {"党员数", FormatInt, 0}, {"达标率", FormatPercent, 0},
			{"欠缴（元）", FormatMoney, 0}, {"考评得分", FormatDecimal, 0}},
		Rows: [][]any{{"计算机学院党委", 120, 0.952, 1234.5, 86.25}, {"数学学院党委", int64(8), nil, 0.0, 70.0}},
		Note: "2026年度，截至2026年12月3日"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("全校概览", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "组织,党员数,达标率,欠缴（元）,考评得分" {
		t.Errorf("headers %s", got)
	}
	if got := strings.Join(rows[1], ","); got != "计算机学院党委,120,0.952,1234.5,86.25" {
		t.Errorf("row 1 %s", got)
	}
	if rows[2][2] != "" || rows[2][1] != "8" {
		t.Errorf("row 2 %v", rows[2])
	}
	for _, cell := range []string{"B2", "C2", "D2", "E2"} {
		if typ, _ := f.GetCellType("全校概览", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, not a number", cell, typ)
		}
	}
	if shown, _ := f.GetCellValue("全校概览", "C2"); shown != "95.2%" {
		t.Errorf("the share shows as %q", shown)
	}
	if shown, _ := f.GetCellValue("全校概览", "D2"); shown != "1234.50" {
		t.Errorf("the amount shows as %q", shown)
	}
	if note, _ := f.GetCellValue("全校概览", "A5"); note != "2026年度，截至2026年12月3日" {
		t.Errorf("note %q", note)
	}
}
