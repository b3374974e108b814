package documents

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/assets"
	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// tongyongChars reads the 8,105 characters of 《通用规范汉字表》 from the
// table's text in data/hanzi/testdata, in the file's order.
func tongyongChars(t *testing.T) []rune {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "data", "hanzi", "testdata", "tongyong-8105.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, _, _ := strings.Cut(line, "\t")
		n, err := strconv.ParseUint(strings.TrimPrefix(code, "U+"), 16, 32)
		if err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		out = append(out, rune(n))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != 8105 {
		t.Fatalf("the table has %d characters, want 8105", len(out))
	}
	return out
}

// allCharNames splits the table's characters into names of three
// characters each (the last one shorter), so that the names together use
// every character exactly once.
func allCharNames(chars []rune) []string {
	var names []string
	for i := 0; i < len(chars); i += 3 {
		names = append(names, string(chars[i:min(i+3, len(chars))]))
	}
	return names
}

// allCharsStore makes a real SQLite store with one branch whose members
// are named names, each with a valid and distinct 公民身份号码.
func allCharsStore(t *testing.T, names []string) (*data.Store, *data.Branch) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "allchars.db"), "计算机科学与技术学院党委", "A",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := &data.Branch{Name: "全字表党支部", Type: string(vocab.BranchStaff)}
	if err := s.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *data.Tx) error {
		for i, name := range names {
			birth := time.Date(1970, 1, 1+i/100, 0, 0, 0, 0, time.UTC) // 100 numbers a day
			m := &data.Member{BranchID: data.Ref(b.ID), Name: name, Gender: string(vocab.Male),
				PersonType: string(vocab.PersonStaff), IDNumber: field.MakeIDNumber("110101", birth, i%100, true),
				BirthDate: data.DateOf(birth), JoinedDate: data.NewDate(2005, 6, 1),
				ConfirmedAt: data.NewDate(2006, 6, 1), Category: string(vocab.CategoryFull)}
			if err := tx.Members.Create(ctx, m); err != nil {
				return fmt.Errorf("member %d: %w", i, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, b
}

// TestRosterPrintsEveryTableCharacter writes the 党员花名册 of a branch
// whose members' names together use all 8,105 characters of
// 《通用规范汉字表》 as a PDF and checks that every character prints: the
// renderer reports no character without a glyph, poppler reads every name
// back whole and in 姓氏笔画 order, and, rendered to pixels, every
// character's cell of every name has ink (a glyph drawn as nothing fails)
// and is not the crossed box the faces draw for a character they lack.
func TestRosterPrintsEveryTableCharacter(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s (poppler-utils, installed by scripts/deps.sh) is not installed: the printed characters cannot be read back", tool)
		}
	}
	chars := tongyongChars(t)
	for _, c := range chars {
		if !assets.PrintCovers(c) {
			t.Errorf("the print faces have no glyph for %c (U+%04X)", c, c)
		}
	}
	names := allCharNames(chars)
	s, b := allCharsStore(t, names)

	var buf bytes.Buffer
	rep, err := Write(context.Background(), s, Roster, PDF, &buf, Options{Now: testNow, BranchID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Missing) > 0 {
		t.Errorf("characters printed as an empty box: %s", rep.MissingText())
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "roster.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d members, %d names' characters, %d pages, %d bytes", len(names), len(chars), rep.Pages, buf.Len())

	// Every name whole, in the roster's 姓氏笔画 order.
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	isName := map[string]bool{}
	for _, n := range names {
		isName[n] = true
	}
	var read []string
	for _, w := range strings.Fields(string(out)) {
		if isName[w] {
			read = append(read, w)
		}
	}
	want := slices.Clone(names)
	sortStroke(want, func(n string) string { return n })
	if !slices.Equal(read, want) {
		seen := map[string]bool{}
		for _, w := range read {
			seen[w] = true
		}
		var lost []string
		for _, n := range want {
			if !seen[n] {
				lost = append(lost, fmt.Sprintf("%s(%U)", n, []rune(n)))
			}
		}
		t.Errorf("pdftotext read %d names of %d; not read whole: %d, e.g. %s", len(read), len(want), len(lost), strings.Join(lost[:min(len(lost), 10)], " "))
		if len(lost) == 0 {
			i := 0
			for read[i] == want[i] {
				i++
			}
			t.Errorf("the names are not in 姓氏笔画 order: name %d is %s, want %s", i+1, read[i], want[i])
		}
	}

	checkNamesInked(t, dir, path, isName, len(names))
}

// bboxWord is a word of pdftotext -bbox: its page (from 1), text and box
// in points.
type bboxWord struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWd   = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// bboxWords runs pdftotext -bbox on path and returns its words and the
// page width in points.
func bboxWords(t *testing.T, path string) ([]bboxWord, float64) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []bboxWord
	page, width := 0, 0.0
	for _, line := range strings.Split(string(out), "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			page++
			width, _ = strconv.ParseFloat(m[1], 64)
			continue
		}
		m := bboxWd.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		w := bboxWord{page: page, text: html.UnescapeString(m[5])}
		w.xMin, _ = strconv.ParseFloat(m[1], 64)
		w.yMin, _ = strconv.ParseFloat(m[2], 64)
		w.xMax, _ = strconv.ParseFloat(m[3], 64)
		w.yMax, _ = strconv.ParseFloat(m[4], 64)
		words = append(words, w)
	}
	return words, width
}

