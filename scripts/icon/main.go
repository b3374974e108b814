// Command icon draws the application icon of 党员教育管理 (dangjian) and
// converts it for Windows.
//
// The design: a deep-red rounded square (#C8102E, a slight vertical
// gradient) with a bold gold five-pointed star above a gold open book, the
// two pages parted by a red spine. The shapes are large and kept apart by at
// least a pixel at 16×16, so the star and the book still read in a 16-pixel
// title bar; it is deliberately not the party emblem (党徽), whose use is
// regulated.
//
// It is drawn with the standard library only, from vector shapes (a
// rounded square, polygons and quadratic Bézier curves), anti-aliased by
// supersampling: every pixel is the mean of 4×4 samples. Smaller sizes are
// made by averaging the areas of the 1024-pixel image, which is the same as
// drawing them with many more samples per pixel.
//
//	go run ./scripts/icon                      write assets/icon.png, 1024×1024
//	go run ./scripts/icon -o x.png -size 48    another size of the drawing
//	go run ./scripts/icon -in assets/icon.png -o icon-256.png -size 256 -ico dangjian.ico
//	go run ./scripts/icon -welcome welcome.bmp
//
// With -in, an existing PNG (square) is scaled instead of drawing the
// design; -ico writes a Windows icon with the sizes 16, 20, 24, 32, 40, 48,
// 64 and 256 (32-bit bitmaps, the 256 as PNG), which the installer puts
// beside the program for its shortcuts; -welcome writes the 164×314 picture
// of the installer's welcome and finish pages (the star and book on the red
// gradient). make windows makes both (scripts/windows/package.sh).
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"runtime"
	"sync"
)

// drawSize is the size the design is drawn at, before any scaling.
const drawSize = 1024

// supersample is the number of samples per pixel along each axis.
const supersample = 4

// icoSizes are the images of the Windows icon, in pixels.
var icoSizes = []int{16, 20, 24, 32, 40, 48, 64, 256}

// Colours of the design, straight (not premultiplied) RGB.
var (
	redTop    = rgb{0xD4, 0x16, 0x34} // background, top edge
	redBottom = rgb{0xB4, 0x0B, 0x26} // background, bottom edge
	gold      = rgb{0xFF, 0xCC, 0x33} // star and book
	goldDark  = rgb{0xF2, 0xB1, 0x1E} // lower part of the book's pages
)

type rgb struct{ r, g, b float64 }

func main() {
	in := flag.String("in", "", "scale this PNG instead of drawing the design")
	out := flag.String("o", "", "write a PNG here (default assets/icon.png when neither -o nor -ico is given)")
	size := flag.Int("size", drawSize, "size of the PNG written with -o, in pixels")
	ico := flag.String("ico", "", "write a Windows .ico file here")
	welcome := flag.String("welcome", "", "write the installer's 164×314 welcome-page picture (BMP) here")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected arguments %q", flag.Args()))
	}
	if *out == "" && *ico == "" && *welcome == "" {
		*out = "assets/icon.png"
	}
	if *size < 1 || *size > 4096 {
		fail(fmt.Errorf("-size %d: want 1 to 4096", *size))
	}

	if *welcome != "" {
		if err := os.WriteFile(*welcome, bmp(renderWelcome(164, 314)), 0o644); err != nil {
			fail(err)
		}
	}
	if *out == "" && *ico == "" {
		return
	}

	var src *image.RGBA
	if *in != "" {
		var err error
		if src, err = load(*in); err != nil {
			fail(err)
		}
	} else {
		src = render(drawSize)
	}

	if *out != "" {
		if err := writePNG(*out, resize(src, *size)); err != nil {
			fail(err)
		}
	}
	if *ico != "" {
		data, err := encodeICO(src, icoSizes)
		if err != nil {
			fail(err)
		}
		if err := os.WriteFile(*ico, data, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "icon:", err)
	os.Exit(1)
}

// --- the design -----------------------------------------------------------

// pt is a point in the unit square, y downwards.
type pt struct{ x, y float64 }

// polygon is a closed outline; insideness is by the even-odd rule.
type polygon struct {
	pts        []pt
	minX, minY float64
	maxX, maxY float64
	paint      func(p pt) rgb
}

