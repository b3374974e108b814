//go:build !windows

package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// favoriteNames are the Chinese names of the places Fyne's file dialog
// lists on its left, which it names in English whatever the language.
var favoriteNames = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "Desktop": "桌面", "Documents": "文档", "Downloads": "下载",
	"Music": "音乐", "Pictures": "图片", "Videos": "视频", "Movies": "影片", "App Files": "程序文件",
}

// fileDialogSize is the size Fyne's file dialog opens at, reduced to fit
// the window: large enough for a dozen files in a list, not three.
var fileDialogSize = fyne.NewSize(900, 640)

// showOpenDialog shows Fyne's open dialog for a file of kind k in dir and
// calls chosen with the path of the file picked.
func showOpenDialog(u *UI, k fileKind, title, dir string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, u.win)
	if len(k.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(k.exts))
	}
	showFyneFileDialog(u, d, title, dir)
}

// showSaveDialog shows Fyne's folder dialog in dir and calls chosen with
// the file name in the folder picked. Fyne's save dialog is not used: it
// opens, and so empties, the file before the program can check it.
func showSaveDialog(u *UI, k fileKind, title, dir, name string, chosen func(path string)) {
	d := dialog.NewFolderOpen(func(folder fyne.ListableURI, err error) {
		if err != nil || folder == nil {
			return
		}
		chosen(filepath.Join(folder.Path(), name))
	}, u.win)
	showFyneFileDialog(u, d, title, dir)
}

// showFyneFileDialog shows d as a list, in dir, at fileDialogSize, with
// the places on its left named in Chinese.
func showFyneFileDialog(u *UI, d *dialog.FileDialog, title, dir string) {
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText(title)
	d.SetView(dialog.ListView)
	d.Resize(fileDialogSize.Min(u.win.Canvas().Size().SubtractWidthHeight(40, 40)))
	before := len(u.win.Canvas().Overlays().List())
	d.Show()
	if overlays := u.win.Canvas().Overlays().List(); len(overlays) > before {
		chinesePlaces(overlays[len(overlays)-1])
	}
	u.keep("fileDialog", d)
}

// chinesePlaces names in Chinese the places listed on the left of the
// file dialog under o (a pop-up holding a split): the list's update is
// followed by the translation of each line's label.
func chinesePlaces(o fyne.CanvasObject) {
	switch w := o.(type) {
	case *widget.PopUp:
		chinesePlaces(w.Content)
	case *fyne.Container:
		for _, c := range w.Objects {
			chinesePlaces(c)
		}
	case *container.Split:
		if l, ok := w.Leading.(*widget.List); ok && l.UpdateItem != nil {
			update := l.UpdateItem
			l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
				update(id, item)
				if c, ok := item.(*fyne.Container); ok && len(c.Objects) == 2 {
					if label, ok := c.Objects[1].(*widget.Label); ok {
						if name, ok := favoriteNames[label.Text]; ok {
							label.SetText(name)
						}
					}
				}
			}
			l.Refresh()
		}
	}
}
