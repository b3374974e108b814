package documents

import (
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// TestAppraisalProseIndented: the prose of the 登记表 — 个人自我评价,
// 党支部意见, 上级党组织意见 and a 不合格 member's 教育处置情况 — has its
// first lines indented by two characters, as the form in use has it; the
// particulars, votes and grade are not.
func TestAppraisalProseIndented(t *testing.T) {
	s, b := formStore(t)
	m := formMember(t, s, b, "王评议", 1)
	a := &data.Appraisal{Year: 2026, MemberID: data.Ref(m.ID), Grade: string(vocab.GradeFail),
		SelfAssessment: "一年来认真学习。\n不足之处在于……", BranchOpinion: "评为不合格。",
		SuperiorOpinion: "同意。", FollowUp: "限期改正。"}
	if err := s.Appraisals.Create(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	r := build(t, s, Appraisal, Options{Year: 2026})
	indented := map[string]bool{}
	var label string
	for _, p := range r.doc.Parts {
		for _, blk := range p.Blocks {
			f, ok := blk.(*layout.Form)
			if !ok {
				continue
			}
			for _, row := range f.Rows {
				for _, c := range row.Cells {
					if c.Label {
						label = c.Text
						continue
					}
					if c.Indent {
						indented[label] = true
					}
				}
			}
		}
	}
	var got []string
	for _, l := range []string{"姓名", "所在支部", "个人自我评价", "民主测评情况", "评议等次", "党支部意见", "上级党组织意见", "教育处置情况"} {
		if indented[l] {
			got = append(got, l)
		}
	}
	if want := "个人自我评价 党支部意见 上级党组织意见 教育处置情况"; strings.Join(got, " ") != want {
		t.Errorf("indented: %q, want %q", strings.Join(got, " "), want)
	}
}

// TestEstimateCountsTheIndent: a paragraph that just fills its lines needs
// one line more when its first line is indented, so a form is split with
// room for it.
func TestEstimateCountsTheIndent(t *testing.T) {
	cell := layout.Cell{Text: strings.Repeat("字", 40), Width: 4*estCharW + estPadding + 0.1} // 4 a line: 10 lines
	plain := estimateRow(layout.FormRow{Cells: []layout.Cell{cell}})
	cell.Indent = true
	indented := estimateRow(layout.FormRow{Cells: []layout.Cell{cell}})
	if indented-plain < estLineH {
		t.Errorf("indented %.1f mm, plain %.1f mm: the indent is not counted", indented, plain)
	}
}
