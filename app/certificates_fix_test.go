package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
)

// openTwoAttendeeCertificates records a 2-学时 session of 张伟 and 李红梅
// and opens its 学时与证书 dialog.
func openTwoAttendeeCertificates(t *testing.T) (*UI, *uiQueue, *data.Training, *certDialog) {
	t.Helper()
	u, q := newTestUI(t)
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 2, Form: "集体学习", Topic: "党章学习"}
	ids := []string{memberID(t, u, "张伟"), memberID(t, u, "李红梅")}
	if err := u.store.RecordTraining(context.Background(), tr, ids); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "学习培训")
	q.settle(u)
	u.training.openSession(*tr)
	q.settle(u)
	test.Tap(findButtonIn(t, u, "学时与证书"))
	q.settle(u)
	c := u.training.record.certs
	if c == nil || len(c.rows) != 2 {
		t.Fatal("学时与证书 did not list the two attendees")
	}
	return u, q, tr, c
}

// TestCertificateFieldTakesTheTypingWhereClicked: with the first row's
// field focused (as Tab leaves it), a click on the second row's 学时 puts
// the typing there.
func TestCertificateFieldTakesTheTypingWhereClicked(t *testing.T) {
	u, _, _, c := openTwoAttendeeCertificates(t)
	cv := u.win.Canvas()
	cv.Focus(c.views[0][0].(fyne.Focusable))
	c.hours[1].SetText("")
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.views[1][0])
	if c.views[1][0].Size().Width <= 0 || pos == (fyne.Position{}) {
		t.Fatalf("the second row's 学时 is not shown (at %v, %v)", pos, c.views[1][0].Size())
	}
	clickCanvas(t, cv, pos.AddXY(4, 4))
	typeFocused(t, cv, "1.5")
	if c.hours[1].Text != "1.5" || c.hours[0].Text != "2" {
		t.Fatalf("typed into the wrong row: row 1 %q, row 2 %q", c.hours[0].Text, c.hours[1].Text)
	}
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(c.views[1][1])
	clickCanvas(t, cv, pos.AddXY(4, 4))
	typeFocused(t, cv, "DX-2")
	if c.certs[1].Text != "DX-2" || c.certs[0].Text != "" {
		t.Fatalf("证书编号 typed into the wrong row: %q, %q", c.certs[0].Text, c.certs[1].Text)
	}
}

// TestCertificateHoursAreChecked: hours that are not a number, 0 or less,
// or more than the session's are refused naming the row, and nothing is
// saved.
func TestCertificateHoursAreChecked(t *testing.T) {
	u, q, tr, c := openTwoAttendeeCertificates(t)
	c.certs[0].SetText("DX-1")
	for _, bad := range []struct{ text, want string }{
		{"732", "不能超过这次培训的2学时"},
		{"0", "应大于0"},
		{"两", "应为数字"},
		{"-1", ""},
	} {
		c.hours[1].SetText(bad.text)
		test.Tap(findButtonAmong(t, topOverlay(u), "保存"))
		q.settle(u)
		msg := c.msg.Text
		if !strings.Contains(msg, "第2行「"+c.names[1]+"」的学时「"+bad.text+"」") || !strings.Contains(msg, bad.want) {
			t.Fatalf("%s: message %q", bad.text, msg)
		}
		if f, _ := u.win.Canvas().Focused().(fyne.CanvasObject); f != c.views[1][0] {
			t.Fatalf("%s: the wrong field is not focused", bad.text)
		}
	}
	// A search that hides the wrong row is cleared to show it.
	c.search.SetText(c.names[0])
	if len(c.shown) != 1 {
		t.Fatalf("search %q leaves %d rows", c.names[0], len(c.shown))
	}
	c.hours[1].SetText("732")
	test.Tap(findButtonAmong(t, topOverlay(u), "保存"))
	q.settle(u)
	if f, _ := u.win.Canvas().Focused().(fyne.CanvasObject); len(c.shown) != 2 || f != c.views[1][0] {
		t.Fatalf("the hidden wrong row is not shown: %d rows, focus %T", len(c.shown), u.win.Canvas().Focused())
	}
	as, err := u.store.TrainingAttendees.List(context.Background(), data.Where(data.ColTrainingID, tr.ID))
	if err != nil || len(as) != 2 {
		t.Fatalf("%d attendees, %v", len(as), err)
	}
	for _, a := range as {
		if a.Hours != 2 || a.Certificate != "" {
			t.Fatalf("saved while a row was wrong: %+v", a)
		}
	}
	c.hours[1].SetText("1.5")
	test.Tap(findButtonAmong(t, topOverlay(u), "保存"))
	q.settle(u)
	if c.msg.Text != "" {
		t.Fatalf("1.5 refused: %q", c.msg.Text)
	}
}