// grayPage is a page rendered by pdftoppm -gray: one byte a pixel, 0 black.
type grayPage struct {
	w, h int
	pix  []byte
}

// readPGM reads a binary (P5) 8-bit PGM file.
func readPGM(path string) (*grayPage, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var vals [3]int
	rest := b
	if !bytes.HasPrefix(rest, []byte("P5")) {
		return nil, fmt.Errorf("%s: not a binary PGM", path)
	}
	rest = rest[2:]
	for i := range vals {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		j := bytes.IndexAny(rest, " \t\r\n")
		if j < 0 {
			return nil, fmt.Errorf("%s: short header", path)
		}
		if vals[i], err = strconv.Atoi(string(rest[:j])); err != nil {
			return nil, err
		}
		rest = rest[j:]
	}
	rest = rest[1:] // the one whitespace byte after maxval
	p := &grayPage{w: vals[0], h: vals[1], pix: rest}
	if vals[2] != 255 || len(rest) < p.w*p.h {
		return nil, fmt.Errorf("%s: %dx%d max %d with %d bytes", path, p.w, p.h, vals[2], len(rest))
	}
	return p, nil
}

// darkest is the darkest pixel in the rectangle [x0,x1)×[y0,y1).
func (p *grayPage) darkest(x0, y0, x1, y1 int) byte {
	d := byte(255)
	for y := max(y0, 0); y < min(y1, p.h); y++ {
		for x := max(x0, 0); x < min(x1, p.w); x++ {
			d = min(d, p.pix[y*p.w+x])
		}
	}
	return d
}

// lineInk is how light a pixel may be and still count as part of a line
// when looking for shapes: anti-aliasing greys a thin line at 100 dpi.
const lineInk = 192

// notdefBox reports whether the ink in the rectangle [x0,x1)×[y0,y1) is
// the print faces' .notdef glyph, drawn for a character they do not have:
// a rectangle with both its diagonals. The rectangle is the ink's bounding
// box; its four sides must be lines (nine pixels in ten inked), both
// diagonals unbroken from corner to corner, and 95% of the ink or more on
// the sides and diagonals. Framed characters fail the last: 囗 and 回 have
// no diagonals, 囿 has most (91%) but not all of its ink on those lines;
// the test of every character of 《通用规范汉字表》 confirms no character
// has the shape.
func (p *grayPage) notdefBox(x0, y0, x1, y1 int) bool {
	x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, p.w), min(y1, p.h)
	if x1-x0 < 8 || y1-y0 < 8 {
		return false
	}
	ink := func(x, y int) bool { return p.pix[y*p.w+x] < lineInk }
	// The ink's bounding box.
	bx0, by0, bx1, by1 := x1, y1, x0-1, y0-1
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if ink(x, y) {
				bx0, by0, bx1, by1 = min(bx0, x), min(by0, y), max(bx1, x), max(by1, y)
			}
		}
	}
	if bx1-bx0 < 5 || by1-by0 < 5 {
		return false
	}
	// near reports whether there is ink at (x, y) or a pixel to its side.
	near := func(x, y int) bool {
		for dx := -1; dx <= 1; dx++ {
			if xx := x + dx; xx >= bx0 && xx <= bx1 && ink(xx, y) {
				return true
			}
		}
		return false
	}
	// line reports whether at least frac of the n+1 points from (ax, ay)
	// to (bx, by) have ink near them.
	line := func(ax, ay, bx, by int, frac float64) bool {
		const n = 20
		hit := 0
		for k := 0; k <= n; k++ {
			x := ax + (bx-ax)*k/n
			y := ay + (by-ay)*k/n
			if near(x, y) {
				hit++
			}
		}
		return float64(hit) >= frac*(n+1)
	}
	// The sides: on the box's edge or one pixel in, a row or column
	// of pixels nearly all inked.
	full := func(ax, ay, bx, by int) bool {
		n, hit := 0, 0
		for x := ax; x <= bx; x++ {
			for y := ay; y <= by; y++ {
				n++
				if ink(x, y) {
					hit++
				}
			}
		}
		return hit*10 >= n*9
	}
	side := func(ax, ay, bx, by, dx, dy int) bool {
		return full(ax, ay, bx, by) || full(ax+dx, ay+dy, bx+dx, by+dy)
	}
	if !side(bx0, by0, bx1, by0, 0, 1) || !side(bx0, by1, bx1, by1, 0, -1) ||
		!side(bx0, by0, bx0, by1, 1, 0) || !side(bx1, by0, bx1, by1, -1, 0) {
		return false
	}
	// The diagonals, unbroken from corner to corner.
	if !line(bx0, by0, bx1, by1, 0.95) || !line(bx1, by0, bx0, by1, 0.95) {
		return false
	}
	// And nothing else: 95% of the ink or more is on the sides or the
	// diagonals (a character with a frame and strokes inside is not).
	w, h := float64(bx1-bx0), float64(by1-by0)
	diag := math.Hypot(w, h)
	inked, on := 0, 0
	for y := by0; y <= by1; y++ {
		for x := bx0; x <= bx1; x++ {
			if !ink(x, y) {
				continue
			}
			inked++
			fx, fy := float64(x-bx0), float64(y-by0)
			d1 := math.Abs(h*fx-w*fy) / diag     // from the diagonal down
			d2 := math.Abs(h*(w-fx)-w*fy) / diag // from the diagonal up
			if x-bx0 <= 1 || bx1-x <= 1 || y-by0 <= 1 || by1-y <= 1 || d1 <= 1 || d2 <= 1 {
				on++
			}
		}
	}
	return on*20 >= inked*19
}

