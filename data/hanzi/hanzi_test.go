package hanzi_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"dangjian/data/hanzi"
)

func TestInitials(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"张三", "zs"},
		{"单东阳", "sdy"}, // 单 shàn as a surname
		{"曾巩", "zg"},
		{"欧阳修", "oyx"},
		{"解放", "xf"},
		{"长孙无忌", "zswj"},
		{"尉迟恭", "ycg"},
		{"万俟卨", "mqx"},
		{"吕布", "lb"},
		{"阿依古丽·买买提", "ayglmmt"}, // the middle dot gives nothing
		{"Anna李", "annal"},
		{"张Ａ１", "za1"},     // full-width letters and digits as ASCII
		{"王\uE000明", "wm"}, // a private-use character gives nothing
		{"李𬱖", "ld"},       // U+2CC56 dí, outside the BMP
		{"", ""},
	} {
		if got := hanzi.Initials(c.name); got != c.want {
			t.Errorf("Initials(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestPinyin(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"张三", "zhangsan"},
		{"沈从文", "shencongwen"},
		{"单东阳", "shandongyang"},
		{"孙单", "sundan"},   // 单 read as a surname only at the start
		{"曾巩", "zenggong"}, // 曾 céng elsewhere
		{"王曾", "wangceng"},
		{"吕布", "lvbu"},
		{"欧阳修", "ouyangxiu"},
		{"单于丹", "chanyudan"},
		{"Tom 李", "tomli"},
	} {
		if got := hanzi.Pinyin(c.name); got != c.want {
			t.Errorf("Pinyin(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// Surnames whose reading differs from the character's usual one, and
// compound surnames, read as surnames.
func TestSurnameReadings(t *testing.T) {
	for _, c := range []struct{ surname, want string }{
		{"单", "shan"}, {"解", "xie"}, {"仇", "qiu"}, {"区", "ou"}, {"查", "zha"},
		{"曾", "zeng"}, {"沈", "shen"}, {"朴", "piao"}, {"盖", "ge"}, {"乐", "yue"},
		{"缪", "miao"}, {"繁", "po"}, {"翟", "zhai"}, {"秘", "bi"}, {"覃", "qin"},
		{"种", "chong"}, {"召", "shao"}, {"任", "ren"}, {"员", "yun"}, {"宓", "mi"},
		{"尉迟", "yuchi"}, {"万俟", "moqi"}, {"长孙", "zhangsun"}, {"欧阳", "ouyang"},
		{"司马", "sima"}, {"诸葛", "zhuge"}, {"上官", "shangguan"}, {"东方", "dongfang"},
		{"皇甫", "huangfu"}, {"夏侯", "xiahou"}, {"令狐", "linghu"}, {"慕容", "murong"},
		{"司徒", "situ"}, {"公孙", "gongsun"}, {"端木", "duanmu"}, {"澹台", "tantai"},
		{"宇文", "yuwen"}, {"单于", "chanyu"},
	} {
		name := c.surname + "一"
		if got := hanzi.Pinyin(name); got != c.want+"yi" {
			t.Errorf("Pinyin(%q) = %q, want %q", name, got, c.want+"yi")
		}
	}
}

// pinyinOrder is a list of names in the order of their 拼音.
var pinyinOrder = []string{
	"Anna", // a Latin letter just before the readings spelt with it
	"安然",   // an
	"白雪",   // bai
	"蔡明",   // cai
	"陈晨",   // chen chen
	"陈静",   // chen jing
	"邓超",   // deng
	"丁一",   // ding
	"高峰",   // gao
	"郭靖",   // guo
	"黄磊",   // huang
	"黎明",   // lí, before lǐ
	"李娜",   // lǐ nà
	"李四",   // lǐ sì
	"刘洋",   // liu
	"鲁迅",   // lu
	"吕布",   // lü right after lu
	"罗成",   // luo
	"欧阳修",  // ou
	"单东阳",  // shan, the surname read shàn
	"沈从文",  // shen, after chen
	"孙丽",   // sun
	"王五",   // wang
	"夏雨",   // xia
	"解放",   // xie, the surname read xiè
	"徐静",   // xu
	"曾巩",   // zeng, the surname read zēng
	"张飞",   // zhang fei
	"张三",   // zhang san
	"章一",   // zhang again, another character: after every 张
	"赵六",   // zhao
	"123",  // digits after every letter
}

func TestComparePinyinOrdersNames(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		names := slices.Clone(pinyinOrder)
		rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
		slices.SortFunc(names, hanzi.ComparePinyin)
		if !slices.Equal(names, pinyinOrder) {
			t.Fatalf("sorted by ComparePinyin:\n%v\nwant\n%v", names, pinyinOrder)
		}
		slices.SortFunc(names, func(a, b string) int { return strings.Compare(hanzi.PinyinKey(a), hanzi.PinyinKey(b)) })
		if !slices.Equal(names, pinyinOrder) {
			t.Fatalf("sorted by PinyinKey:\n%v\nwant\n%v", names, pinyinOrder)
		}
	}
}

func TestComparePinyinSurnames(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"陈", "沈"},     // chén < shěn: 沈 is not under chen
		{"单东阳", "宋江"},  // shàn among the s
		{"沙僧", "单东阳"},  // sha < shan
		{"解放", "谢逊"},   // xiè among the x, 解 before 谢 of the same reading
		{"杨过", "曾巩"},   // zēng among the z
		{"曾巩", "张飞"},   // zeng < zhang
		{"欧阳修", "欧阳锋"}, // ouyang xiu vs ouyang feng: feng first
	} {
		want := -1
		if c.a == "欧阳修" {
			want = 1
		}
		if got := hanzi.ComparePinyin(c.a, c.b); got != want {
			t.Errorf("ComparePinyin(%q, %q) = %d, want %d", c.a, c.b, got, want)
		}
		if got := hanzi.ComparePinyin(c.b, c.a); got != -want {
			t.Errorf("ComparePinyin(%q, %q) = %d, want %d", c.b, c.a, got, -want)
		}
	}
	if got := hanzi.ComparePinyin("张三", "张三"); got != 0 {
		t.Errorf("ComparePinyin of a name with itself = %d", got)
	}
}

// Many goroutines compare at once (run with -race) while the tables are
// read on first use.
func TestCompareStrokeConcurrently(t *testing.T) {
	names := slices.Clone(pinyinOrder)
	want := slices.Clone(names)
	slices.SortFunc(want, hanzi.CompareStroke)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			xs := slices.Clone(names)
			rand.New(rand.NewPCG(uint64(g), 9)).Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
			slices.SortFunc(xs, hanzi.CompareStroke)
			if !slices.Equal(xs, want) {
				errs <- strings.Join(xs, " ")
			}
			_ = hanzi.ComparePinyin(xs[0], xs[1])
			_ = hanzi.StrokeKey(xs[2])
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent sort gave %s", e)
	}
}

func TestMatches(t *testing.T) {
	const name = "张三"
	ini, py := hanzi.Initials(name), hanzi.Pinyin(name)
	for _, c := range []struct {
		query string
		want  bool
	}{
		{"", true},
		{"张", true},
		{"三", true},
		{"zs", true},
		{"ZS", true},
		{" z ", true},
		{"zhangsan", true},
		{"zhang san", true},
		{"zhangs", true},
		{"sz", false},
		{"zhangsi", false},
		{"李", false},
		{"s", false}, // initials and pinyin match from their start
	} {
		if got := hanzi.Matches(c.query, name, ini, py); got != c.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", c.query, name, got, c.want)
		}
	}
	shan := "单东阳"
	if !hanzi.Matches("sdy", shan, hanzi.Initials(shan), hanzi.Pinyin(shan)) {
		t.Error("sdy does not find 单东阳")
	}
	lv := "吕布"
	if !hanzi.Matches("lüb", lv, hanzi.Initials(lv), hanzi.Pinyin(lv)) {
		t.Error("lüb does not find 吕布")
	}
}
