// Package assets holds the files that are compiled into the dangjian binary
// with go:embed: the CJK fonts used by the user interface and by printed
// documents. Every face covers the 8,105 characters of 《通用规范汉字表》,
// those outside the BMP included. The fonts' origin, the changes made to them
// and their licence are described in fonts/README.md; scripts/fonts makes
// them again from Debian packages.
package assets

import _ "embed"

// PrintSong is the TrueType data of Dangjian Song, the Song (宋体) face of the
// body text of printed documents, made from Noto Serif CJK SC Regular. Treat
// it as read-only.
//
//go:embed fonts/dangjian-song.ttf
var PrintSong []byte

// PrintTitle is the TrueType data of Dangjian Song Title, a heavy Song in the
// manner of 小标宋 for the titles of printed documents, made from Noto Serif
// CJK SC Black. Treat it as read-only.
//
//go:embed fonts/dangjian-song-title.ttf
var PrintTitle []byte

// PrintHei is the TrueType data of Dangjian Hei, the 黑体 of headings in
// printed documents, made from Noto Sans CJK SC Bold. Treat it as read-only.
//
//go:embed fonts/dangjian-hei.ttf
var PrintHei []byte

// UISans is the TrueType data of Dangjian Sans, the face of all text in the
// user interface, made from Noto Sans CJK SC Regular. Besides the print
// faces' characters it has every hanzi of GBK, so that names written with
// traditional characters show. Treat it as read-only.
//
//go:embed fonts/dangjian-sans.ttf
var UISans []byte

// UISansBold is the face of bold text in the user interface: the same data
// as PrintHei (embedded once), so it has the print faces' characters, not
// the extra GBK hanzi of UISans.
var UISansBold = PrintHei

// File names of the embedded faces, for APIs that want a name with the data
// (Fyne resources, PDF font registration). UISansBold is PrintHei's file.
const (
	PrintSongName  = "dangjian-song.ttf"
	PrintTitleName = "dangjian-song-title.ttf"
	PrintHeiName   = "dangjian-hei.ttf"
	UISansName     = "dangjian-sans.ttf"
	UISansBoldName = PrintHeiName
)
