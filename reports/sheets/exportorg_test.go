package sheets_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
	"dangjian/reports/sheets"
)

// orgWorld is a consolidated database of two organizations, each with a
// 第一党支部 and a member named 王建国 (each with their own 公民身份号码)
// and one more member, a training, a 主题党日, a month of dues and a
// letter of transfer; marks are, per organization id, texts that only
// its rows hold.
type orgWorld struct {
	s     *data.Store
	orgs  []data.Org
	marks map[string][]string
}

func newOrgWorld(t *testing.T) orgWorld {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	clock := data.WithClock(func() time.Time { return exNow })
	names := []string{"计算机学院党委", "外国语学院党委"}
	others := []string{"李计算", "张外语"}
	byName := map[string][]string{}
	var snaps []string
	for i, org := range names {
		s, err := data.Create(ctx, filepath.Join(dir, strconv.Itoa(i)+".db"), org, "O"+strconv.Itoa(i), clock)
		if err != nil {
			t.Fatal(err)
		}
		b := exCreate(t, s.Branches, &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)})
		var ids []string
		marks := []string{org}
		for j, name := range []string{"王建国", others[i]} {
			birth := data.NewDate(1980+j, 3, 4)
			m := exCreate(t, s.Members, &data.Member{BranchID: data.Ref(b.ID), Name: name, BirthDate: birth,
				IDNumber: field.MakeIDNumber("420106", birth.Time, 10*i+j, true), PersonType: string(vocab.PersonStaff),
				Category: string(vocab.CategoryFull), JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1)})
			ids = append(ids, m.ID)
			marks = append(marks, m.IDNumber)
		}
		day := data.NewDate(2026, 10, 9)
		if err := s.RecordTraining(ctx, &data.Training{Date: day, Hours: 3, Form: string(vocab.FormCourse), Topic: org + "专题培训"}, ids); err != nil {
			t.Fatal(err)
		}
		att := map[string]string{ids[0]: string(vocab.Present), ids[1]: string(vocab.Present)}
		if err := s.SaveMeeting(ctx, &data.Meeting{BranchID: data.Ref(b.ID), Kind: string(vocab.MeetingThemeDay), Date: day, Topic: org + "主题党日"}, att); err != nil {
			t.Fatal(err)
		}
		if err := s.PayDues(ctx, ids[0], "2026-10", data.Yuan(int64(10+i)), day); err != nil {
			t.Fatal(err)
		}
		exCreate(t, s.Transfers, &data.Transfer{MemberID: data.Ref(ids[1]), Direction: string(vocab.TransferOut),
			OtherOrg: "校外党委", LetterNo: org + "组字12号", ValidDays: 30, IssuedDate: day})
		snap := filepath.Join(dir, strconv.Itoa(i)+".snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		s.Close()
		snaps = append(snaps, snap)
		byName[org] = marks
	}
	merged := filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, merged, snaps); err != nil {
		t.Fatal(err)
	}
	s, err := data.OpenReadOnly(ctx, merged, clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := orgWorld{s: s, marks: map[string][]string{}}
	if w.orgs, err = s.OrgsInOrder(ctx); err != nil || len(w.orgs) != 2 {
		t.Fatalf("organizations %v %v", w.orgs, err)
	}
	for _, o := range w.orgs {
		w.marks[o.ID] = byName[o.Name]
	}
	return w
}

// exportRows exports kind k of the organization orgID ("" for all) and
// returns the data rows of every sheet, each joined by |.
func (w orgWorld) exportRows(t *testing.T, k sheets.Kind, orgID string) (records, summary []string) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := sheets.ExportWith(context.Background(), w.s, k, &buf, sheets.ExportOptions{OrgID: orgID}); err != nil {
		t.Fatalf("export %s of %q: %v", k, orgID, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	read := func(sheet string) []string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows[1:] {
			out = append(out, strings.Join(r, "|"))
		}
		return out
	}
	records = read(sheets.LayoutOf(k).Title)
	if title := sheets.SummaryTitle(k); title != "" {
		summary = read(title)
	}
	return records, summary
}

// holdsAny tells whether row holds one of the marks.
func holdsAny(row string, marks []string) bool {
	for _, m := range marks {
		if strings.Contains(row, m) {
			return true
		}
	}
	return false
}

// TestExportOfOneOrganization: exporting one organization of a
// consolidated database gives exactly its rows of members, training,
// meetings, dues and transfers (its 王建国, not the other's), and a
// summary sheet naming none of the other's members; the whole export
// holds both.
func TestExportOfOneOrganization(t *testing.T) {
	w := newOrgWorld(t)
	for _, k := range []sheets.Kind{sheets.Members, sheets.Training, sheets.Meetings, sheets.Dues, sheets.Transfers} {
		all, _ := w.exportRows(t, k, "")
		for i, o := range w.orgs {
			other := w.orgs[1-i]
			rows, summary := w.exportRows(t, k, o.ID)
			want := 0
			for _, r := range all {
				if holdsAny(r, w.marks[o.ID]) {
					want++
				}
			}
			if len(rows) == 0 || len(rows) != want {
				t.Fatalf("%s of %s: %d rows, want its %d of the whole export's %d", k, o.Name, len(rows), want, len(all))
			}
			for _, r := range rows {
				if !holdsAny(r, w.marks[o.ID]) || holdsAny(r, w.marks[other.ID]) {
					t.Fatalf("%s of %s holds the row %q", k, o.Name, r)
				}
			}
			for _, r := range summary {
				if holdsAny(r, w.marks[other.ID][1:]) {
					t.Fatalf("%s summary of %s holds the row %q", k, o.Name, r)
				}
			}
		}
	}
}
