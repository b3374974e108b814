package demo

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
)

// TestMeetingsAttendedByTheirRolls checks every meeting of the demo against
// the 应到 the 组织生活台账 prints (rules.Figures.MeetingRolls): attendance
// is recorded only for members on the branch's rolls that day, or for the
// host as an outside lecturer, so 实到 never exceeds 应到 (but for such a
// lecturer), and the minutes say the same numbers. The new branch's members
// met with the branch it was split from before their own existed, but the
// records keep no branch change for them; their attendance there must not
// be written.
func TestMeetingsAttendedByTheirRolls(t *testing.T) {
	for _, o := range []Options{{Seed: 1}, {Seed: 2, Members: 500}} {
		t.Run(strconv.FormatInt(o.Seed, 10), func(t *testing.T) { checkRolls(t, o) })
	}
}

// checkRolls checks the meetings of the demo o makes against their rolls.
func checkRolls(t *testing.T, o Options) {
	s, _ := generate(t, o)
	ctx := context.Background()
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groupOf := map[string]string{}
	for _, m := range members {
		groupOf[m.ID] = string(m.GroupID)
	}
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var split, parent data.Branch
	for _, b := range branches {
		if strings.Contains(b.Note, "拆分成立") {
			split = b
		}
	}
	for _, b := range branches {
		if split.Note == "由"+b.Name+"党员人数较多拆分成立" {
			parent = b
		}
	}
	if parent.ID == "" {
		t.Fatal("the demo has no branch split from another this year")
	}
	meetings, err := s.Meetings.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	atts, err := s.MeetingAttendance.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byMeeting := map[string][]data.MeetingAttendance{}
	for _, a := range atts {
		byMeeting[string(a.MeetingID)] = append(byMeeting[string(a.MeetingID)], a)
	}
	rolls := map[string][]string{}
	for y := meetings[0].Date.Year(); y <= fixedNow.Year(); y++ {
		fig, err := s.Figures(ctx, y, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		for id, r := range fig.MeetingRolls(groupOf) {
			rolls[id] = r
		}
	}
	var checked, beforeSplit int
	for _, m := range meetings {
		r, ok := rolls[m.ID]
		if !ok {
			continue // before the year the figures start from
		}
		checked++
		if m.BranchID == data.Ref(parent.ID) && m.Date.Before(split.Founded.Time) && m.Date.Year() == split.Founded.Year() {
			beforeSplit++
		}
		present, outside := 0, 0
		for _, a := range byMeeting[m.ID] {
			if vocab.Attendance(a.Status) == vocab.Present {
				present++
			}
			if slices.Contains(r, string(a.MemberID)) {
				continue
			}
			if a.MemberID != m.HostID || vocab.Attendance(a.Status) != vocab.Present {
				t.Errorf("%s %s: attendance (%s) of a member not on the branch's rolls that day", m.Date, m.Kind, a.Status)
			} else {
				outside++
			}
		}
		if present > len(r)+outside {
			t.Errorf("%s %s: 实到 %d, 应到 %d", m.Date, m.Kind, present, len(r))
		}
		if onRolls := len(byMeeting[m.ID]) - outside; onRolls != len(r) {
			t.Errorf("%s %s: %d members on the rolls recorded, 应到 %d", m.Date, m.Kind, onRolls, len(r))
		}
		if !strings.Contains(m.Minutes, "应到"+strconv.Itoa(len(r))+"人,实到"+strconv.Itoa(present-outside)+"人") {
			t.Errorf("%s %s: the minutes %q, 应到 %d 实到 %d", m.Date, m.Kind, m.Minutes, len(r), present-outside)
		}
	}
	if checked == 0 || beforeSplit == 0 {
		t.Errorf("%d meetings checked, %d of the parent branch in the year before the split", checked, beforeSplit)
	}
}
