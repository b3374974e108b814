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
// of the 8,105 of 《通用规范汉字表》. The stroke counts of 27,846 other
// characters (the other 163 of the 8,105 among them) come from Unihan's
// kTotalStrokes (LICENSE-unicode.txt); their order being unknown, they
// come after the characters of their count whose order is known.
// genstroke.go makes the embedded strokes.txt from them.
//
// Every function is safe for concurrent use; the tables are read on first
// use.
package hanzi

//go:generate go run gen.go -pinyin-data ${PINYIN_DATA} -surnames ${PINYIN_PRO_SURNAMES}
//go:generate go run genstroke.go -sunwb ${ZHMAKEINDEX}/CJK/sunwb_strokeorder.txt -unihan ${UNIHAN_IRGSOURCES}
