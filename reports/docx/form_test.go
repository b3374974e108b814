package docx

import (
	"testing"

	"dangjian/reports/layout"
)

// TestFormsOfOddShapes checks forms whose rows are empty, narrower or
// wider than the page or have cells of next to no width: every row Word
// gets spans the form's grid exactly (cells and the room after them), no
// cell spans nothing, and no row is without a cell.
func TestFormsOfOddShapes(t *testing.T) {
	cell := func(w float64) layout.Cell { return layout.Cell{Text: "值", Width: w} }
	tests := []struct {
		name   string
		rows   []layout.FormRow
		tables int // forms written as tables
		rows1  int // rows of the table
	}{
		{"no rows", nil, 0, 0},
		{"no cells", []layout.FormRow{{}, {}}, 0, 0},
		{"a row without cells between others", []layout.FormRow{{Cells: []layout.Cell{cell(0)}}, {}, {Cells: []layout.Cell{cell(20), cell(0)}}}, 1, 2},
		{"wider than the page", []layout.FormRow{{Cells: []layout.Cell{cell(100), cell(100), cell(100)}}, {Cells: []layout.Cell{cell(0)}}}, 1, 2},
		{"narrower than the page", []layout.FormRow{{Cells: []layout.Cell{cell(30), cell(40)}}, {Cells: []layout.Cell{cell(0), cell(0)}}}, 1, 2},
		{"cells of next to no width", []layout.FormRow{{Cells: []layout.Cell{cell(0.01), cell(0.02), cell(0)}}, {Cells: []layout.Cell{cell(0.015), cell(0)}}}, 1, 2},
		{"signature in a narrow row", []layout.FormRow{{Cells: []layout.Cell{{Text: "意见", Label: true, Width: 20}, {Text: "同意", Width: 50, Sign: []layout.SignLine{{Who: "签字:", Date: true}}}}}}, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &layout.Document{Title: "表", Org: "党委"}
			d.NewPart("", "", "").Add(&layout.Form{Rows: tt.rows})
			p := renderDoc(t, d)
			tbls := p.body(t).children("tbl")
			if len(tbls) != tt.tables {
				t.Fatalf("%d tables, want %d", len(tbls), tt.tables)
			}
			if tt.tables == 0 {
				return
			}
			grid := len(tbls[0].path("tblGrid").children("gridCol"))
			rows := tbls[0].children("tr")
			if len(rows) != tt.rows1 {
				t.Errorf("%d rows, want %d", len(rows), tt.rows1)
			}
			for i, tr := range rows {
				tcs := tr.children("tc")
				if len(tcs) == 0 {
					t.Errorf("row %d has no cell", i+1)
				}
				n := max(atoi(tr.path("trPr", "gridAfter").attr("val")), 0)
				for j, tc := range tcs {
					span := 1
					if s := tc.path("tcPr", "gridSpan"); s != nil {
						span = atoi(s.attr("val"))
					}
					if span < 1 {
						t.Errorf("row %d, cell %d spans %d columns", i+1, j+1, span)
					}
					n += span
				}
				if n != grid {
					t.Errorf("row %d spans %d of the grid's %d columns", i+1, n, grid)
				}
			}
		})
	}
}
