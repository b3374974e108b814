package appcore

import (
	"context"
	"time"

	"dangjian/data"
	"dangjian/data/committeedb"
	"dangjian/data/localfs"
	"dangjian/data/rules"
	"dangjian/reports/documents"
	snapshot "dangjian/sync"
)

// CommitteeDocumentInput gathers what the committee's documents take from
// outside the consolidated database s: the cross-organization findings
// with their keys (rules.KeyedCrossOrgFindings, checked as a consolidation
// checks them: as of now, or for a term's result as of its consolidation
// with the snapshots merged into it), the committee's 处理情况 (its own
// database, committeedb), the enrolled organizations' names, and each
// organization's snapshots of the term, and the term's year (the one most
// of it falls in). term is the result s was opened from; nil for a
// database outside the committee's terms.
func CommitteeDocumentInput(ctx context.Context, c *snapshot.Committee, s *data.Store, term *snapshot.TermResult,
	now time.Time) (documents.CommitteeOptions, error) {
	var o documents.CommitteeOptions
	views, err := c.Orgs()
	if err != nil {
		return o, err
	}
	merged := map[string]snapshot.TermSource{}
	if term != nil {
		o.Term, o.TermLabel = term.Term, term.Label
		if t, err := snapshot.ParseTerm(term.Term); err == nil {
			o.Year = t.Year() // the term's statistics are of the year most of it falls in
		}
		for _, src := range term.Sources.Orgs {
			merged[src.Org] = src
		}
		if !term.Current && !term.When.IsZero() {
			now = term.When
		}
	}
	f, err := s.CrossOrgFacts(ctx)
	if err != nil {
		return o, err
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	f.AsOf, f.TermStart, f.DefaultValidDays = day, rules.TermStart(day), rules.DefaultSettings().TransferValidDays
	o.OrgNames = map[string]string{}
	for _, v := range views {
		x := rules.XOrg{ID: v.Public.OrgID, Name: v.Public.OrgName}
		if v.Accepted != nil {
			x.LastSnapshot = v.Accepted.Manifest.CreatedAt
		}
		if term != nil && !term.Current {
			switch src, ok := merged[x.ID]; {
			case !ok || src.Seq == 0:
				x.LastSnapshot = time.Time{} // none merged into that term
			case v.Accepted == nil || v.Accepted.Seq != src.Seq:
				x.LastSnapshot = now // merged then; its manifest is no longer kept
			}
		}
		f.Orgs = append(f.Orgs, x)
		o.OrgNames[x.ID] = x.Name
	}
	o.Findings = rules.KeyedCrossOrgFindings(f)
	db, err := committeedb.Open(ctx, c.Dir)
	if err != nil {
		return o, err
	}
	defer db.Close()
	if o.Notes, err = db.NoteTexts(ctx); err != nil {
		return o, err
	}
	o.Chains = termChains(views, term)
	return o, nil
}

// termChains is each organization's snapshots of the term as the
// committee saw them: the one merged into the term's result, and a newer
// one checked and refused after it, with when it was made when the
// committee still keeps its manifest.
func termChains(views []snapshot.OrgView, term *snapshot.TermResult) map[string][]documents.ChainLink {
	out := map[string][]documents.ChainLink{}
	if term == nil {
		return out
	}
	accepted := map[string]*snapshot.Accepted{}
	for _, v := range views {
		accepted[v.Public.OrgID] = v.Accepted
	}
	for _, src := range term.Sources.Orgs {
		var chain []documents.ChainLink
		if src.Seq > 0 {
			l := documents.ChainLink{Seq: src.Seq, ManifestSHA256: src.ManifestSHA256, Status: "已汇总"}
			if a := accepted[src.Org]; a != nil && a.Seq == src.Seq {
				l.Time = a.Manifest.CreatedAt.Local()
			}
			chain = append(chain, l)
		}
		if src.Status == snapshot.StatusRejected && src.CheckedSeq > src.Seq {
			status := snapshot.StatusText(src.Status)
			if src.Reason != "" {
				status += "：" + src.Reason
			}
			chain = append(chain, documents.ChainLink{Seq: src.CheckedSeq, Status: status})
		}
		if len(chain) > 0 {
			out[src.Org] = chain
		}
	}
	return out
}

// TermOf is the committee's term result whose database is the file at
// path (the one a window opened), nil when path is no term's result.
func TermOf(c *snapshot.Committee, path string) *snapshot.TermResult {
	terms, err := c.Terms()
	if err != nil {
		return nil
	}
	for i := range terms {
		if localfs.SamePath(terms[i].Path, path) {
			return &terms[i]
		}
	}
	return nil
}
