package rules

// Together is the figures of facts that hold several organizations (a
// consolidated database), made of each organization's own figures
// (parts, each of its facts ForOrg under its own settings): the whole's
// findings, scores, tallies, 党费 ledger, training hours and meetings are
// its organizations', in the order of parts, and its Summary their sum,
// so that the university's figures are the sum of its organizations' and
// no organization is judged by another's thresholds or against another's
// rows. What the facts alone tell (Member, OnRolls, MeetingRolls,
// PartyStats) is read over the whole. Settings is the organizations'
// settings when they all have the same, else the defaults. With fewer
// than two parts the figures are those of f under the part's settings.
func Together(f *Facts, parts []*Figures) *Figures {
	common := DefaultSettings()
	for i, p := range parts {
		if i == 0 {
			common = p.Settings()
		} else if p.Settings() != common {
			common = DefaultSettings()
			break
		}
	}
	g := NewFigures(f, common)
	if len(parts) > 1 {
		g.parts = parts
	}
	return g
}

// findingsOfParts is Findings of figures made Together: rule by rule,
// each organization's in turn.
func (g *Figures) findingsOfParts() []Finding {
	n := 0
	for r := range numRules {
		for _, p := range g.parts {
			n += len(p.e.run(r))
		}
	}
	out := make([]Finding, 0, n)
	for r := range numRules {
		for _, p := range g.parts {
			out = append(out, p.e.results[r]...)
		}
	}
	return out
}

// ledgerOfParts is the 党费 ledger of figures made Together: each
// organization's lines and branches, and the sum of their totals.
func (g *Figures) ledgerOfParts() *DuesLedger {
	if g.ledger != nil {
		return g.ledger
	}
	l := &DuesLedger{Year: g.e.f.Year, Branches: map[string]DuesTotals{}, byMember: map[string]*DuesLine{}}
	for _, p := range g.parts {
		pl := p.DuesLedger()
		l.Lines = append(l.Lines, pl.Lines...)
		for id, t := range pl.Branches {
			l.Branches[id] = t
		}
		for id, line := range pl.byMember {
			l.byMember[id] = line
		}
		l.Org.plus(pl.Org)
	}
	g.ledger = l
	return l
}

// plus adds o's totals to t.
func (t *DuesTotals) plus(o DuesTotals) {
	t.Members += o.Members
	t.Owing += o.Owing
	t.Due += o.Due
	t.Paid += o.Paid
	t.Arrears += o.Arrears
}
