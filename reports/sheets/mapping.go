package sheets

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/localfs"
)

// How a header of a sheet came to its column (ColumnMapping.How).
const (
	ByTemplate   = "模板"  // the template's own header
	ByAlias      = "别名"  // a known other name of the column
	ByUser       = "指定"  // the user's choice (--map, or the screen)
	ByRemembered = "记住的" // the choice made for the same headers before
	ByDefault    = "未识别" // unknown: not read unless mapped
)

// ColumnMapping is how one header of a sheet is read.
type ColumnMapping struct {
	Header string // the sheet's header, blanks left out
	Column string // the template column it fills; "" when not read
	How    string // ByTemplate, ByAlias, ByUser, ByRemembered or ByDefault
}

// Read reports whether the header's cells are imported.
func (c ColumnMapping) Read() bool { return c.Column != "" }

// HeaderMapping is how a sheet's header row maps onto a layout's columns.
type HeaderMapping struct {
	Kind  Kind
	Sheet string          // the worksheet's name
	Cols  []ColumnMapping // each non-blank header, in the sheet's order
	// Fingerprint names the set of headers: a mapping chosen for a sheet
	// is remembered under it and reused for the next sheet with the same
	// headers, in whatever order.
	Fingerprint string
	Missing     []string // required columns no header fills
	Remembered  bool     // a remembered mapping was used
}

// Ignored lists the headers whose cells are not imported.
func (m *HeaderMapping) Ignored() []string {
	var out []string
	for _, c := range m.Cols {
		if !c.Read() {
			out = append(out, c.Header)
		}
	}
	return out
}

// Unknown lists the headers neither the template, an alias nor a choice
// explains.
func (m *HeaderMapping) Unknown() []string {
	var out []string
	for _, c := range m.Cols {
		if c.How == ByDefault {
			out = append(out, c.Header)
		}
	}
	return out
}

// Renamed lists the headers read under another name, as 身份证号→公民身份号码.
func (m *HeaderMapping) Renamed() []ColumnMapping {
	var out []ColumnMapping
	for _, c := range m.Cols {
		if c.Read() && c.How != ByTemplate {
			out = append(out, c)
		}
	}
	return out
}

// Choices are the columns a header of kind k may be mapped to: the
// layout's columns that import reads, then Ignore.
func Choices(k Kind) []string {
	var out []string
	for _, c := range LayoutOf(k).Columns {
		if !c.Computed {
			out = append(out, c.Header)
		}
	}
	return append(out, Ignore)
}

// ParseMap reads one --map value, 列名=字段: the sheet's header, and the
// template column it fills (字段, a header of the template) or 忽略 to
// leave it out. Full-width ＝ and blanks around either side are accepted.
func ParseMap(arg string) (header, column string, err error) {
	s := field.Normalize(arg)
	header, column, ok := strings.Cut(s, "=")
	header, column = headerKey(header), headerKey(column)
	switch {
	case !ok:
		return "", "", inputErrorf("--map“%s”应写成 列名=字段，如 --map 身份证号=公民身份号码", arg)
	case header == "":
		return "", "", inputErrorf("--map“%s”缺少等号前的列名（工作表中的表头）", arg)
	case column == "":
		return "", "", inputErrorf("--map“%s”缺少等号后的字段（模板中的列名，或“忽略”）", arg)
	}
	switch strings.ToLower(column) {
	case Ignore, "不导入", "ignore", "-":
		column = Ignore
	}
	return header, column, nil
}

// ParseMaps reads every --map value into a mapping; a header given twice
// with different columns is an error.
func ParseMaps(args []string) (map[string]string, error) {
	out := map[string]string{}
	for _, a := range args {
		h, c, err := ParseMap(a)
		if err != nil {
			return nil, err
		}
		if prev, dup := out[h]; dup && prev != c {
			return nil, inputErrorf("--map 对“%s”给了两个字段：%s和%s", h, prev, c)
		}
		out[h] = c
	}
	return out, nil
}

// mapper resolves the headers of a sheet: the user's choices first, then
// those remembered for the same headers, then the template's headers and
// their aliases.
type mapper struct {
	kind   Kind
	user   map[string]string                          // header → column or Ignore
	recall func(fingerprint string) map[string]string // remembered choices; may be nil
	update bool                                       // only 公民身份号码 is required
}

