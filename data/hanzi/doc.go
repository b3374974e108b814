// Package hanzi orders and searches Chinese personal names: by 拼音 with
// surnames read as surnames (沈 shěn, 单 shàn, 曾 zēng, 欧阳 ōuyáng), by
// 姓氏笔画 as printed rosters are, and by 拼音首字母 or full 拼音 as typed in
// a search box.
//
// The readings of characters come from github.com/mozillazg/pinyin-data
// (the most common reading of each of the 8,105 characters of
// 《通用规范汉字表》, and one reading of every other character it lists) and
// the readings of surnames from github.com/zh-lx/pinyin-pro, both under the
// MIT licence (LICENSE-pinyin-data.txt, LICENSE-pinyin-pro.txt). gen.go
// makes the embedded readings.txt and surnames.txt from them.
//
// Every function is safe for concurrent use; the tables are read on first
// use.
package hanzi

//go:generate go run gen.go -pinyin-data ${PINYIN_DATA} -surnames ${PINYIN_PRO_SURNAMES}
