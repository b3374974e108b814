package hanzi_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"dangjian/data/hanzi"
)

// surnameOrders are common surnames of equal stroke counts in their
// official order, derived by hand from their stroke orders in
// 《GB13000.1字符集汉字笔顺规范》 (1 横/提, 2 竖/竖钩, 3 撇, 4 点/捺, 5 折):
// within a count, by the first stroke, then the second, and so on. Each
// surname is written with its strokes, so that the order can be checked by
// reading down the digits.
var surnameOrders = []struct {
	count    int
	surnames []string // "字 strokes"
}{
	{3, []string{
		"于 112", // 一 一 亅
		"万 153", // 一 𠃌 丿
		"山 252",
		"千 312",
		"门 425",
		"弓 515",
		"卫 521",
		"马 551", // 𠃍 ㇉ 一: 马 last, though 万 precedes 于 by code point
	}},
	{4, []string{
		"丰 1112",
		"王 1121", // 王 before 方: first stroke 横 before 点
		"井 1132",
		"天 1134",
		"元 1135",
		"韦 1152",
		"云 1154",
		"木 1234",
		"支 1254",
		"区 1345",
		"尤 1354",
		"车 1512",
		"牙 1523",
		"水 2534",
		"牛 3112",
		"毛 3115",
		"仁 3211",
		"仇 3235",
		"公 3454",
		"乌 3551",
		"卞 4124",
		"文 4134",
		"方 4153",
		"尹 5113",
		"孔 5215",
		"邓 5452", // 又 阝: 阝 is 2 strokes
	}},
	{5, []string{
		"玉 11214",
		"甘 12211",
		"艾 12234", // 艹 is 3 strokes
		"古 12251",
		"左 13121",
		"石 13251",
		"龙 13534",
		"平 14312",
		"卢 21513",
		"叶 25112", // 叶 and 申 alike stroke by stroke: by code point, U+53F6 before U+7533
		"申 25112",
		"田 25121",
		"史 25134",
		"冉 25211",
		"丘 32121",
		"白 32511",
		"令 34454",
		"乐 35234",
		"包 35515",
		"冯 41551",
		"兰 43111",
		"宁 44512",
		"司 51251",
	}},
	{6, []string{
		"邢 113252",
		"吉 121251",
		"巩 121354",
		"朴 123424",
		"西 125351",
		"成 135534",
		"毕 153512",
		"师 231252",
		"曲 251221",
		"吕 251251",
		"朱 311234",
		"乔 313432",
		"伍 321251",
		"任 323121",
		"华 323512",
		"向 325251",
		"全 341121",
		"刘 413422",
		"齐 413432",
		"江 441121",
		"汤 441533",
		"安 445531",
		"祁 452452",
		"许 453112",
		"阮 521135",
		"孙 521234",
		"纪 551515",
	}},
	{7, []string{
		"严 1224313",
		"苏 1225344",
		"杜 1234121",
		"李 1234521", // 李 before 张: first stroke 横 before 折
		"杨 1234533",
		"连 1512454",
		"吴 2511134",
		"岑 2523445",
		"邱 3212152",
		"何 3212512",
		"佟 3235444",
		"余 3411234",
		"谷 3434251",
		"狄 3534334",
		"邹 3551152",
		"辛 4143112",
		"汪 4411121",
		"沙 4412343",
		"沈 4414535",
		"宋 4451234",
		"迟 5134454",
		"张 5153154",
		"陆 5211252", // 7 strokes, 阝 being 2, so before every 8-stroke surname
		"陈 5215234",
		"邵 5325152",
	}},
	{8, []string{
		"武 11212154",
		"苗 12225121",
		"范 12244155",
		"林 12341234",
		"欧 13453534",
		"卓 21251112",
		"易 25113533",
		"罗 25221354",
		"季 31234521",
		"岳 32121252",
		"金 34112431",
		"周 35121251",
		"庞 41313534",
		"郑 43113452",
		"宗 44511234",
		"官 44525151",
		"屈 51352252",
		"孟 52125221",
	}},
}

func TestSurnamesOfEqualStrokeCountsInOfficialOrder(t *testing.T) {
	var all []string
	total := 0
	for _, g := range surnameOrders {
		want := make([]string, len(g.surnames))
		prev := ""
		for i, s := range g.surnames {
			char, order, _ := strings.Cut(s, " ")
			want[i] = char
			// The list is in the order of its stroke digits.
			if len(order) != g.count || order < prev {
				t.Fatalf("list of %d strokes: %s out of order", g.count, s)
			}
			prev = order
			// The data gives the same strokes.
			if count, got := hanzi.Strokes([]rune(char)[0]); count != g.count || got != order {
				t.Errorf("%s: the data has %d strokes %q", s, count, got)
			}
		}
		checkOrder(t, want)
		all = append(all, want...)
		total += len(want)
	}
	checkOrder(t, all) // and across counts
	if total < 30 {
		t.Fatalf("only %d surnames", total)
	}
}

