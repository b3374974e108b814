package layout

import (
	"fmt"
	"strings"
)

// PlainText writes d as plain text, the same for the same model: the
// document's header, then each part with its blocks — headings, paragraphs,
// tables as tab-separated rows under their header, form rows as 「[标签] 值」
// cells, field and signature lines. Word joiners are left out and text is
// shown as the model holds it (before Typeset). Golden tests compare it, so
// that a change of a document's content reads as a diff.
func PlainText(d *Document) string {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line("【标题】%s", flat(d.Title))
	line("【单位】%s", flat(d.Org))
	if d.Period != "" {
		line("【期间】%s", flat(d.Period))
	}
	line("【打印日期】%s", ProseDate(d.Printed))
	if d.Landscape {
		line("【版式】横向")
	}
	for i, p := range d.Parts {
		line("")
		line("======== 第%d部分 ========", i+1)
		if p.Title != "" {
			line("【标题】%s", flat(p.Title))
		}
		if p.Subtitle != "" {
			line("【副标题】%s", flat(p.Subtitle))
		}
		if p.Record != "" {
			line("【记录】%s", flat(p.Record))
		}
		for _, blk := range p.Blocks {
			writeBlock(&b, blk)
		}
	}
	return b.String()
}

// writeBlock writes one block of PlainText.
func writeBlock(b *strings.Builder, blk Block) {
	line := func(format string, args ...any) {
		fmt.Fprintf(b, format, args...)
		b.WriteByte('\n')
	}
	switch v := blk.(type) {
	case *Heading:
		line("%s %s", strings.Repeat("#", max(v.Level, 1)), flat(v.Text))
	case *Paragraph:
		indent := ""
		if v.Indent {
			indent = "　　"
		}
		line("%s%s", indent, flat(v.Text))
	case *Table:
		line("【表】%s", flat(v.Caption))
		if len(v.Groups) > 0 {
			var gs []string
			for _, g := range v.Groups {
				gs = append(gs, fmt.Sprintf("%s×%d", flat(g.Title), g.Span))
			}
			line("%s", strings.Join(gs, "\t"))
		}
		titles := make([]string, len(v.Columns))
		for i, c := range v.Columns {
			titles[i] = flat(c.Title)
		}
		line("%s", strings.Join(titles, "\t"))
		for _, r := range v.Rows {
			cells := make([]string, len(v.Columns))
			for i := range cells {
				if i < len(r.Cells) {
					cells[i] = flat(r.Cells[i])
				}
			}
			mark := ""
			if r.Total {
				mark = "＝"
			}
			line("%s%s", mark, strings.TrimRight(strings.Join(cells, "\t"), "\t"))
		}
		if v.Note != "" {
			line("%s", flat(v.Note))
		}
		line("【表完】")
	case *Form:
		line("【表单】")
		for _, r := range v.Rows {
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				if c.Label {
					cells[i] = "[" + flat(c.Text) + "]"
				} else {
					cells[i] = flat(c.Text)
				}
				for _, s := range c.Sign {
					cells[i] += " " + signText(s)
				}
			}
			mark := ""
			if r.Fill {
				mark = "（满页）"
			}
			line("%s%s", mark, strings.Join(cells, " | "))
		}
		line("【表单完】")
	case *Fields:
		items := make([]string, len(v.Items))
		for i, f := range v.Items {
			val := flat(f.Value)
			if val == "" {
				val = "________"
			}
			items[i] = flat(f.Label) + "：" + val
		}
		line("%s", strings.Join(items, "　　"))
	case *Signatures:
		for _, s := range v.Lines {
			line("%s", signText(s))
		}
	case *Spacer:
		// space only
	case *PageBreak:
		line("【分页】")
	default:
		line("【未知块 %T】", blk)
	}
}

// signText is a signature line as text: 「本人签字:________（盖章）    年  月  日」.
func signText(s SignLine) string {
	t := flat(s.Who) + "________"
	if s.Seal {
		t += "（盖章）"
	}
	if s.Date {
		t += "    年  月  日"
	}
	return t
}

// flat is text on one line without word joiners: a line break shows as ↵.
func flat(s string) string {
	if !strings.ContainsAny(s, "\n\r"+string(WordJoiner)) {
		return s
	}
	s = strings.ReplaceAll(s, string(WordJoiner), "")
	s = strings.ReplaceAll(s, "\r\n", "↵")
	return strings.NewReplacer("\n", "↵", "\r", "↵").Replace(s)
}
