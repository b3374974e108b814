// Package hanzi orders and searches Chinese personal names: by 拼音 with
// surnames read as surnames (沈 shěn, 单 shàn, 曾 zēng, 欧阳 ōuyáng), by
// 姓氏笔画 as official lists are (stroke count, then stroke shapes 横竖撇点折
// stroke by stroke, surname first), and by 拼音首字母 or full 拼音 as typed
// in a search box.
//
// The readings of characters come from github.com/mozillazg/pinyin-data
// (the most common reading of each of the 8,105 characters of
// 《通用规范汉字表》, and one reading of every other character it lists) and
// the readings of surnames from github.com/zh-lx/pinyin-pro, both under the
// MIT licence (LICENSE-pinyin-data.txt, LICENSE-pinyin-pro.txt). gen.go
// makes the embedded readings.txt and surnames.txt from them.
//
// The stroke orders come from the 海峰五笔 stroke-order table as
// distributed with github.com/leo-liu/zhmakeindex under the LaTeX Project
// Public License (LICENSE-zhmakeindex.txt): 70,215 characters of GBK and
// CJK Extensions A and B, among them every character of GB 2312 and 7,942
// of the 8,105 of 《通用规范汉字表》. The orders of the other 163 of the
// 8,105 (鿍鿎鿏 and characters of Extensions C to E, 𬱖 𫖮 𬭚 among them)
// come from the stroke table of the Rime input method's 五筆畫 scheme,
// github.com/rime/rime-stroke, under the GNU Lesser General Public
// License 3 (LICENSE-rime-stroke.txt). Where that table gives a
// character several orders, the one taken is the one the character's
// structure gives: its components' orders in turn, by the decompositions
// of github.com/cjkvi/cjkvi-ids (used, not distributed). For 162 of the
// 163 the order taken is also the structure's; the other (𬒈) has a
// component without an order of its own. The same table corrects nine
// orders of the 海峰五笔 table that sort outside the place 《通用规范汉字表》
// lists their character at, by the order of rime-stroke that the
// structure gives and that fits there (字 445521, not 425521). The tests
// check every character against the place the general table lists it at,
// which fixes the counts of the 163: 10 of them have a count other than
// Unihan's (𫄧 9 strokes, not 10). The stroke counts of
// 27,683 other characters come from Unihan's kTotalStrokes
// (LICENSE-unicode.txt); their order being unknown, they come after the
// characters of their count whose order is known. genstroke.go makes the
// embedded strokes.txt from them.
//
// Every function is safe for concurrent use; the tables are read on first
// use.
package hanzi

//go:generate go run gen.go -pinyin-data ${PINYIN_DATA} -surnames ${PINYIN_PRO_SURNAMES}
//go:generate go run genstroke.go genstroke_general.go -sunwb ${ZHMAKEINDEX}/CJK/sunwb_strokeorder.txt -unihan ${UNIHAN_IRGSOURCES} -rime ${RIME_STROKE}/stroke.dict.yaml -ids ${CJKVI_IDS}/ids.txt -tongyong testdata/tongyong-8105.txt