// checkOrder sorts shuffled copies of want by CompareStroke and by
// StrokeKey, and also full names made of them.
func checkOrder(t *testing.T, want []string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, uint64(len(want))))
	got := slices.Clone(want)
	rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, hanzi.CompareStroke)
	if !slices.Equal(got, want) {
		t.Errorf("by CompareStroke:\n got %v\nwant %v", got, want)
	}
	rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, func(a, b string) int { return bytes.Compare(hanzi.StrokeKey(a), hanzi.StrokeKey(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("by StrokeKey:\n got %v\nwant %v", got, want)
	}
	// With given names that would order them otherwise (一 has 1 stroke, 麟 23).
	full := make([]string, len(want))
	for i, s := range want {
		full[i] = s + []string{"麟", "一", "鑫一", "一一"}[i%4]
	}
	wantFull := slices.Clone(full)
	rng.Shuffle(len(full), func(i, j int) { full[i], full[j] = full[j], full[i] })
	slices.SortFunc(full, hanzi.CompareStroke)
	if !slices.Equal(full, wantFull) {
		t.Errorf("full names:\n got %v\nwant %v", full, wantFull)
	}
}

// The examples of the issue, and the given-name rules.
func TestStrokeOrderOfNames(t *testing.T) {
	for _, c := range []struct{ before, after, why string }{
		{"王五", "方明", "王 and 方 have 4 strokes: 横 before 点"},
		{"李四", "张三", "李 and 张 have 7 strokes: 横 before 折"},
		{"于洋", "万里", "于 112 before 万 153"},
		{"万里", "马力", "万 153 before 马 551"},
		{"陆军", "周杰", "陆 has 7 strokes, 周 8"},
		{"高富", "高大富", "a single-character given name first"},
		{"高", "高富", "a name that begins another first"},
		{"高大富", "高富帅", "given names of two characters and more: 大 3 strokes before 富 12"},
		{"欧明", "欧阳修", "the surname 欧 before the surname 欧阳"},
		{"欧阳修", "欧阳明华", "欧阳 is the surname: its single-character given name first"},
		{"司马光", "司马相如", "司马 is the surname"},
		{"叶子", "申明", "叶 and 申 alike stroke by stroke: by code point"},
		{"王𬱖", "王堃", "𬱖 and 堃 have 11 strokes: 𬱖 begins 丨 (由), 堃 丶 (方)"},
		{"王𬱖明", "王堃明", "the same in given names of two characters"},
		{"堃", "𬻡", "11 strokes each; 𬻡's order unknown: after the known ones"},
		{"𬱖", "曾", "𬱖 has 11 strokes, 曾 12"},
		{"龘", "Anna", "letters after every Chinese character"},
		{"王安娜", "王Anna", "at the same place too"},
		{"王A", "王1", "digits after letters"},
		{"王a", "王B", "letters without regard to case"},
		{"阿依古丽买买提", "阿依古丽·买买提", "· after Chinese characters"},
		{"王1", "王\xff", "a byte that is not UTF-8 last"},
	} {
		if got := hanzi.CompareStroke(c.before, c.after); got != -1 {
			t.Errorf("CompareStroke(%q, %q) = %d, want -1: %s", c.before, c.after, got, c.why)
		}
		if got := hanzi.CompareStroke(c.after, c.before); got != 1 {
			t.Errorf("CompareStroke(%q, %q) = %d, want 1", c.after, c.before, got)
		}
		if bytes.Compare(hanzi.StrokeKey(c.before), hanzi.StrokeKey(c.after)) != -1 {
			t.Errorf("StrokeKey(%q) not before StrokeKey(%q): %s", c.before, c.after, c.why)
		}
	}
}

// The order is not that of Unicode's zh-u-co-stroke collation, which
// orders the characters of a count by code point and counts 阝 as 3.
func TestStrokeOrderIsNotTheCollation(t *testing.T) {
	c := collate.New(language.MustParse("zh-u-co-stroke"))
	for _, p := range [][2]string{{"王", "方"}, {"李", "张"}, {"于", "万"}, {"陆", "周"}, {"甘", "古"}} {
		if got := c.CompareString(p[0], p[1]); got != 1 {
			t.Fatalf("the collation orders %s %s %d: the test's premise is wrong", p[0], p[1], got)
		}
		if got := hanzi.CompareStroke(p[0], p[1]); got != -1 {
			t.Errorf("CompareStroke(%s, %s) = %d, the collation's order", p[0], p[1], got)
		}
	}
}

// Keys order random names as CompareStroke does, and are equal only for
// equal names.
func TestStrokeKeysAgreeWithCompareStroke(t *testing.T) {
	pool := []string{"王", "方", "李", "张", "欧", "欧阳", "阳", "司马", "马", "高", "富", "大", "叶", "申", "𬱖",
		"堃", "𠀀", "A", "a", "Ｂ", "1", "１", "·", " ", "\xff", "\xe5\xbc", "〇", "é"}
	rng := rand.New(rand.NewPCG(3, 5))
	names := make([]string, 3000)
	for i := range names {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		names[i] = b.String()
	}
	for i := range names {
		a, b := names[i], names[rng.IntN(len(names))]
		c := hanzi.CompareStroke(a, b)
		if k := bytes.Compare(hanzi.StrokeKey(a), hanzi.StrokeKey(b)); k != c {
			t.Errorf("%q, %q: keys compare %d, CompareStroke %d", a, b, k, c)
		}
		if (c == 0) != (a == b) || hanzi.CompareStroke(b, a) != -c {
			t.Errorf("CompareStroke(%q, %q) = %d, reversed %d", a, b, c, hanzi.CompareStroke(b, a))
		}
	}
	byCompare := slices.Clone(names)
	slices.SortFunc(byCompare, hanzi.CompareStroke)
	byKey := slices.Clone(names)
	slices.SortFunc(byKey, func(a, b string) int { return bytes.Compare(hanzi.StrokeKey(a), hanzi.StrokeKey(b)) })
	if !slices.Equal(byCompare, byKey) {
		t.Error("sorting by keys and by CompareStroke differ")
	}
}
