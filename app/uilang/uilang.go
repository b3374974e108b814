// Package uilang makes Fyne speak Chinese. Fyne reads the user's language
// while its packages initialize; Go initializes packages in import-path
// order once their imports are ready, so this package (dangjian/… sorts
// before fyne.io/…) runs first when the binary imports it. It sets LANGUAGE,
// which Fyne's locale lookup consults on Linux, so that built-in dialog
// texts are Chinese and a C or POSIX locale does not log a parse error.
package uilang

import "os"

func init() {
	os.Setenv("LANGUAGE", "zh_CN")
}