// fingerprint names a set of headers: the same headers in any order give
// the same name.
func fingerprint(headers []string) string {
	set := slices.Clone(headers)
	slices.Sort(set)
	set = slices.Compact(set)
	h := sha256.Sum256([]byte(strings.Join(set, "\x1f")))
	return hex.EncodeToString(h[:8])
}

// resolve maps headers (one per column; "" for a blank header) onto the
// layout. The mapping is returned even with the error, which is an
// *InputError: a --map naming a header the sheet lacks or a column the
// layout lacks, two headers for one column, or a required column missing
// (naming the unknown headers and how to map them).
func (mp *mapper) resolve(l Layout, sheet string, headers []string) (*HeaderMapping, error) {
	var named []string
	for _, h := range headers {
		if h != "" {
			named = append(named, h)
		}
	}
	hm := &HeaderMapping{Kind: l.Kind, Sheet: sheet, Fingerprint: fingerprint(named)}
	var recalled map[string]string
	if mp != nil && mp.recall != nil {
		recalled = mp.recall(hm.Fingerprint)
	}
	var user map[string]string
	if mp != nil {
		user = mp.user
	}
	for h, c := range user {
		if !slices.Contains(named, h) {
			return hm, inputErrorf("工作表“%s”中没有表头“%s”（--map %s=%s）；表头有：%s", sheet, h, h, c, strings.Join(named, "、"))
		}
		if c != Ignore {
			if col := l.Header(c); col == nil || col.Computed {
				return hm, inputErrorf("“%s”不是%s模板中的列（--map %s=%s）；可用的列：%s", c, l.Title, h, c,
					strings.Join(Choices(l.Kind), "、"))
			}
		}
	}
	valid := func(c string) bool {
		col := l.Header(c)
		return c == Ignore || col != nil && !col.Computed
	}
	for _, h := range named {
		cm := ColumnMapping{Header: h}
		if c, ok := user[h]; ok {
			cm.Column, cm.How = c, ByUser
		} else if c, ok := recalled[h]; ok && valid(c) {
			cm.Column, cm.How = c, ByRemembered
			hm.Remembered = true
		} else if c, ok := aliasOf(l, h); ok {
			cm.Column, cm.How = c, ByAlias
			if c == headerKey(h) {
				cm.How = ByTemplate
			}
		} else {
			cm.How = ByDefault
		}
		if cm.Column == Ignore {
			cm.Column = ""
		}
		if col := l.Header(cm.Column); col != nil && col.Computed {
			cm.Column = "" // written by export, not read
		}
		hm.Cols = append(hm.Cols, cm)
	}
	filled := map[string]string{}
	for _, cm := range hm.Cols {
		if !cm.Read() {
			continue
		}
		if prev, dup := filled[cm.Column]; dup {
			if prev == cm.Header {
				return hm, inputErrorf("表头“%s”出现了两次", cm.Header)
			}
			return hm, inputErrorf("工作表“%s”的表头“%s”和“%s”都对应“%s”：请只保留一列，或指定不导入其中一列（如 --map %s=%s）",
				sheet, prev, cm.Header, cm.Column, cm.Header, Ignore)
		}
		filled[cm.Column] = cm.Header
	}
	for _, c := range l.Columns {
		required := c.Required && (mp == nil || !mp.update || c.Type == "id")
		if required && filled[c.Header] == "" {
			hm.Missing = append(hm.Missing, c.Header)
		}
	}
	if len(hm.Missing) == 0 {
		return hm, nil
	}
	msg := "工作表“" + sheet + "”缺少必需的列：" + strings.Join(hm.Missing, "、")
	if unknown := hm.Unknown(); len(unknown) > 0 {
		quoted := make([]string, len(unknown))
		for i, u := range unknown {
			quoted[i] = "“" + u + "”"
		}
		msg += "。无法识别的表头：" + strings.Join(quoted, "、") + "。请指定它们对应的列：命令行用 --map " +
			unknown[0] + "=" + hm.Missing[0] + "（不导入的列写“=" + Ignore + "”），导入导出界面在“列对应”中选择；指定一次后，同样表头的工作表会沿用"
	} else {
		msg += "（表头须在第1行；与模板不同的表头可用 --map 表头=列名 指定）"
	}
	return hm, &InputError{Msg: msg}
}

