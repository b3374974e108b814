package app

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/assets"
	"dangjian/data"
	"dangjian/data/field"
)

// rareNames are members' names written with characters GB 2312 lacks:
// characters common in given names, and characters of 《通用规范汉字表》
// outside the BMP (U+2CC56 𬱖, U+2B5AE 𫖮, U+2C35B 𬍛, U+2CB5A 𬭚).
var rareNames = []string{
	"王堃", "李喆", "张赟", "刘玥", "陈祎", "杨珺", "赵彧", "黄昇", "周翀", "吴燊", "徐璟",
	"孙𬱖", "钱𫖮", "郑𬍛", "冯𬭚",
}

// rareNameStore makes a database with one branch whose members bear
// rareNames.
func rareNameStore(t *testing.T) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "names.db"), "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := &data.Branch{Name: "教工第一党支部", Type: "教工"}
	if err := s.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	for i, name := range rareNames {
		birth := time.Date(1970+i, 3, 4, 0, 0, 0, 0, time.UTC) // of age when joining in 2005
		m := &data.Member{
			BranchID: data.Ref(b.ID), Name: name, StaffNo: fmt.Sprintf("T%04d", i+1),
			IDNumber: field.MakeIDNumber("420106", birth, i, i%2 == 0), Category: "正式党员",
			PersonType: "在职教职工", JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1),
		}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return s
}

func TestRareNameCharactersShowInTheMembersTable(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1400, 1000))
	w.Canvas().(test.WindowlessCanvas).SetScale(2) // glyphs large enough to tell apart
	q := &uiQueue{}
	u := newUI(a, w, rareNameStore(t), q.post)
	q.settle(u)
	openScreen(t, u, "党员")
	q.settle(u)

	shown := map[string]bool{}
	for _, r := range findMembersScreen(t, u).shown {
		shown[r.cells[0]] = true
	}
	img := w.Canvas().Capture()
	glyphs := map[rune]inkMask{}
	styles := map[rune]fyne.TextStyle{} // the style each character is drawn in
	for _, name := range rareNames {
		if !shown[name] {
			t.Errorf("the 党员 table does not list %s", name)
			continue
		}
		txt := findText(u.win.Content(), name)
		if txt == nil {
			t.Errorf("no cell of the 党员 table draws %s whole", name)
			continue
		}
		origin := a.Driver().AbsolutePositionForObject(txt)
		for i, r := range []rune(name) {
			prefix := string([]rune(name)[:i])
			x0 := origin.X + fyne.MeasureText(prefix, txt.TextSize, txt.TextStyle).Width
			x1 := origin.X + fyne.MeasureText(prefix+string(r), txt.TextSize, txt.TextStyle).Width
			box := image.Rect(int(x0*2), int(origin.Y*2), int(x1*2), int((origin.Y+txt.Size().Height)*2))
			m := inkIn(img, box)
			if m.count < 20 {
				t.Errorf("%c (U+%04X) of %s: no ink in its box %v of the cell", r, r, name, box)
				continue
			}
			glyphs[r] = m
			styles[r] = txt.TextStyle
		}
	}

	// A character with no glyph is drawn as a stand-in (�, or the face's
	// empty box), the same for every such character: each character must
	// look like itself, unlike the others and unlike the stand-in.
	standIn := renderedInk(t, "\uFFFD")
	// Drawn, and by the theme's own face: a font of the system could stand
	// in for a missing glyph on one machine and not on the next.
	var buf sfnt.Buffer
	for r, m := range glyphs {
		face, err := sfnt.Parse(NewTheme().Font(styles[r]).Content())
		if err != nil {
			t.Fatal(err)
		}
		if g, err := face.GlyphIndex(&buf, r); err != nil || g == 0 {
			t.Errorf("%c (U+%04X): the theme's face has no glyph", r, r)
		}
		if !assets.UICovers(r) {
			t.Errorf("%c (U+%04X): assets.UICovers says the interface face has no glyph", r, r)
		}
		if m.same(standIn) {
			t.Errorf("%c (U+%04X) is drawn as the replacement character", r, r)
		}
		for r2, m2 := range glyphs {
			if r < r2 && m.same(m2) && !isCommonSurname(r) && !isCommonSurname(r2) {
				t.Errorf("%c (U+%04X) and %c (U+%04X) are drawn alike: a stand-in for a missing glyph", r, r, r2, r2)
			}
		}
	}
}

