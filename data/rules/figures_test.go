package rules

import (
	"math"
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestMeetingGapsByKindAndPeriod(t *testing.T) {
	f := newFacts(2026, d(2026, 5, 10))
	f.Branches = []Branch{branch("a", "一支部", withGroups)}
	monthly(f, "a", vocab.MeetingCommittee, 1, 2, 4)
	monthly(f, "a", vocab.MeetingGroup, 1, 2, 3, 4)
	monthly(f, "a", vocab.MeetingGeneral, 2)
	bm := NewFigures(f, DefaultSettings()).Meetings()[0]
	want := []MeetingGap{
		{vocab.MeetingLecture, 0, 1, "未上党课", "2026年第1季度未上党课"},
		{vocab.MeetingCommittee, 3, 0, "未召开支委会", "2026年3月未召开支委会"},
	}
	if len(bm.ThreeOneGaps) != len(want) {
		t.Fatalf("gaps %+v", bm.ThreeOneGaps)
	}
	for i, g := range want {
		if bm.ThreeOneGaps[i] != g || bm.ThreeOneMissing[i] != g.Text {
			t.Errorf("gap %d = %+v / %q, want %+v", i, bm.ThreeOneGaps[i], bm.ThreeOneMissing[i], g)
		}
	}
	got := details(ThreeOne(f, DefaultSettings()))
	sameLines(t, got, []string{"2026年3月未召开支委会", "2026年第1季度未上党课"})
}

func TestUncountedHours(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a")}
	f.Training = []TrainingTotal{{MemberID: "1", Form: vocab.FormCourse, Hours: 30}, {MemberID: "1", Form: vocab.FormSelfStudy, Hours: 4.5}}
	h := NewFigures(f, DefaultSettings()).TrainingHours()[0]
	if h.Hours != 30 || h.Uncounted != 4.5 || !h.Short() {
		t.Errorf("%+v", h)
	}
	s := DefaultSettings()
	s.SelfStudyCounts = true
	h = NewFigures(f, s).TrainingHours()[0]
	if h.Hours != 34.5 || h.Uncounted != 0 || h.Short() {
		t.Errorf("self-study counted: %+v", h)
	}
}

func TestTransferOverdue(t *testing.T) {
	issued := d(2026, 3, 1)
	tests := []struct {
		dir     vocab.Direction
		receipt bool
		days    int
		after   int // the day checked, in days after the letter
		want    bool
	}{
		{vocab.TransferOut, false, 0, 90, false}, // the last valid day
		{vocab.TransferOut, false, 0, 91, true},
		{vocab.TransferOut, false, 30, 31, true},
		{vocab.TransferOut, true, 0, 200, false},
		{vocab.TransferIn, false, 0, 200, false},
	}
	for _, tt := range tests {
		var receipt time.Time
		if tt.receipt {
			receipt = issued.AddDate(0, 0, 5)
		}
		got := TransferOverdue(tt.dir, issued, receipt, tt.days, 90, issued.AddDate(0, 0, tt.after))
		if got != tt.want {
			t.Errorf("%+v: overdue %v", tt, got)
		}
	}
}

func TestTalliesHonourTheSettings(t *testing.T) {
	f := newFacts(2026, d(2027, 1, 5))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a"), member("2", "乙", "a"), member("3", "退", "a", personType(vocab.PersonRetired)),
		member("4", "预", "a", joined(d(2026, 3, 1)), probationary)}
	f.Appraisals = []Appraisal{{MemberID: "1", Grade: vocab.GradeExcellent}, {MemberID: "2", Grade: vocab.GradeExcellent},
		{MemberID: "3", Grade: vocab.GradePass}, {MemberID: "4", Grade: vocab.GradePass}}
	f.Agreements = []Agreement{{MemberID: "1", Signed: d(2026, 3, 1)}, {MemberID: "2", Signed: d(2026, 3, 1)}}
	s := DefaultSettings()
	if err := s.Set("applies.TARGET", "在职教职工、学生、其他"); err != nil {
		t.Fatal(err)
	}
	fig := NewFigures(f, s)
	ap := fig.Appraisals()["a"]
	if ap.Graded != 3 || ap.Excellent != 2 || ap.MaxExcellent != 1 || !ap.Exceeded() {
		t.Errorf("appraisals %+v: the 预备党员's grade is not counted", ap)
	}
	ag := fig.Agreements()["a"]
	if ag.Required != 3 || ag.Signed != 2 {
		t.Errorf("agreements %+v: TARGET does not apply to the retired member", ag)
	}
	for _, sc := range fig.Scores() {
		if want := 10 * 2.0 / 3; math.Abs(sc.Target-round(want, 2)) > 1e-9 {
			t.Errorf("score's 责任书 part %v, want %v", sc.Target, round(want, 2))
		}
	}
}

func TestCheckDay(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	if got := CheckDay(2026, now); !got.Equal(d(2026, 11, 26)) {
		t.Errorf("current year: %v", got)
	}
	if got := CheckDay(2025, now); !got.Equal(d(2026, 1, 1)) {
		t.Errorf("past year: %v, want 1 January of the next", got)
	}
	if got := CheckDay(2027, now); !got.Equal(d(2026, 11, 26)) {
		t.Errorf("a later year: %v", got)
	}
}
