package snapshot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"dangjian/data"
)

// Each term's result lives in the committee's folder under
// terms/<term>/: the consolidated database, read-only, named by
// sources.json (merged-<n>.db, a new name each time the result is
// replaced, so that a window still reading the old one is not in the way),
// and sources.json, which tells what went into it.
const (
	termsDir         = "terms"
	termSourcesFile  = "sources.json"
	termSourcesFmt   = "dangjian-term-sources/1"
	termResultPrefix = "merged-"
)

// TermSources is what a term's result was made of (terms/<term>/sources.json).
type TermSources struct {
	Format        string    `json:"format"`
	Term          string    `json:"term"`
	When          time.Time `json:"when"`           // when the consolidation ran
	SchemaVersion int       `json:"schema_version"` // of the build that made the database
	File          string    `json:"file"`           // the database, in the term's folder
	// Checksum is the database file's CRC-32C (Castagnoli), in hex: a
	// later consolidation starts from the file only when it still has it.
	// A result updated in place has none: its Generation and Size tell it.
	Checksum string `json:"crc32c,omitempty"`
	Size     int64  `json:"size"`
	// Generation is the database's own change counter (SQLite's file
	// header, bumped by every write) when the result was recorded: the
	// term's next consolidation updates the file in place only when it
	// still has it, without reading the whole file.
	Generation uint32 `json:"generation,omitempty"`
	// Orgs is every enrolled organization's line: the snapshot merged
	// (seq, its manifest's and its plaintext's SHA-256), or none.
	Orgs     []TermSource    `json:"orgs"`
	Findings []FindingReport `json:"findings"`
	// Merge is what a later consolidation starting from this result
	// needs: the rows several organizations hold (blobs of the same
	// attachment) and where each organization's rows lie; NoBase, when
	// set, says why none can start from it.
	Merge  data.MergeState `json:"merge"`
	NoBase string          `json:"no_base,omitempty"`
	// Replaces is when the result a reopening replaced was made.
	Replaces *time.Time `json:"replaces,omitempty"`
}

// TermSource is one organization's line of a term's result.
type TermSource struct {
	Org            string `json:"org"`
	Name           string `json:"name"`
	Seq            uint64 `json:"seq"` // the snapshot merged, 0 for none
	ManifestSHA256 string `json:"manifest_sha256,omitempty"`
	PlainSHA256    string `json:"plain_sha256,omitempty"`
	Status         string `json:"status"`
	Reason         string `json:"reason,omitempty"`
	CheckedSeq     uint64 `json:"checked_seq"` // the newest manifest checked
	Refusal        string `json:"refusal,omitempty"`
}

// Merged counts the organizations whose snapshot is in the result.
func (s TermSources) Merged() int {
	n := 0
	for _, o := range s.Orgs {
		if o.Seq > 0 {
			n++
		}
	}
	return n
}

// TermResult is one term's consolidated result in the committee's folder.
type TermResult struct {
	Term    string      `json:"term"`
	Label   string      `json:"label"` // 2026—2027学年第一学期
	When    time.Time   `json:"when"`
	Path    string      `json:"path"`    // the database (open it with data.OpenReadOnly)
	Current bool        `json:"current"` // the term of today
	Ended   bool        `json:"ended"`   // frozen: consolidated again only when reopened
	Sources TermSources `json:"sources"`
}

// ErrNoTermResult means the term has not been consolidated.
var ErrNoTermResult = errors.New("该学期尚未汇总")

func (c *Committee) termDir(term string) string { return filepath.Join(c.Dir, termsDir, term) }

// Terms lists the terms consolidated, newest first.
func (c *Committee) Terms() ([]TermResult, error) {
	entries, err := os.ReadDir(filepath.Join(c.Dir, termsDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cal, err := c.TermCalendar()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	var out []TermResult
	for _, e := range entries {
		if _, err := ParseTerm(e.Name()); err != nil || !e.IsDir() {
			continue
		}
		r, err := c.termResult(e.Name(), cal, now)
		if errors.Is(err, ErrNoTermResult) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Term > out[j].Term })
	return out, nil
}

// TermResult is the term's result; ErrNoTermResult when it has none.
func (c *Committee) TermResult(term string) (TermResult, error) {
	if _, err := ParseTerm(term); err != nil {
		return TermResult{}, err
	}
	cal, err := c.TermCalendar()
	if err != nil {
		return TermResult{}, err
	}
	return c.termResult(term, cal, time.Now())
}

func (c *Committee) termResult(term string, cal []TermSpan, now time.Time) (TermResult, error) {
	t, _ := ParseTerm(term)
	r := TermResult{Term: term, Label: t.Label(), Current: TermOn(now, cal) == term, Ended: t.Ended(now, cal)}
	src, err := c.readTermSources(term)
	if err != nil {
		return r, err
	}
	r.When, r.Path, r.Sources = src.When, filepath.Join(c.termDir(term), src.File), src
	return r, nil
}

// readTermSources reads a term's sources.json: ErrNoTermResult when the
// term has none, or none naming a database that is there.
func (c *Committee) readTermSources(term string) (TermSources, error) {
	var s TermSources
	err := readJSON(filepath.Join(c.termDir(term), termSourcesFile), &s)
	if errors.Is(err, os.ErrNotExist) {
		return s, fmt.Errorf("%w: %s", ErrNoTermResult, TermLabel(term))
	}
	if err != nil {
		return s, fmt.Errorf("%s 的汇总记录 %s 已损坏: %w", TermLabel(term), termSourcesFile, err)
	}
	if s.Format != termSourcesFmt || s.Term != term || filepath.Base(s.File) != s.File || s.File == "" {
		return s, fmt.Errorf("%s 的汇总记录 %s 格式错误", TermLabel(term), termSourcesFile)
	}
	if _, err := os.Stat(filepath.Join(c.termDir(term), s.File)); err != nil {
		return s, fmt.Errorf("%w: %s 的汇总数据库 %s 不存在", ErrNoTermResult, TermLabel(term), s.File)
	}
	return s, nil
}

// ResultToOpen is the consolidated database the committee's window opens:
// the current term's result, else the newest term's; "" before the first
// consolidation into a term.
func (c *Committee) ResultToOpen() (string, error) {
	terms, err := c.Terms()
	if err != nil || len(terms) == 0 {
		return "", err
	}
	for _, t := range terms {
		if t.Current {
			return t.Path, nil
		}
	}
	return terms[0].Path, nil
}