func newPolygon(pts []pt, paint func(p pt) rgb) *polygon {
	pg := &polygon{pts: pts, paint: paint, minX: 2, minY: 2, maxX: -1, maxY: -1}
	for _, p := range pts {
		pg.minX, pg.maxX = math.Min(pg.minX, p.x), math.Max(pg.maxX, p.x)
		pg.minY, pg.maxY = math.Min(pg.minY, p.y), math.Max(pg.maxY, p.y)
	}
	return pg
}

func (pg *polygon) contains(p pt) bool {
	if p.x < pg.minX || p.x > pg.maxX || p.y < pg.minY || p.y > pg.maxY {
		return false
	}
	in := false
	n := len(pg.pts)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		a, b := pg.pts[i], pg.pts[j]
		if (a.y > p.y) != (b.y > p.y) && p.x < (b.x-a.x)*(p.y-a.y)/(b.y-a.y)+a.x {
			in = !in
		}
	}
	return in
}

// star returns the outline of a five-pointed star with its top point up.
func star(c pt, outer, inner float64) []pt {
	pts := make([]pt, 0, 10)
	for i := 0; i < 10; i++ {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts = append(pts, pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)})
	}
	return pts
}

// quad appends the quadratic Bézier curve from p0 (already in pts) through
// the control point c to p1, flattened into short lines.
func quad(pts []pt, p0, c, p1 pt) []pt {
	const steps = 48
	for i := 1; i <= steps; i++ {
		t := float64(i) / steps
		u := 1 - t
		pts = append(pts, pt{
			u*u*p0.x + 2*u*t*c.x + t*t*p1.x,
			u*u*p0.y + 2*u*t*c.y + t*t*p1.y,
		})
	}
	return pts
}

// page returns the outline of a page of the open book; side -1 is the left
// page, +1 its mirror image on the right. The outer edge and the top of the
// book's corners sit on the 1/16 grid, so they stay crisp at 16, 32, 48 and
// 256 pixels.
func page(side float64) []pt {
	const (
		spineGap  = 0.0625 // half the red gap between the pages: 1/16
		outerX    = 0.125  // the outer edge, 2/16 from the border
		outerTop  = 0.5625 // 9/16
		spineDrop = 0.07   // how much lower the pages meet at the spine
		arch      = 0.04   // how far the edges bulge up over the page
		thickness = 0.25   // 4/16
	)
	mx := func(x float64) float64 { // mirror for the right page
		if side < 0 {
			return x
		}
		return 1 - x
	}
	st := pt{mx(0.5 - spineGap), outerTop + spineDrop}
	ot := pt{mx(outerX), outerTop}
	ob := pt{mx(outerX), outerTop + thickness}
	sb := pt{mx(0.5 - spineGap), outerTop + spineDrop + thickness}
	// The top and bottom edges arch a little over the page, then fall to
	// the spine.
	cx := mx(outerX + 0.42*(0.5-spineGap-outerX))
	ctop := pt{cx, outerTop - arch}
	cbot := pt{cx, outerTop + thickness - arch}
	pts := []pt{st}
	pts = quad(pts, st, ctop, ot)
	pts = append(pts, ob)
	pts = quad(pts, ob, cbot, sb)
	return pts
}

// symbol returns the painter of the star and the book, in the unit square:
// the colour at p and whether p is on them.
func symbol() func(p pt) (rgb, bool) {
	const starR = 0.24 // outer radius of the star
	// The star's lower points on the 8/16 line, a clear row above the book.
	starCY := 0.5 - starR*math.Cos(math.Pi/5)

	bookPaint := func(p pt) rgb {
		// The lower part of each page slightly darker: a hint of the
		// stacked pages, too faint to blur the small sizes.
		t := smoothstep(0.68, 0.90, p.y)
		return mix(gold, goldDark, 0.55*t)
	}
	shapes := []*polygon{
		newPolygon(star(pt{0.5, starCY}, starR, starR*0.43), func(pt) rgb { return gold }),
		newPolygon(page(-1), bookPaint),
		newPolygon(page(+1), bookPaint),
	}
	return func(p pt) (rgb, bool) {
		for _, s := range shapes {
			if s.contains(p) {
				return s.paint(p), true
			}
		}
		return rgb{}, false
	}
}

// render draws the icon at n×n pixels.
func render(n int) *image.RGBA {
	const radius = 0.215 // corner radius of the background square
	sym := symbol()
	return rasterize(n, n, func(x, y float64) (rgb, bool) {
		p := pt{x / float64(n), y / float64(n)}
		if !inRoundedSquare(p, radius) {
			return rgb{}, false
		}
		if c, ok := sym(p); ok {
			return c, true
		}
		return mix(redTop, redBottom, p.y), true
	})
}

