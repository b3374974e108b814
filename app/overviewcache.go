package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/committeedb"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// orgSummary is one organization's figures of a year in one line, as the
// 全校概览 shows them and the committee's database keeps them.
type orgSummary struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Summary rules.Summary `json:"summary"`
	AsOf    time.Time     `json:"as_of"` // the day the figures are as of
}

// computeSummaries computes each organization's summary of year as of
// asOf from the consolidated database (data.Store.OrgFigures, each under
// its own settings; rules.Summary), in the order OrgFigures gives,
// telling progress after each organization.
func computeSummaries(ctx context.Context, store *data.Store, year int, asOf time.Time,
	progress func(done, total int)) ([]orgSummary, error) {
	figs, err := store.OrgFigures(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	out := make([]orgSummary, 0, len(figs))
	for i, f := range figs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, orgSummary{ID: f.Org.ID, Name: f.Org.Name, Summary: f.Figures.Summary(), AsOf: asOf})
		if progress != nil {
			progress(i+1, len(figs))
		}
	}
	return out, nil
}

// summariesOf is computeSummaries kept in the committee's database: a
// result of a term does not change, so its figures of a year as of a day,
// computed by this program once, are read back the next time instead of
// computed again (the 全校概览 of 60 organizations opens at once). Without
// a committee, or when the database cannot be used, it computes.
func summariesOf(ctx context.Context, c *snapshot.Committee, store *data.Store, term *snapshot.TermResult,
	year int, asOf time.Time, progress func(done, total int)) ([]orgSummary, error) {
	key, ok := figuresKey(store.Path(), term, year, asOf)
	if c == nil || !ok {
		return computeSummaries(ctx, store, year, asOf, progress)
	}
	db, err := committeedb.Open(ctx, c.Dir)
	if err != nil {
		return computeSummaries(ctx, store, year, asOf, progress)
	}
	defer db.Close()
	if kept, ok, err := db.CachedFigures(ctx, key); err == nil && ok {
		if out, err := decodeSummaries(kept); err == nil {
			return out, nil
		}
	}
	out, err := computeSummaries(ctx, store, year, asOf, progress)
	if err != nil {
		return nil, err
	}
	byOrg := map[string][]byte{}
	for _, s := range out {
		b, err := json.Marshal(s)
		if err != nil {
			return out, nil
		}
		byOrg[s.ID] = b
	}
	db.CacheFigures(ctx, key, byOrg) // a failure only costs the next open its speed
	if latest, ok := figuresKey(store.Path(), term, year, time.Time{}); ok {
		db.CacheFigures(ctx, latest, byOrg) // the day's, shown while a later day's compute
	}
	return out, nil
}

// keptSummariesOf is the newest figures summariesOf kept of the result and
// year, of whatever day, and that day: shown at once while the figures of
// a later day are computed. False when none are kept.
func keptSummariesOf(ctx context.Context, c *snapshot.Committee, store *data.Store, term *snapshot.TermResult,
	year int) ([]orgSummary, time.Time, bool) {
	latest, ok := figuresKey(store.Path(), term, year, time.Time{})
	if c == nil || !ok {
		return nil, time.Time{}, false
	}
	db, err := committeedb.Open(ctx, c.Dir)
	if err != nil {
		return nil, time.Time{}, false
	}
	defer db.Close()
	kept, ok, err := db.CachedFigures(ctx, latest)
	if err != nil || !ok {
		return nil, time.Time{}, false
	}
	out, err := decodeSummaries(kept)
	if err != nil || len(out) == 0 || out[0].AsOf.IsZero() {
		return nil, time.Time{}, false
	}
	return out, out[0].AsOf, true
}

// decodeSummaries reads kept summaries back, ordered by name as
// OrgFigures orders them.
func decodeSummaries(kept map[string][]byte) ([]orgSummary, error) {
	out := make([]orgSummary, 0, len(kept))
	for _, b := range kept {
		var s orgSummary
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	sortSummaries(out)
	return out, nil
}

// figuresKey names what figures are computed from: the consolidated
// database (its path, size and time, and for a term's result the term and
// when its consolidation ran: each result has a file of its own), the
// year and day, and this program's file (another build may compute
// otherwise). False when one of them cannot be told.
func figuresKey(path string, term *snapshot.TermResult, year int, asOf time.Time) (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	self, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	source := fmt.Sprintf("%d/%d", st.Size(), st.ModTime().UnixNano())
	if term != nil {
		source += "/" + term.Term + "/" + term.When.UTC().Format(time.RFC3339Nano)
	}
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%s\x00%d/%d", abs, source, year,
		asOf.Format(time.DateOnly), exe, self.Size(), self.ModTime().UnixNano())))
	return "overview:" + hex.EncodeToString(h[:16]), true
}

// sortSummaries orders summaries as OrgFigures orders organizations: by
// name (hanzi.CompareLabel), then id.
func sortSummaries(s []orgSummary) {
	slices.SortFunc(s, func(a, b orgSummary) int {
		if c := hanzi.CompareLabel(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
