package data_test

import (
	"regexp"
	"testing"

	"dangjian/data"
)

// branchRefASCII finds ASCII punctuation in Chinese text, which GB/T 15834
// writes full-width: beside a Chinese character or a closing 」”）, or
// after a value followed by a space.
var branchRefASCII = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]|[^ -~\s]\(|\)[^ -~\s]`)

// TestBranchNameErrorsUseFullWidthPunctuation: 「有2个支部名为“第一党支部”，
// 请用支部编号指定其中一个：…（编号 b1）…」, not 「…，请用支部编号指定其中一个: …(编号 b1)」.
func TestBranchNameErrorsUseFullWidthPunctuation(t *testing.T) {
	a := data.BranchRef{Branch: data.Branch{Meta: data.Meta{ID: "b1"}, Name: "第一党支部"}, OrgName: "计算机学院党委", Label: "计算机学院党委 · 第一党支部"}
	b := data.BranchRef{Branch: data.Branch{Meta: data.Meta{ID: "b2"}, Name: "第一党支部"}, OrgName: "外国语学院党委", Label: "外国语学院党委 · 第一党支部"}
	for _, err := range []*data.BranchNameError{
		{Name: "第一党支部", Candidates: []data.BranchRef{a, b}},
		{Name: "第二党支部"},
		{Name: "第二党支部", Branches: []data.BranchRef{a, b}},
	} {
		if m := branchRefASCII.FindString(err.Error()); m != "" {
			t.Errorf("ASCII punctuation %q in %q", m, err.Error())
		}
	}
}
