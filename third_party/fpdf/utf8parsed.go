// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
)

// UTF8Font is a TrueType face parsed once by ParseUTF8Font, to be added to
// any number of documents with AddUTF8FontFromParsed without parsing it
// again. It is not changed by the documents and may be shared by documents
// made concurrently.
type UTF8Font struct {
	file     *utf8FontFile
	widthsID string // digest of the character widths, for the font's id
}

// ParseUTF8Font parses a TrueType face, given as AddUTF8FontFromBytes takes
// it. The bytes must not change while the UTF8Font is in use.
func ParseUTF8Font(utf8Bytes []byte) (*UTF8Font, error) {
	file := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if err := file.parseFile(); err != nil {
		return nil, err
	}
	file.fileReader.readerPosition = 0
	widths, err := json.Marshal(file.CharWidths)
	if err != nil {
		return nil, err
	}
	return &UTF8Font{file: file, widthsID: fmt.Sprintf("%x", sha1.Sum(widths))}, nil
}

// AddUTF8FontFromParsed imports a TrueType face parsed by ParseUTF8Font and
// makes it available for use in the generated document, as
// AddUTF8FontFromBytes does with the face's bytes.
func (f *Fpdf) AddUTF8FontFromParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	f.addParsedUTF8Font(fontkey, font)
}

// addParsedUTF8Font adds the face under fontkey. The document gets its own
// copy of the parsed face, reading the same bytes, since writing the font
// subset changes it.
func (f *Fpdf) addParsedUTF8Font(fontkey string, font *UTF8Font) {
	utf8File := *font.file
	utf8File.fileReader = &fileReader{readerPosition: 0, array: font.file.fileReader.array}
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}

	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      desc,
		Up:        int(round(utf8File.UnderlinePosition)),
		Ut:        round(utf8File.UnderlineThickness),
		utf8File:  &utf8File,
		usedRunes: sbarr,
		wideCw:    utf8File.wideCharWidths,
		wideCIDs:  newWideCIDs(),
		usedBMP:   new(runeBits),
	}
	// The id digests the definition; the widths, long to encode, through
	// the digest made once by ParseUTF8Font.
	id, _ := generateFontID(def)
	def.i = fmt.Sprintf("%x", sha1.Sum([]byte(id+font.widthsID)))
	def.Cw = utf8File.CharWidths
	f.fonts[fontkey] = def
}