// allCharsDPI is the resolution the pages are rendered at: a 10.5 pt
// character is then about 15 pixels wide.
const allCharsDPI = 100

// checkNamesInked renders every page of the PDF at path and checks that
// each character cell of each name word (a CJK character is one em wide,
// so a word's box splits into equal cells) has ink in it.
func checkNamesInked(t *testing.T, dir, path string, isName map[string]bool, members int) {
	t.Helper()
	words, pageWidth := bboxWords(t, path)
	var named []bboxWord
	for _, w := range words {
		if isName[w.text] {
			named = append(named, w)
		}
	}
	if len(named) != members {
		t.Errorf("pdftotext -bbox found %d name words, want %d", len(named), members)
	}
	if len(named) == 0 {
		return
	}
	// The cells are one em: every name's box is its characters' count of
	// ems wide, the em being the names' font size (their box height).
	ems := make([]float64, len(named))
	for i, w := range named {
		ems[i] = (w.xMax - w.xMin) / float64(len([]rune(w.text)))
	}
	em := slices.Sorted(slices.Values(ems))[len(ems)/2]
	t.Logf("the names' characters are %.2f pt wide", em)
	for i, w := range named {
		if e := ems[i]; e < em*0.97 || e > em*1.03 {
			t.Errorf("page %d: %s is %.2f pt a character, the names' em is %.2f pt: the characters are not of one width", w.page, w.text, e, em)
		}
	}

	start := time.Now()
	prefix := filepath.Join(dir, "page")
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(allCharsDPI), "-gray", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(prefix + "-*.pgm")
	t.Logf("rendered %d pages at %d dpi in %v", len(files), allCharsDPI, time.Since(start).Round(time.Millisecond))
	pageFile := map[int]string{}
	for _, f := range files {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(f, prefix+"-"), ".pgm"))
		if err == nil {
			pageFile[n] = f
		}
	}

	var blank, boxed []string
	var img *grayPage
	imgPage := 0
	for _, w := range named {
		if w.page != imgPage {
			f, ok := pageFile[w.page]
			if !ok {
				t.Fatalf("page %d was not rendered", w.page)
			}
			var err error
			if img, err = readPGM(f); err != nil {
				t.Fatal(err)
			}
			imgPage = w.page
		}
		scale := float64(img.w) / pageWidth // pixels a point
		cell := (w.xMax - w.xMin) / float64(len([]rune(w.text)))
		for i, c := range []rune(w.text) {
			// The cell less a tenth of an em each side, so a neighbour's
			// ink or the table's rules are not counted.
			x0 := int((w.xMin + cell*(float64(i)+0.1)) * scale)
			x1 := int((w.xMin + cell*(float64(i)+0.9)) * scale)
			y0 := int((w.yMin + cell*0.1) * scale)
			y1 := int((w.yMax - cell*0.1) * scale)
			if img.darkest(x0, y0, x1, y1) > 128 {
				blank = append(blank, fmt.Sprintf("%c(U+%04X, page %d, %s)", c, c, w.page, w.text))
				continue
			}
			cx0 := int((w.xMin + cell*float64(i)) * scale)
			cx1 := int((w.xMin + cell*float64(i+1)) * scale)
			if img.notdefBox(cx0, int(w.yMin*scale), cx1, int(w.yMax*scale)) {
				boxed = append(boxed, fmt.Sprintf("%c(U+%04X, page %d, %s)", c, c, w.page, w.text))
			}
		}
	}
	if len(blank) > 0 {
		t.Errorf("%d characters have no ink where they are printed, e.g. %s", len(blank), strings.Join(blank[:min(len(blank), 10)], " "))
	}
	if len(boxed) > 0 {
		t.Errorf("%d characters are printed as the crossed box of a missing glyph, e.g. %s", len(boxed), strings.Join(boxed[:min(len(boxed), 10)], " "))
	}
}
