package merge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// changedPart is a part written changed.
type changedPart struct {
	name string
	data []byte
}

// numberingXML is what restartLists reads of the numbering part: each
// list (w:num) and the abstract definition it follows, and each level's
// first number.
type numberingXML struct {
	Abstracts []struct {
		ID     string `xml:"abstractNumId,attr"`
		Levels []struct {
			Level string `xml:"ilvl,attr"`
			Start struct {
				Val string `xml:"val,attr"`
			} `xml:"start"`
		} `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID       string `xml:"numId,attr"`
		Abstract struct {
			Val string `xml:"val,attr"`
		} `xml:"abstractNumId"`
	} `xml:"num"`
}

// errNumbering is a numbering part that cannot be read.
var errNumbering = errors.New("模板的编号部件已损坏")

// restartLists gives each of n records after the first its own copy of
// every list the main document's body uses, its numbers starting again
// (records in one file are separate documents: the targets of the second
// agreement are numbered 1, 2, 3, not 6, 7, 8). It returns, for record i,
// the new id of each list (nil for record 0), and the numbering part with
// the copies added; nothing when the body has no list.
func (t *Template) restartLists(n int) ([]map[string]string, *changedPart, error) {
	main := t.parts[t.main]
	var used []string
	seen := map[string]bool{}
	for _, r := range main.nums {
		if r.id != "0" && !seen[r.id] && r.valStart >= main.body.start && r.valEnd <= main.body.end {
			seen[r.id] = true
			used = append(used, r.id)
		}
	}
	name := ""
	for _, r := range t.rels {
		if relKind(r.Type) == "numbering" && r.Mode != "External" {
			name = t.target(r.Target)
		}
	}
	if n < 2 || len(used) == 0 || name == "" || t.file(name) == nil {
		return nil, nil, nil
	}
	data, err := t.read(name)
	if err != nil {
		return nil, nil, err
	}
	var doc numberingXML
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, nil, errNumbering
	}
	abstract, maxID := map[string]string{}, 0
	for _, num := range doc.Nums {
		abstract[num.ID] = num.Abstract.Val
		if v, err := strconv.Atoi(num.ID); err == nil && v > maxID {
			maxID = v
		}
	}
	starts := map[string][][2]string{} // abstract id → its levels' (ilvl, start)
	for _, a := range doc.Abstracts {
		for _, l := range a.Levels {
			start := l.Start.Val
			if start == "" {
				start = "0"
			}
			starts[a.ID] = append(starts[a.ID], [2]string{l.Level, start})
		}
	}
	prefix := rootPrefix(data)
	q := func(local string) string { return qname(prefix, local) }
	var add strings.Builder
	lists := make([]map[string]string, n)
	next := maxID
	for i := 1; i < n; i++ {
		lists[i] = map[string]string{}
		for _, id := range used {
			a, ok := abstract[id]
			if !ok {
				continue
			}
			next++
			lists[i][id] = strconv.Itoa(next)
			fmt.Fprintf(&add, `<%s %s="%d"><%s %s="%s"/>`, q("num"), q("numId"), next, q("abstractNumId"), q("val"), escapeAttr(a))
			for _, l := range starts[a] {
				fmt.Fprintf(&add, `<%s %s="%s"><%s %s="%s"/></%s>`, q("lvlOverride"), q("ilvl"), escapeAttr(l[0]),
					q("startOverride"), q("val"), escapeAttr(l[1]), q("lvlOverride"))
			}
			add.WriteString("</" + q("num") + ">")
		}
	}
	// The lists go after the last w:num: before w:numIdMacAtCleanup when
	// there is one, else before the end of the part.
	at := bytes.Index(data, []byte("<"+q("numIdMacAtCleanup")))
	if at < 0 {
		at = bytes.LastIndex(data, []byte("</"))
	}
	if at < 0 {
		return nil, nil, errNumbering
	}
	out := make([]byte, 0, len(data)+add.Len())
	out = append(append(append(out, data[:at]...), add.String()...), data[at:]...)
	return lists, &changedPart{name: name, data: out}, nil
}

// rootPrefix is the prefix of the root element of an XML part.
func rootPrefix(data []byte) string {
	for i := 0; i < len(data)-1; i++ {
		if data[i] == '<' && data[i+1] != '?' && data[i+1] != '!' {
			return tagPrefix(data[i:])
		}
	}
	return ""
}
