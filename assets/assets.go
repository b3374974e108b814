// Package assets holds the files that are compiled into the dangjian binary
// with go:embed: the CJK fonts used by the user interface and by printed
// documents. The fonts' origin and licences are described in fonts/README.md.
package assets

import _ "embed"

// UISans is the TrueType data of WenQuanYi Micro Hei (文泉驿微米黑), the sans
// face used for all text in the user interface. It covers GB 2312, GBK and
// Latin text. Treat it as read-only.
//
//go:embed fonts/wqy-microhei.ttf
var UISans []byte

// PrintSong is the TrueType data of AR PL SungtiL GB (文鼎PL简报宋), the Song
// (宋体) face used for printed PDF ledgers and forms. Treat it as read-only.
//
//go:embed fonts/gbsn00lp.ttf
var PrintSong []byte

// UISansName and PrintSongName are file names for the embedded fonts, for
// APIs that want a name with the data (Fyne resources, PDF font registration).
const (
	UISansName    = "wqy-microhei.ttf"
	PrintSongName = "gbsn00lp.ttf"
)
