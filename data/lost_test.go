package data

import "testing"

// A member is out of contact by the record's own fields or by an open
// 失联 episode; the record's date and circumstances come first, the
// latest open episode fills what it lacks, an ended episode counts for
// nothing.
func TestLostOf(t *testing.T) {
	m := &Member{Meta: Meta{ID: "m1"}}
	open := Episode{MemberID: "m1", Kind: "失联", Since: NewDate(2025, 4, 1), Circumstances: "外出务工经商"}
	later := Episode{MemberID: "m1", Kind: "失联", Since: NewDate(2025, 9, 1), Circumstances: "其他"}
	ended := Episode{MemberID: "m1", Kind: "失联", Since: NewDate(2020, 1, 1), Until: NewDate(2021, 1, 1)}
	away := Episode{MemberID: "m1", Kind: "流动外出", Since: NewDate(2025, 1, 1)}
	cases := []struct {
		name string
		m    Member
		eps  []Episode
		want Lost
	}{
		{"nothing", *m, []Episode{ended, away}, Lost{}},
		{"flag alone", Member{Meta: m.Meta, LostContact: true}, nil, Lost{Lost: true}},
		{"date alone", Member{Meta: m.Meta, LostDate: NewDate(2024, 1, 1)}, nil, Lost{Lost: true, Date: NewDate(2024, 1, 1)}},
		{"episode", *m, []Episode{open}, Lost{Lost: true, Date: open.Since, Circumstances: "外出务工经商"}},
		{"latest episode", *m, []Episode{open, later, ended}, Lost{Lost: true, Date: later.Since, Circumstances: "其他"}},
		{"record first", Member{Meta: m.Meta, LostCircumstance: "毕业后未转组织关系"}, []Episode{open},
			Lost{Lost: true, Date: open.Since, Circumstances: "毕业后未转组织关系"}},
	}
	for _, c := range cases {
		if got := LostOf(&c.m, c.eps); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
