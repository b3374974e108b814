package hanzi_test

import (
	"slices"
	"strings"
	"testing"

	"dangjian/data/hanzi"
)

func TestCompareLabelSortsBranchNames(t *testing.T) {
	tests := []struct {
		name string
		want []string // in order
	}{
		{"Chinese numerals by value", []string{"第一党支部", "第二党支部", "第三党支部", "第五党支部", "第七党支部", "第九党支部", "第十党支部", "第十一党支部", "第十九党支部", "第二十党支部", "第二十一党支部", "第一百零五党支部"}},
		{"Arabic numerals by value", []string{"2023级本科生党支部", "2024级本科生党支部", "第2党支部", "第10党支部"}},
		{"year spelt digit by digit", []string{"二〇二三级", "二〇二四级"}},
		{"two as 两", []string{"一千", "两千", "三千"}},
		{"text by pinyin", []string{"地理系党支部", "化学系党支部", "机关教工党支部", "数学系党支部", "物理系党支部"}},
		{"numbers before text", []string{"第一党支部", "第党支部"}},
		{"prefix first", []string{"第一", "第一党支部"}},
		{"grades of one department", []string{"计算机学院2021级研究生党支部", "计算机学院2023级本科生党支部", "计算机学院教工第一党支部", "计算机学院教工第二党支部", "计算机学院教工第十二党支部"}},
		{"same value: code point", []string{"第1党支部", "第一党支部"}},
		{"leading zeros", []string{"第01党支部", "第1党支部", "第2党支部"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := 0; i+1 < len(tt.want); i++ {
				a, b := tt.want[i], tt.want[i+1]
				if got := hanzi.CompareLabel(a, b); got != -1 {
					t.Errorf("CompareLabel(%q, %q) = %d, want -1", a, b, got)
				}
				if got := hanzi.CompareLabel(b, a); got != 1 {
					t.Errorf("CompareLabel(%q, %q) = %d, want 1", b, a, got)
				}
			}
			shuffled := slices.Clone(tt.want)
			slices.Reverse(shuffled)
			slices.SortFunc(shuffled, hanzi.CompareLabel)
			if !slices.Equal(shuffled, tt.want) {
				t.Errorf("sorted %q, want %q", shuffled, tt.want)
			}
		})
	}
}

func TestCompareLabelEqual(t *testing.T) {
	for _, s := range []string{"", "第二十一党支部", "2023级", "\xff"} {
		if got := hanzi.CompareLabel(s, s); got != 0 {
			t.Errorf("CompareLabel(%q, %q) = %d", s, s, got)
		}
	}
}

func FuzzCompareLabel(f *testing.F) {
	seeds := append([]string{"第二十一党支部", "第二十党支部", "2023级", "02023级", "二〇二三", "十", "千千千千千千千千千千千千千千千千千千千千千千", "99999999999999999999999", "一九九九九九九九九九九九九九九九九九九九九九九九九"}, fuzzSeeds...)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)], seeds[(i+2)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		ab, ba := hanzi.CompareLabel(a, b), hanzi.CompareLabel(b, a)
		if ab != -ba {
			t.Errorf("CompareLabel(%q, %q) = %d but reversed %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Errorf("CompareLabel(%q, %q) = %d", a, b, ab)
		}
		if k := strings.Compare(hanzi.LabelKey(a), hanzi.LabelKey(b)); k != ab {
			t.Errorf("keys of %q, %q compare %d, CompareLabel %d", a, b, k, ab)
		}
		if ab <= 0 && hanzi.CompareLabel(b, c) <= 0 && hanzi.CompareLabel(a, c) > 0 {
			t.Errorf("%q ≤ %q ≤ %q but CompareLabel(a, c) > 0", a, b, c)
		}
	})
}
