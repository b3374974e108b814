package app

import (
	"fmt"
	"testing"

	"dangjian/data"
	"dangjian/data/field"
)

// benchRows makes the table rows of n members in 40 branches.
func benchRows(n int) []memberRow {
	members := make([]data.Member, n)
	names := map[string]string{}
	for i := range members {
		b := fmt.Sprintf("b%02d", i%40)
		names[b] = fmt.Sprintf("第%d党支部", i%40)
		members[i] = data.Member{BranchID: data.Ref(b), Name: fmt.Sprintf("党员%05d", i),
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
		if got := filterMembers(rows, "党员1234", ""); len(got) != 10 { // 党员12340 … 党员12349
			b.Fatalf("%d rows", len(got))
		}
	}
}