// isCommonSurname reports whether r is one of the surnames of rareNames,
// which GB 2312 has: they are drawn, but need not be told apart here.
func isCommonSurname(r rune) bool {
	for _, name := range rareNames {
		if []rune(name)[0] == r {
			return true
		}
	}
	return false
}

// findText finds the canvas text that draws exactly text under root.
func findText(root fyne.CanvasObject, text string) *canvas.Text {
	switch o := root.(type) {
	case *canvas.Text:
		if o.Text == text && o.Visible() {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if found := findText(c, text); found != nil {
				return found
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			if found := findText(c, text); found != nil {
				return found
			}
		}
	}
	return nil
}

// renderedInk draws text alone with the application's theme, at the size
// of body text and scale 2, and returns its ink.
func renderedInk(t *testing.T, text string) inkMask {
	t.Helper()
	th := NewTheme()
	txt := canvas.NewText(text, th.Color(theme.ColorNameForeground, theme.VariantLight))
	txt.TextSize = th.Size(theme.SizeNameText)
	w := test.NewTempWindow(t, widget.NewLabel("")) // the theme applies to the window's app
	w.SetContent(txt)
	w.Resize(fyne.NewSize(200, 100))
	w.Canvas().(test.WindowlessCanvas).SetScale(2)
	img := w.Canvas().Capture()
	return inkIn(img, img.Bounds())
}

// inkMask is the ink of a region: which pixels differ clearly from the
// region's background, cropped to the box around them.
type inkMask struct {
	w, h  int
	on    []bool
	count int
}

// inkIn finds the ink in box of img: pixels whose luminance differs by
// more than a third of the range from the most common luminance there.
func inkIn(img image.Image, box image.Rectangle) inkMask {
	box = box.Intersect(img.Bounds())
	lum := func(x, y int) int {
		r, g, b, _ := img.At(x, y).RGBA()
		return int(299*r+587*g+114*b) / 1000 >> 8
	}
	var hist [256]int
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			hist[lum(x, y)]++
		}
	}
	bg := 0
	for l, n := range hist {
		if n > hist[bg] {
			bg = l
		}
	}
	ink := image.Rectangle{}
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if d := lum(x, y) - bg; d > 85 || d < -85 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	m := inkMask{w: ink.Dx(), h: ink.Dy(), on: make([]bool, ink.Dx()*ink.Dy())}
	for y := ink.Min.Y; y < ink.Max.Y; y++ {
		for x := ink.Min.X; x < ink.Max.X; x++ {
			if d := lum(x, y) - bg; d > 85 || d < -85 {
				m.on[(y-ink.Min.Y)*m.w+x-ink.Min.X] = true
				m.count++
			}
		}
	}
	return m
}

// same reports whether two inks are the same drawing: boxes within two
// pixels of each other and at most a fifth of the inked pixels differing.
func (m inkMask) same(o inkMask) bool {
	if m.w-o.w > 2 || o.w-m.w > 2 || m.h-o.h > 2 || o.h-m.h > 2 {
		return false
	}
	differ, inked := 0, 0
	for y := 0; y < min(m.h, o.h); y++ {
		for x := 0; x < min(m.w, o.w); x++ {
			a, b := m.on[y*m.w+x], o.on[y*o.w+x]
			if a != b {
				differ++
			}
			if a || b {
				inked++
			}
		}
	}
	return inked > 0 && differ*5 <= inked
}
