package hanzi_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"dangjian/data/hanzi"
)

// names makes n names of common surnames and given-name characters.
func names(n int) []string {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇查")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志文斌鹏飞宇浩然子涵欣怡思雨梓轩博文")
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		b.WriteRune(surnames[rng.IntN(len(surnames))])
		for range 1 + rng.IntN(2) {
			b.WriteRune(given[rng.IntN(len(given))])
		}
		out[i] = b.String()
	}
	if n > 10 {
		out[3], out[5] = "欧阳修", "司马光"
	}
	return out
}

// Sorting 20,000 names by 拼音: a key per name, then a sort of the keys.
func BenchmarkSortPinyin20000(b *testing.B) {
	src := names(20000)
	type keyed struct{ key, name string }
	xs := make([]keyed, len(src))
	b.ReportAllocs()
	for b.Loop() {
		for i, n := range src {
			xs[i] = keyed{hanzi.PinyinKey(n), n}
		}
		slices.SortFunc(xs, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	}
}

// The same by ComparePinyin alone, without keys.
func BenchmarkSortPinyinCompare20000(b *testing.B) {
	src := names(20000)
	xs := make([]string, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(xs, src)
		slices.SortFunc(xs, hanzi.ComparePinyin)
	}
}

// Sorting 20,000 names by 姓氏笔画 with a key per name.
func BenchmarkSortStroke20000(b *testing.B) {
	src := names(20000)
	type keyed struct {
		key  []byte
		name string
	}
	xs := make([]keyed, len(src))
	b.ReportAllocs()
	for b.Loop() {
		for i, n := range src {
			xs[i] = keyed{hanzi.StrokeKey(n), n}
		}
		slices.SortFunc(xs, func(a, b keyed) int {
			if c := bytes.Compare(a.key, b.key); c != 0 {
				return c
			}
			return strings.Compare(a.name, b.name)
		})
	}
}

// One 姓氏笔画 key, as the roster and the 党员 table make one per name.
func BenchmarkStrokeKey(b *testing.B) {
	src := names(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hanzi.StrokeKey(src[i%len(src)])
		i++
	}
}

func BenchmarkInitials(b *testing.B) {
	src := names(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hanzi.Initials(src[i%len(src)])
		i++
	}
}

func BenchmarkComparePinyin(b *testing.B) {
	src := names(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hanzi.ComparePinyin(src[i%len(src)], src[(i+1)%len(src)])
		i++
	}
}

func BenchmarkCompareStroke(b *testing.B) {
	src := names(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hanzi.CompareStroke(src[i%len(src)], src[(i+1)%len(src)])
		i++
	}
}
