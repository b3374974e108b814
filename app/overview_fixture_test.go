package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"filippo.io/age"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// overviewPass unlocks the committee's and the organizations' keys.
const overviewPass = "党委汇总口令-2026"

// committeeWorld is a committee folder with two enrolled organizations,
// each with a 第一党支部 and a member named 王建国, that pushed their
// snapshots to a bucket in memory and were consolidated into the current
// term, and the committee's window on the result. The first organization's
// 刘转出 left with a letter to the second that was never received (挂空),
// and one person is on the rolls of both (重复在册).
type committeeWorld struct {
	dir    string
	c      *snapshot.Committee
	id     *age.X25519Identity
	mem    *snapshot.MemoryBackend
	name   [2]string
	own    [2]*data.Store
	keys   [2]*snapshot.Keys
	branch [2]string
	u      *UI
	q      *uiQueue
}

// newCommitteeWorld builds the world and opens the committee's window in a
// window of size.
func newCommitteeWorld(t *testing.T, size fyne.Size) *committeeWorld {
	t.Helper()
	t.Setenv(snapshot.PassphraseEnv, "")
	ctx := context.Background()
	dir, fake := committeeFolder(t, overviewPass)
	if err := os.RemoveAll(filepath.Join(dir, "orgs", fake)); err != nil {
		t.Fatal(err)
	}
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := &committeeWorld{dir: dir, c: c, mem: snapshot.NewMemoryBackend(), name: [2]string{"计算机学院党委", "外国语学院党委"}}
	if w.id, err = c.Unlock(overviewPass); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	twice := field.MakeIDNumber("420106", time.Date(1975, 5, 6, 0, 0, 0, 0, time.UTC), 77, false)
	staff := [2][]string{{"王建国", "李红梅", "刘转出"}, {"王建国", "张伟", "赵强", "孙双籍"}}
	for i, org := range w.name {
		path := filepath.Join(t.TempDir(), "own.db")
		s, err := data.Create(ctx, path, org, "O"+strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		w.own[i] = s
		if i == 1 {
			if err := s.SetSetting(ctx, "train.hours", "8"); err != nil {
				t.Fatal(err)
			}
		}
		b := &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		w.branch[i] = b.ID
		ids := map[string]string{}
		var list []string
		for j, name := range staff[i] {
			id := field.MakeIDNumber("420106", time.Date(1980+j, 3, 4, 0, 0, 0, 0, time.UTC), 10*i+j, j%2 == 0)
			if name == "李红梅" || name == "孙双籍" {
				id = twice
			}
			m := &data.Member{BranchID: data.Ref(b.ID), Name: name, StaffNo: "T" + strconv.Itoa(i) + strconv.Itoa(j),
				IDNumber: id, Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
				JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1)}
			if err := s.Members.Create(ctx, m); err != nil {
				t.Fatal(err)
			}
			ids[name] = m.ID
			list = append(list, m.ID)
		}
		day := data.NewDate(now.Year(), now.Month(), 1)
		tr := &data.Training{Date: day, Hours: float64(3 + 2*i), Form: string(vocab.FormCourse), Topic: org + "专题培训"}
		if err := s.RecordTraining(ctx, tr, list[:1+i]); err != nil {
			t.Fatal(err)
		}
		att := map[string]string{}
		for _, id := range list {
			att[id] = string(vocab.Present)
		}
		mt := &data.Meeting{BranchID: data.Ref(b.ID), Kind: string(vocab.MeetingThemeDay), Date: day, Topic: org + "主题党日"}
		if err := s.SaveMeeting(ctx, mt, att); err != nil {
			t.Fatal(err)
		}
		if err := s.PayDues(ctx, list[0], day.Format("2006-01"), data.Yuan(int64(10+i)), day); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			issued := now.AddDate(0, 0, -60)
			if err := s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(ids["刘转出"]), Direction: string(vocab.TransferOut),
				OtherOrg: w.name[1], LetterNo: "组字〔2026〕12号", ValidDays: 30,
				IssuedDate: data.NewDate(issued.Year(), issued.Month(), issued.Day())}); err != nil {
				t.Fatal(err)
			}
		}
		k, err := snapshot.CreateKeys(snapshot.KeyPath(path), s.Org().ID, org, overviewPass, now)
		if err != nil {
			t.Fatal(err)
		}
		w.keys[i] = k
		e, err := c.Enroll(k.Public, "org-access-"+strconv.Itoa(i), "org-secret-0123456789-"+strconv.Itoa(i), now)
		if err != nil {
			t.Fatal(err)
		}
		if err := snapshot.Join(path, e, s.Org().ID); err != nil {
			t.Fatal(err)
		}
		w.push(t, i)
	}
	w.consolidate(t, "")
	r, err := c.TermResult(snapshot.TermOn(now, nil))
	if err != nil {
		t.Fatal(err)
	}
	store, err := data.OpenReadOnly(ctx, r.Path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	win := a.NewWindow("test")
	win.Resize(size)
	w.q = &uiQueue{}
	w.u = newCommitteeUI(a, win, c, store, w.q.post)
	t.Cleanup(func() { w.u.store.Close() })
	w.q.settle(w.u)
	return w
}

// push sends organization i's snapshot.
func (w *committeeWorld) push(t *testing.T, i int) {
	t.Helper()
	if _, err := snapshot.Push(context.Background(), snapshot.PushOptions{Store: w.own[i], Keys: w.keys[i], Backend: w.mem}); err != nil {
		t.Fatal(err)
	}
}

// consolidate consolidates term ("" for the current one).
func (w *committeeWorld) consolidate(t *testing.T, term string) snapshot.Report {
	t.Helper()
	rep, err := w.c.Consolidate(context.Background(), snapshot.ConsolidateOptions{Identity: w.id, Backend: w.mem, Term: term})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// open shows the screen with the title and waits for its reads.
func (w *committeeWorld) open(t *testing.T, title string) {
	t.Helper()
	openScreen(t, w.u, title)
	w.q.settle(w.u)
}