// rememberPrefix starts the settings keys under which mappings are kept:
// sheets.map.<kind>.<fingerprint>. They live in the database's settings,
// so they travel with the data to another computer and survive a
// reinstall.
const rememberPrefix = "sheets.map."

func rememberKey(k Kind, fp string) string { return rememberPrefix + string(k) + "." + fp }

// recallFrom reads the mapping remembered for a fingerprint of kind k.
func recallFrom(ctx context.Context, s *data.Store, k Kind) func(string) map[string]string {
	return func(fp string) map[string]string {
		rows, err := s.Settings.List(ctx, data.Where(data.ColKey, rememberKey(k, fp)))
		if err != nil || len(rows) == 0 {
			return nil
		}
		var m map[string]string
		if json.Unmarshal([]byte(rows[0].Value), &m) != nil {
			return nil
		}
		return m
	}
}

// remember stores the choices a written import used for its headers (the
// user's and those remembered before), so that the next sheet with the
// same headers maps alike without asking.
func remember(ctx context.Context, tx *data.Tx, hm *HeaderMapping) error {
	choices := map[string]string{}
	for _, c := range hm.Cols {
		if c.How != ByUser && c.How != ByRemembered {
			continue
		}
		choices[c.Header] = c.Column
		if c.Column == "" {
			choices[c.Header] = Ignore
		}
	}
	if len(choices) == 0 {
		return nil
	}
	b, err := json.Marshal(choices)
	if err != nil {
		return err
	}
	if utf8.RuneCount(b) > int(data.LimitLongText) {
		return nil // a mapping longer than a setting holds is not kept
	}
	key := rememberKey(hm.Kind, hm.Fingerprint)
	rows, err := tx.Settings.List(ctx, data.Where(data.ColKey, key))
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return tx.Settings.Create(ctx, &data.Setting{Key: key, Value: string(b)})
	}
	if rows[0].Value == string(b) {
		return nil
	}
	rows[0].Value = string(b)
	return tx.Settings.Update(ctx, &rows[0])
}

// newMapper checks the options that concern headers and returns the
// mapper of an import of kind k into s.
func newMapper(ctx context.Context, s *data.Store, k Kind, o Options) (*mapper, error) {
	if o.Update && k != Members {
		return nil, inputErrorf("“按公民身份号码更新”只用于%s", LayoutOf(Members).Title)
	}
	user := map[string]string{}
	for h, c := range o.Map {
		h, c = headerKey(h), headerKey(c)
		if c == "不导入" {
			c = Ignore
		}
		user[h] = c
	}
	return &mapper{kind: k, user: user, recall: recallFrom(ctx, s, k), update: o.Update}, nil
}

// ReadHeaders reads the header row of the workbook at path and says how
// an import of kind k with o (its Map and Update) would read each header,
// without reading the rows. The mapping is returned with an *InputError
// that concerns the headers (a required column missing, say), so that a
// screen can show it and let the user choose; it is nil when the file
// cannot be read at all.
func ReadHeaders(ctx context.Context, s *data.Store, k Kind, path string, o Options) (*HeaderMapping, error) {
	layout := LayoutOf(k)
	if layout.Kind == "" {
		return nil, inputErrorf("未知的表格类型：%s", k)
	}
	mp, err := newMapper(ctx, s, k, o)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, inputErrorf("无法打开文件“%s”：%s", path, openReason(err))
	}
	defer f.Close()
	scratch, err := localfs.NewScratch(filepath.Dir(s.Path()))
	if err != nil {
		return nil, err
	}
	defer scratch.Close()
	ra, size, done, err := readerAt(ctx, io.Reader(f), scratch.Dir())
	if err != nil {
		return nil, err
	}
	defer done()
	sr, err := openSheet(ctx, ra, size, layout, mp)
	if sr != nil {
		defer sr.Close()
		return sr.mapping, nil
	}
	err = inFile(err, path)
	var ie *InputError
	if errors.As(err, &ie) && ie.mapping != nil {
		return ie.mapping, err
	}
	return nil, err
}
