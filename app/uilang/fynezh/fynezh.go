// Package fynezh gives Fyne's own texts (dialog buttons, titles, the file
// dialog, an entry's menu) the program's Chinese, whatever the system's
// language. Fyne ships a Chinese translation, but it is chosen only when the
// system says Chinese (on Windows the LANGUAGE variable set by uilang is not
// read), and it answers a confirmation with 「是/不」 and an information
// with 「好」. This package registers its own Chinese for every language
// Fyne knows, so that the lookup always lands on it; importing it is enough.
package fynezh

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed zh.json
var chinese []byte

// fyneLocales are the languages Fyne 2.7 ships translations for, English
// (its fallback for any other language) first.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

func init() {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(chinese, l); err != nil {
			fyne.LogError("界面文字", err)
		}
	}
}