// renderWelcome draws the picture on the left of the installer's welcome
// and finish pages, w×h pixels: the star and book, without their square,
// on the red gradient, in the upper part.
func renderWelcome(w, h int) *image.RGBA {
	sym := symbol()
	side := float64(w)
	x0, y0 := 0.0, 0.12*float64(h)
	return rasterize(w, h, func(x, y float64) (rgb, bool) {
		if c, ok := sym(pt{(x - x0) / side, (y - y0) / side}); ok {
			return c, true
		}
		return mix(redTop, redBottom, y/float64(h)), true
	})
}

// rasterize draws a w×h image from paint, which gives the colour at a point
// in pixel coordinates and whether the point is painted at all (else it is
// transparent); each pixel is the mean of supersample² points.
func rasterize(w, h int, paint func(x, y float64) (rgb, bool)) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	var wg sync.WaitGroup
	rows := make(chan int, h)
	for y := 0; y < h; y++ {
		rows <- y
	}
	close(rows)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := range rows {
				for x := 0; x < w; x++ {
					var r, g, b, a float64
					for sy := 0; sy < supersample; sy++ {
						for sx := 0; sx < supersample; sx++ {
							c, ok := paint(
								float64(x)+(float64(sx)+0.5)/supersample,
								float64(y)+(float64(sy)+0.5)/supersample,
							)
							if ok {
								r, g, b, a = r+c.r, g+c.g, b+c.b, a+1
							}
						}
					}
					const k = supersample * supersample
					img.SetRGBA(x, y, color.RGBA{
						R: uint8(math.Round(r / k)), G: uint8(math.Round(g / k)),
						B: uint8(math.Round(b / k)), A: uint8(math.Round(a / k * 255)),
					})
				}
			}
		}()
	}
	wg.Wait()
	return img
}

// inRoundedSquare reports whether p lies in the unit square with corners
// rounded to radius r.
func inRoundedSquare(p pt, r float64) bool {
	if p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1 {
		return false
	}
	cx := math.Min(math.Max(p.x, r), 1-r)
	cy := math.Min(math.Max(p.y, r), 1-r)
	dx, dy := p.x-cx, p.y-cy
	return dx*dx+dy*dy <= r*r
}

