package documents

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/reports/layout"
)

// meetPDFText writes document k as a PDF and reads it back with pdftotext
// -layout.
func meetPDFText(t *testing.T, s *data.Store, k Kind, o Options) string {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = testNow
	}
	var buf bytes.Buffer
	if _, err := Write(context.Background(), s, k, PDF, &buf, o); err != nil {
		t.Fatalf("%s: %v", k, err)
	}
	path := filepath.Join(t.TempDir(), string(k)+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (poppler-utils is installed by scripts/deps.sh)", err)
	}
	return string(out)
}

// meetRows indexes the ledger's meeting rows by their record and topic.
func meetRows(d *layout.Document) map[string][]string {
	out := map[string][]string{}
	for _, tb := range tables(d) {
		topic := column(tb, "主题")
		for _, r := range tb.Rows {
			if r.Record != "" {
				out[r.Record+"|"+r.Cells[topic]] = r.Cells
			}
		}
	}
	return out
}

// TestMeetingsLedgerAttendance: each meeting's row gives its place,
// 主持人 and 记录人, the 应到 of the calculator, the members 出席, and the
// members 请假 and 缺席 by name with their reasons in 姓氏笔画 order; each
// branch's summary adds up the 人次.
func TestMeetingsLedgerAttendance(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Meetings, Options{})
	if !r.doc.Landscape {
		t.Error("the ledger is not a landscape ledger")
	}
	fig, err := s.Figures(ctx, 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names, groupOf := map[data.Ref]string{}, map[string]string{}
	for _, m := range members {
		names[data.Ref(m.ID)], groupOf[m.ID] = m.Name, string(m.GroupID)
	}
	expected := fig.MeetingRolls(groupOf)
	rows := meetRows(r.doc)
	col := func(title string) int { return column(tables(r.doc)[0], title) }
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var reasons, matching int
	for _, b := range branches {
		meetings, err := s.Meetings.List(ctx, data.InYear("date", 2026), data.Where("branch_id", b.ID))
		if err != nil {
			t.Fatal(err)
		}
		var due, present, leave, absent int
		for _, m := range meetings {
			atts, err := s.MeetingAttendance.List(ctx, data.Where("meeting_id", m.ID))
			if err != nil {
				t.Fatal(err)
			}
			var cells []string
			for key, c := range rows {
				if strings.HasPrefix(key, b.Name+" "+m.Date.Format("2006.01.02")+" "+m.Kind+"|") && strings.HasSuffix(key, m.Topic) {
					cells = c
				}
			}
			if cells == nil {
				t.Fatalf("%s: no row for the %s of %s", b.Name, m.Kind, m.Date)
			}
			flatCell := func(title string) string { return strings.ReplaceAll(cells[col(title)], string(layout.WordJoiner), "") }
			if flatCell("地点") != m.Location || flatCell("主持人") != m.Host || flatCell("记录人") != m.Recorder || m.Recorder == "" {
				t.Errorf("%s %s: place, host, recorder %q %q %q; want %q %q %q", b.Name, m.Date, flatCell("地点"),
					flatCell("主持人"), flatCell("记录人"), m.Location, m.Host, m.Recorder)
			}
			if want := strconv.Itoa(len(expected[m.ID])); flatCell("应到") != want || want == "0" {
				t.Errorf("%s %s %s: 应到 %s, the calculator's %s", b.Name, m.Date, m.Kind, flatCell("应到"), want)
			}
			if len(expected[m.ID]) == len(atts) {
				matching++ // the demo records every member on the rolls
			}
			due += len(expected[m.ID])
			var p int
			var away = map[string][]string{}
			for _, a := range atts {
				if a.Status == "出席" {
					p++
					continue
				}
				entry := names[a.MemberID]
				if a.Reason != "" {
					entry += "（" + a.Reason + "）"
					reasons++
				}
				away[a.Status] = append(away[a.Status], entry)
			}
			present, leave, absent = present+p, leave+len(away["请假"]), absent+len(away["缺席"])
			if flatCell("实到") != strconv.Itoa(p) {
				t.Errorf("%s %s: 实到 %s, want %d", b.Name, m.Date, flatCell("实到"), p)
			}
			for _, status := range []string{"请假", "缺席"} {
				got := strings.Split(flatCell(status), "、")
				if flatCell(status) == "" {
					got = nil
				}
				if fmt.Sprint(sortedStrings(got)) != fmt.Sprint(sortedStrings(away[status])) {
					t.Errorf("%s %s %s: %s %v, want %v", b.Name, m.Date, m.Kind, status, got, away[status])
				}
				for i := 1; i < len(got); i++ {
					if hanzi.CompareStroke(strings.Split(got[i-1], "（")[0], strings.Split(got[i], "（")[0]) > 0 {
						t.Errorf("%s %s: %s not in 姓氏笔画 order: %v", b.Name, m.Date, status, got)
					}
				}
			}
		}
		section := meetSection(t, r.text, b.Name, branches)
		want := fmt.Sprintf("应到%d人次，出席%d人次、请假%d人次、缺席%d人次", due, present, leave, absent)
		if !strings.Contains(strings.ReplaceAll(section, "\n", ""), want) {
			t.Errorf("%s: the summary lacks %q", b.Name, want)
		}
	}
	if reasons == 0 || matching < 200 {
		t.Errorf("the demo should record reasons (%d) and every member on the rolls at most meetings (%d)", reasons, matching)
	}
}

// sortedStrings is a sorted copy of xs.
func sortedStrings(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// TestMeetingsLedgerPrintsAbsenteesWhole: the PDF of a branch's ledger
// carries 记录人, 应到 and the absentees with their reasons, each name
// and reason kept on one line however long the list.
func TestMeetingsLedgerPrintsAbsenteesWhole(t *testing.T) {
	s := demoStore(t)
	id := branchID(t, s, "2023级本科生第一党支部")
	r := build(t, s, Meetings, Options{BranchID: id})
	var longest string
	for _, cells := range meetRows(r.doc) {
		for _, c := range cells[len(cells)-2:] {
			if strings.Count(c, "、") > strings.Count(longest, "、") {
				longest = c
			}
		}
	}
	if strings.Count(longest, "、") < 5 {
		t.Fatalf("the demo branch should have a meeting with six or more members away: %q", longest)
	}
	text := meetPDFText(t, s, Meetings, Options{BranchID: id})
	joined := strings.Join(strings.Fields(text), "")
	for _, w := range []string{"记录人", "应到", "实到", "请假", "缺席", "应到为会议当日在册的本支部党员人数"} {
		if !strings.Contains(joined, w) {
			t.Errorf("the PDF lacks %s", w)
		}
	}
	for _, entry := range strings.Split(longest, "、") {
		entry = strings.ReplaceAll(entry, string(layout.WordJoiner), "")
		if !strings.Contains(text, entry) {
			t.Errorf("%s is broken across lines or missing in the PDF", entry)
		}
	}
}
