package rules

import (
	"reflect"
	"testing"
	"time"
)

// Every kind of fact is split by organization: a field added to Facts
// that ForOrg does not filter would give one organization another's
// records.
func TestForOrgKeepsOnlyTheOrganizationsFacts(t *testing.T) {
	day := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	f := &Facts{Year: 2026, AsOf: day,
		Branches:     []Branch{{ID: "ba", OrgID: "A"}, {ID: "bb", OrgID: "B"}},
		Members:      []Member{{ID: "ma", OrgID: "A", BranchID: "ba"}, {ID: "mb", OrgID: "B", BranchID: "bb"}},
		Training:     []TrainingTotal{{MemberID: "ma"}, {MemberID: "mb"}},
		Lectures:     []Lecture{{MemberID: "ma"}, {MemberID: "mb"}},
		Meetings:     []Meeting{{ID: "1", BranchID: "ba"}, {ID: "2", BranchID: "bb"}},
		Attended:     []Attendance{{MemberID: "ma"}, {MemberID: "mb"}},
		LastAttended: map[string]time.Time{"ma": day, "mb": day},
		LastPaid:     map[string]time.Time{"ma": day, "mb": day},
		Dues:         []DuesRecord{{MemberID: "ma"}, {MemberID: "mb"}},
		Coverage:     Coverage{Dues: day},
		OrgCoverage:  map[string]Coverage{"A": {Dues: day.AddDate(0, 1, 0)}, "B": {Dues: day.AddDate(0, 2, 0)}},
		Changes:      []Change{{MemberID: "ma"}, {MemberID: "mb"}},
		Talks:        []Talk{{MemberID: "ma"}, {MemberID: "mb"}},
		Liaisons:     []Liaison{{MemberID: "ma"}, {MemberID: "mb"}},
		Appraisals:   []Appraisal{{MemberID: "ma"}, {MemberID: "mb"}},
		Agreements:   []Agreement{{MemberID: "ma"}, {MemberID: "mb"}},
		Transfers:    []Transfer{{MemberID: "ma"}, {MemberID: "mb"}},
		Pledges:      []Pledge{{MemberID: "ma"}, {MemberID: "mb"}},
		Volunteer:    []VolunteerTotal{{MemberID: "ma"}, {MemberID: "mb"}},
		LeaderLinks:  []LeaderLink{{MemberID: "ma"}, {MemberID: "mb"}},
		Episodes:     []Episode{{MemberID: "ma"}, {MemberID: "mb"}},
		Dispositions: []Disposition{{MemberID: "ma"}, {MemberID: "mb"}},
		Corrections:  []Correction{{MemberID: "ma"}, {MemberID: "mb"}},
		PostTerms:    []PostTerm{{MemberID: "ma"}, {MemberID: "mb", BranchID: "bb"}},
		Applicants:   []Applicant{{ID: "aa", OrgID: "A", BranchID: "ba"}, {ID: "ab", BranchID: "bb"}},
	}
	got := f.ForOrg("A")
	v := reflect.ValueOf(got).Elem()
	for i := range v.NumField() {
		field, name := v.Field(i), v.Type().Field(i).Name
		switch field.Kind() {
		case reflect.Slice, reflect.Map:
			if field.Len() != 1 {
				t.Errorf("%s: %d items for organization A, want its 1", name, field.Len())
			}
			if reflect.ValueOf(f).Elem().Field(i).Len() != 2 {
				t.Errorf("%s: the test's facts need one item per organization", name)
			}
		}
	}
	if !got.Coverage.Dues.Equal(day.AddDate(0, 1, 0)) || got.Year != 2026 || !got.AsOf.Equal(day) {
		t.Errorf("coverage %v, year %d, as of %v: want A's own", got.Coverage.Dues, got.Year, got.AsOf)
	}
	if split := f.ByOrg(); len(split) != 2 || !reflect.DeepEqual(split["A"], got) || !reflect.DeepEqual(split["B"], f.ForOrg("B")) {
		t.Errorf("ByOrg gives %d organizations, not those of ForOrg", len(split))
	}
	if len(f.Members) != 2 {
		t.Error("ForOrg changed the facts it split")
	}
}