func mix(a, b rgb, t float64) rgb {
	t = math.Min(math.Max(t, 0), 1)
	return rgb{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

func smoothstep(e0, e1, x float64) float64 {
	t := math.Min(math.Max((x-e0)/(e1-e0), 0), 1)
	return t * t * (3 - 2*t)
}

// --- scaling --------------------------------------------------------------

// resize scales a square image to n×n pixels by averaging areas (a box
// filter with exact fractional weights), in premultiplied colour, so that
// the edges stay clean at every size.
func resize(src *image.RGBA, n int) *image.RGBA {
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	if sw == n && sh == n {
		return src
	}
	// Horizontal pass into floats, then vertical.
	tmp := make([][4]float64, n*sh)
	wx := weights(sw, n)
	for y := 0; y < sh; y++ {
		for x := 0; x < n; x++ {
			var acc [4]float64
			for _, w := range wx[x] {
				o := src.PixOffset(src.Bounds().Min.X+w.i, src.Bounds().Min.Y+y)
				for c := 0; c < 4; c++ {
					acc[c] += w.w * float64(src.Pix[o+c])
				}
			}
			tmp[y*n+x] = acc
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, n, n))
	wy := weights(sh, n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			var acc [4]float64
			for _, w := range wy[y] {
				for c := 0; c < 4; c++ {
					acc[c] += w.w * tmp[w.i*n+x][c]
				}
			}
			o := dst.PixOffset(x, y)
			for c := 0; c < 4; c++ {
				dst.Pix[o+c] = uint8(math.Round(math.Min(acc[c], 255)))
			}
		}
	}
	return dst
}

type weight struct {
	i int
	w float64
}

// weights returns, for each of the n destination pixels, the source pixels
// (of m) it covers and the share of each, summing to 1.
func weights(m, n int) [][]weight {
	out := make([][]weight, n)
	scale := float64(m) / float64(n)
	for d := 0; d < n; d++ {
		lo, hi := float64(d)*scale, float64(d+1)*scale
		for s := int(math.Floor(lo)); s < int(math.Ceil(hi)) && s < m; s++ {
			cover := math.Min(hi, float64(s+1)) - math.Max(lo, float64(s))
			if cover > 0 {
				out[d] = append(out[d], weight{s, cover / scale})
			}
		}
	}
	return out
}

// --- files ----------------------------------------------------------------

func load(path string) (*image.RGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	im, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b := im.Bounds()
	if b.Dx() != b.Dy() {
		return nil, fmt.Errorf("%s: %dx%d, want a square image", path, b.Dx(), b.Dy())
	}
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			rgba.Set(x, y, im.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return rgba, nil
}

func writePNG(path string, im image.Image) error {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, im); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// encodeICO returns a Windows icon holding src scaled to each of sizes:
// 32-bit BGRA bitmaps with their AND masks, and PNG for 256 pixels (as
// Windows Vista and later read it).
func encodeICO(src *image.RGBA, sizes []int) ([]byte, error) {
	var images [][]byte
	for _, n := range sizes {
		im := resize(src, n)
		if n >= 256 {
			var buf bytes.Buffer
			if err := png.Encode(&buf, im); err != nil {
				return nil, err
			}
			images = append(images, buf.Bytes())
			continue
		}
		images = append(images, dib(im))
	}

	var out bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&out, le, [3]uint16{0, 1, uint16(len(sizes))}) // ICONDIR
	offset := 6 + 16*len(sizes)
	for i, n := range sizes {
		dim := uint8(n) // 0 means 256
		if n >= 256 {
			dim = 0
		}
		_ = binary.Write(&out, le, struct {
			W, H, Colors, Reserved uint8
			Planes, BitCount       uint16
			Bytes, Offset          uint32
		}{dim, dim, 0, 0, 1, 32, uint32(len(images[i])), uint32(offset)})
		offset += len(images[i])
	}
	for _, im := range images {
		out.Write(im)
	}
	return out.Bytes(), nil
}

// dib returns the icon-resource bitmap of im: a BITMAPINFOHEADER (with the
// height doubled for the mask), bottom-up straight-alpha BGRA rows and the
// 1-bit AND mask (set where fully transparent).
func dib(im *image.RGBA) []byte {
	n := im.Bounds().Dx()
	maskStride := (n + 31) / 32 * 4
	var out bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&out, le, struct {
		Size                  uint32
		Width, Height         int32
		Planes, BitCount      uint16
		Compression, SizeImg  uint32
		XPels, YPels          int32
		ClrUsed, ClrImportant uint32
	}{40, int32(n), int32(2 * n), 1, 32, 0, uint32(n*n*4 + maskStride*n), 0, 0, 0, 0})
	for y := n - 1; y >= 0; y-- {
		for x := 0; x < n; x++ {
			c := color.NRGBAModel.Convert(im.RGBAAt(x, y)).(color.NRGBA)
			out.Write([]byte{c.B, c.G, c.R, c.A})
		}
	}
	for y := n - 1; y >= 0; y-- {
		row := make([]byte, maskStride)
		for x := 0; x < n; x++ {
			if im.RGBAAt(x, y).A == 0 {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		out.Write(row)
	}
	return out.Bytes()
}

// bmp returns im (opaque) as a 24-bit Windows bitmap file, the format NSIS
// takes for the pictures of its pages.
func bmp(im *image.RGBA) []byte {
	w, h := im.Bounds().Dx(), im.Bounds().Dy()
	stride := (w*3 + 3) &^ 3
	var out bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&out, le, struct {
		Magic            [2]byte
		Size             uint32
		Reserved         uint32
		Offset           uint32
		HeaderSize       uint32
		Width, Height    int32
		Planes, BitCount uint16
		Compression      uint32
		SizeImage        uint32
		XPels, YPels     int32
		ClrUsed, ClrImp  uint32
	}{[2]byte{'B', 'M'}, uint32(54 + stride*h), 0, 54, 40, int32(w), int32(h), 1, 24, 0,
		uint32(stride * h), 2835, 2835, 0, 0})
	row := make([]byte, stride)
	for y := h - 1; y >= 0; y-- {
		for x := 0; x < w; x++ {
			c := im.RGBAAt(x, y)
			row[3*x], row[3*x+1], row[3*x+2] = c.B, c.G, c.R
		}
		out.Write(row)
	}
	return out.Bytes()
}
