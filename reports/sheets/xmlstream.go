package sheets

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// errTokenTooLarge is a cell's text or a tag longer than maxTokenSize.
var errTokenTooLarge = errors.New("token too large")

// errTooDeep is XML nested deeper than maxDepth.
var errTooDeep = errors.New("elements nested too deep")

// xmlStream reads the tokens of one XML part with encoding/xml's RawToken,
// adding what RawToken leaves out: each end tag must close the element
// open, there is one root element, and the part must end after it. Every
// error is returned, never dropped (excelize's own row reader stops
// silently at the first one), and no token may take more than
// maxTokenSize bytes, so memory stays bounded whatever the input.
type xmlStream struct {
	d     *xml.Decoder
	guard tokenGuard
	open  []xml.Name // the elements open, outermost first
	ended bool       // the root element is closed
}

func newXMLStream(r io.Reader) *xmlStream {
	x := &xmlStream{guard: tokenGuard{r: r}}
	x.d = xml.NewDecoder(&x.guard)
	x.d.CharsetReader = charsetReader()
	return x
}

// next returns the next token; io.EOF only at a proper end. A token's
// bytes are valid until the next call.
func (x *xmlStream) next() (xml.Token, error) {
	x.guard.n = 0
	tok, err := x.d.RawToken()
	if err == io.EOF {
		if len(x.open) > 0 || !x.ended {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if x.ended {
			return nil, x.syntaxError("a second root element <%s>", t.Name.Local)
		}
		if len(x.open) == maxDepth {
			return nil, errTooDeep
		}
		x.open = append(x.open, t.Name)
	case xml.EndElement:
		if n := len(x.open); n == 0 || x.open[n-1] != t.Name {
			return nil, x.syntaxError("unexpected end element </%s>", t.Name.Local)
		}
		x.open = x.open[:len(x.open)-1]
		x.ended = len(x.open) == 0
	}
	return tok, nil
}

// depth is the number of elements open.
func (x *xmlStream) depth() int { return len(x.open) }

// finish reads the rest of the part: it must be well-formed to its end,
// where the part's checksum is verified.
func (x *xmlStream) finish() error {
	for {
		if _, err := x.next(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

func (x *xmlStream) syntaxError(format string, a ...any) error {
	line, _ := x.d.InputPos()
	return &xml.SyntaxError{Msg: fmt.Sprintf(format, a...), Line: line}
}

// tokenGuard counts the bytes the decoder reads between two tokens and
// fails once they pass maxTokenSize: the decoder would otherwise gather a
// token of any size in memory.
type tokenGuard struct {
	r io.Reader
	n int
}

func (g *tokenGuard) Read(b []byte) (int, error) {
	if g.n > maxTokenSize {
		return 0, errTokenTooLarge
	}
	n, err := g.r.Read(b)
	g.n += n
	return n, err
}

// charsetReader is the one excelize decodes XML parts with, so that a part
// declaring another encoding than UTF-8 (GB2312 from some older programs)
// reads as it does there.
var charsetReader = sync.OnceValue(func() func(string, io.Reader) (io.Reader, error) {
	f := excelize.NewFile()
	defer f.Close()
	return f.CharsetReader
})
