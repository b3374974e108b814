package app

import (
	"fmt"
	"testing"

	"dangjian/data"
	"dangjian/data/field"
)

// benchSurnames and benchGiven make varied names: common surnames, those
// read differently as surnames (单, 曾, 沈, 解), a compound one.
var (
	benchSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解")
	benchGiven    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国东阳晓宇浩然子涵欣怡")
)

// benchRows makes the table rows of n members in 40 branches.
func benchRows(n int) []memberRow {
	members := make([]data.Member, n)
	names := map[string]string{}
	for i := range members {
		b := fmt.Sprintf("b%02d", i%40)
		names[b] = fmt.Sprintf("第%d党支部", i%40)
		name := string(benchSurnames[i%len(benchSurnames)]) + string(benchGiven[(i/7)%len(benchGiven)])
		if i%3 == 0 {
			name += string(benchGiven[(i/11)%len(benchGiven)])
		}
		members[i] = data.Member{BranchID: data.Ref(b), Name: name,
			IDNumber: field.MakeIDNumber("420106", data.NewDate(1970+i%30, 1, 1).Time, i%500, i%2 == 0),
			StaffNo:  fmt.Sprintf("T%06d", i), PersonType: "在职教职工", Category: "正式党员", Status: "正常"}
	}
	return memberRows(members, names)
}

// BenchmarkFilterMembers20000 measures narrowing the 党员 table of 20,000
// members on a typed key (target: under 50 ms).
func BenchmarkFilterMembers20000(b *testing.B) {
	rows := benchRows(20000)
	b.ResetTimer()
	for b.Loop() {
		if got := filterMembers(rows, "T01234", ""); len(got) != 10 { // T012340 … T012349
			b.Fatalf("%d rows", len(got))
		}
	}
}

// BenchmarkMemberFilter5000 measures narrowing the 党员 table of 5,000
// members on typed 拼音首字母 (target: well under 50 ms, on the UI
// goroutine).
func BenchmarkMemberFilter5000(b *testing.B) {
	rows := benchRows(5000)
	b.ResetTimer()
	for b.Loop() {
		if got := filterMembers(rows, "sw", ""); len(got) == 0 {
			b.Fatal("sw finds nobody")
		}
	}
}

// BenchmarkMemberSortPinyin5000 measures sorting the 党员 table of 5,000
// members by 姓名 in 拼音 order, as a header tap does on the UI goroutine
// (target: under 50 ms).
func BenchmarkMemberSortPinyin5000(b *testing.B) {
	rows := benchRows(5000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sortMembers(rows, 0, i%2 == 1, byPinyin)
	}
}

// BenchmarkMemberSortStroke5000 is BenchmarkMemberSortPinyin5000 in
// 姓氏笔画 order.
func BenchmarkMemberSortStroke5000(b *testing.B) {
	rows := benchRows(5000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sortMembers(rows, 0, i%2 == 1, byStroke)
	}
}

// BenchmarkMemberRows5000 measures turning 5,000 members into rows with
// their 拼音 and 笔画 keys, as a load does off the UI goroutine.
func BenchmarkMemberRows5000(b *testing.B) {
	for b.Loop() {
		benchRows(5000)
	}
}
