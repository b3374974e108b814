package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestCommitteeSidebarBeginsWithTheCommitteesGroup: in committee mode the
// sidebar's first group is 党委, open, holding the committee's own screens
// (none of them fell into 数据); an organization's window has no 党委
// group and opens 日常 first.
func TestCommitteeSidebarBeginsWithTheCommitteesGroup(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1200, 800))
	titles := w.u.side.titles()
	want := []string{"【党委】", overviewTitle, "各组织", crossFindingsTitle, termsCompareTitle, publishTitle, "【日常】"}
	if len(titles) < len(want) || strings.Join(titles[:len(want)], " ") != strings.Join(want, " ") {
		t.Fatalf("committee sidebar begins %q, want %q", titles, want)
	}
	var dataGroup []string
	for _, g := range w.u.side.groups {
		if g.title == "数据" {
			for _, r := range g.rows {
				dataGroup = append(dataGroup, r.title)
			}
		}
	}
	for _, title := range want[1 : len(want)-1] {
		for _, d := range dataGroup {
			if d == title {
				t.Fatalf("%s is under 数据: %q", title, dataGroup)
			}
		}
	}

	u, _ := newTestUI(t)
	if titles := u.side.titles(); len(titles) < 2 || titles[0] != "【日常】" || titles[1] != "工作台" {
		t.Fatalf("an organization's sidebar begins %q", titles)
	}
}