// TestCertificatesOpenForALargeSession: a session of 1,200 attendees opens
// with rows drawn only for what is in view, and the search finds a member.
func TestCertificatesOpenForALargeSession(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,200-member organization")
	}
	u, _ := meetingsDemoUI(t, 1300)
	q := &timedQueue{}
	u.post = q.post
	ctx := context.Background()
	ms, err := u.store.Members.List(ctx)
	if err != nil || len(ms) < 1200 {
		t.Fatalf("%d members, %v", len(ms), err)
	}
	var ids []string
	for _, m := range ms[:1200] {
		ids = append(ids, m.ID)
	}
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 2, Form: "集体学习", Topic: "全员轮训"}
	if err := u.store.RecordTraining(ctx, tr, ids); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "学习培训")
	q.settle(u)
	u.training.openSession(*tr)
	q.settle(u)
	q.total, q.longest = 0, 0
	start := time.Now()
	test.Tap(findButtonIn(t, u, "学时与证书"))
	q.settle(u)
	t.Logf("1,200 attendees: %v in all, UI goroutine %v (longest piece %v)", time.Since(start), q.total, q.longest)
	c := u.training.record.certs
	if c == nil || len(c.rows) != 1200 {
		t.Fatal("学时与证书 did not list the 1,200 attendees")
	}
	drawn := 0
	for _, v := range c.views {
		if v[0].Size().Width > 0 { // laid out: in the list's view
			drawn++
		}
	}
	t.Logf("%d rows drawn", drawn)
	if drawn > 100 {
		t.Fatalf("%d of 1,200 rows are drawn", drawn)
	}
	last := c.names[1199]
	c.search.SetText(last)
	if len(c.shown) == 0 || c.names[c.shown[0]] != last && !strings.Contains(c.names[c.shown[0]], last) {
		t.Fatalf("search %q shows %d rows", last, len(c.shown))
	}
}

// clickCanvas presses and releases the mouse at pos and taps there, as the
// desktop driver does: press, release and tap go to the deepest object
// under the pointer that takes them (a field takes the focus on the press).
func clickCanvas(t *testing.T, c fyne.Canvas, pos fyne.Position) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	var found desktop.Mouseable
	var at fyne.Position
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		p := d.AbsolutePositionForObject(o)
		s := o.Size()
		if pos.X < p.X || pos.Y < p.Y || pos.X >= p.X+s.Width || pos.Y >= p.Y+s.Height {
			return
		}
		if m, ok := o.(desktop.Mouseable); ok {
			found, at = m, pos.Subtract(p)
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, k := range w.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k)
			}
		}
	}
	walk(c.Overlays().Top())
	if found == nil {
		t.Fatalf("nothing takes a click at %v", pos)
	}
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: pos}, Button: desktop.MouseButtonPrimary}
	found.MouseDown(ev)
	found.MouseUp(ev)
	if tp, ok := found.(fyne.Tappable); ok {
		tp.Tapped(&ev.PointEvent)
	}
}

// typeFocused types chars into whatever field the canvas has focused, as
// the keyboard does.
func typeFocused(t *testing.T, c fyne.Canvas, chars string) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatalf("no field has the focus to type %q", chars)
	}
	for _, r := range chars {
		f.TypedRune(r)
	}
}
