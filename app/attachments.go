package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// attachmentsPanel lists a record's attachments (name, size) with 添加,
// 打开 and 删除; put its view() in any record dialog. Until the record is
// saved (no owner id) it only says so.
type attachmentsPanel struct {
	u          *UI
	ownerTable string
	ownerID    string
	items      []data.Attachment
	rows       *fyne.Container
	note       *widget.Label // what happened last, or why nothing can be added
	add        *widget.Button
	box        fyne.CanvasObject
	opened     string  // the file last handed to the system's viewer
	loads      *loader // reads the list; an older read's result is dropped
}

func newAttachmentsPanel(u *UI, ownerTable, ownerID string) *attachmentsPanel {
	p := &attachmentsPanel{u: u, ownerTable: ownerTable, rows: container.NewVBox(), note: widget.NewLabel(""),
		loads: newLoader(u)}
	p.note.Wrapping = fyne.TextWrapWord
	p.add = widget.NewButton("添加", p.choose)
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle("附件", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.add)
	p.box = container.NewVBox(head, p.rows, p.note)
	p.setOwner(ownerID)
	return p
}

// view is the panel's widget.
func (p *attachmentsPanel) view() fyne.CanvasObject { return p.box }

// setOwner points the panel at a record (once saved, for a new one) and
// lists its attachments.
func (p *attachmentsPanel) setOwner(id string) {
	p.ownerID = id
	p.items = nil
	p.showRows()
	if id == "" {
		p.add.Disable()
		p.note.Importance = widget.MediumImportance
		p.note.SetText("保存后可添加附件")
		return
	}
	p.add.Enable()
	p.note.SetText("")
	p.load()
}

func (p *attachmentsPanel) load() {
	store, table, id := p.u.store, p.ownerTable, p.ownerID
	load(p.loads, func(ctx context.Context) ([]data.Attachment, error) {
		return store.AttachmentsOf(ctx, table, id)
	}, func(items []data.Attachment, err error) {
		if err != nil {
			p.fail(err)
			return
		}
		p.items = items
		p.showRows()
	})
}

// showRows rebuilds the list from p.items.
func (p *attachmentsPanel) showRows() {
	p.rows.RemoveAll()
	if p.ownerID != "" && len(p.items) == 0 {
		p.rows.Add(widget.NewLabel("（暂无附件）"))
	}
	for i := range p.items {
		a := p.items[i]
		name := widget.NewLabel(a.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButton("打开", func() { p.open(a) })
		del := widget.NewButton("删除", func() { p.remove(a) })
		p.rows.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(widget.NewLabel(data.SizeText(a.Size)), open, del), name))
	}
	p.rows.Refresh()
}

func (p *attachmentsPanel) fail(err error) {
	p.note.Importance = widget.DangerImportance
	p.note.SetText(err.Error())
}

func (p *attachmentsPanel) tell(text string) {
	p.note.Importance = widget.MediumImportance
	p.note.SetText(text)
}

// choose asks for a file to attach.
func (p *attachmentsPanel) choose() {
	p.u.chooseOpen(attachmentFiles, "选择要添加的附件", func(path string) {
		f, err := os.Open(path)
		if err != nil {
			p.fail(fmt.Errorf("无法读取文件：%w", err))
			return
		}
		p.fileChosen(f, filepath.Base(path))
	})
}

// fileChosen attaches the file the open dialog returned: it is read and
// stored off the UI goroutine.
func (p *attachmentsPanel) fileChosen(r io.ReadCloser, name string) {
	if p.ownerID == "" {
		r.Close()
		return
	}
	store, table, id := p.u.store, p.ownerTable, p.ownerID
	p.tell("正在添加“" + name + "”…")
	async(p.u, func() (*data.Attachment, error) {
		defer r.Close()
		content, err := readLimited(r)
		if err != nil {
			return nil, err
		}
		return store.Attach(context.Background(), table, id, name, content)
	}, func(a *data.Attachment, err error) {
		if err != nil {
			p.fail(err)
			return
		}
		p.tell("已添加“" + a.Name + "”（" + data.SizeText(a.Size) + "）")
		p.load()
	})
}

// readLimited reads a file of at most data.MaxBlobSize bytes; a larger one
// is refused once its size is known, without holding it all.
func readLimited(r io.Reader) ([]byte, error) {
	content, err := io.ReadAll(io.LimitReader(r, data.MaxBlobSize+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取文件：%w", err)
	}
	if len(content) <= data.MaxBlobSize {
		return content, nil
	}
	rest, err := io.Copy(io.Discard, r)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件：%w", err)
	}
	return nil, fmt.Errorf("%w：文件大小为%s，附件不能超过%d MB", data.ErrTooLarge,
		data.SizeText(int64(len(content))+rest), data.MaxBlobSize>>20)
}

// open writes the attachment to the export folder and hands it to the
// system's viewer.
func (p *attachmentsPanel) open(a data.Attachment) {
	store := p.u.store
	async(p.u, func() (string, error) {
		dir, err := p.u.scratch.dir(store.Path())
		if err != nil {
			return "", err
		}
		return store.ExportAttachment(context.Background(), &a, dir)
	}, func(path string, err error) {
		if err != nil {
			p.fail(err)
			return
		}
		if err := openInViewer(p.u.app, path); err != nil {
			p.fail(errors.New("无法打开“" + a.Name + "”，文件已导出到 " + path))
			return
		}
		p.opened = path
		p.tell("已打开“" + a.Name + "”")
	})
}

// remove deletes an attachment as every record is deleted: the user
// confirms (「删除附件“…”?删除后可在回收站恢复。」), then the notice
// 「已删除附件“…”」 offers 撤销; the list is read again after each.
func (p *attachmentsPanel) remove(a data.Attachment) {
	store := p.u.store
	p.u.deleteWithUndo("附件“"+a.Name+"”",
		func(ctx context.Context) error { return store.Tables.Attachments.Delete(ctx, &a) },
		func(ctx context.Context) error { return store.Tables.Attachments.Restore(ctx, a.ID) },
		func() {
			p.tell("")
			p.load()
		})
}
