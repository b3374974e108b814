package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// KeyedFinding is a cross-organization finding with a key that stays the
// same while the facts that make it do: the committee's note on a finding
// (处理情况) is kept under this key, so that the same finding found again
// after a re-consolidation, or in the next term, keeps its note.
type KeyedFinding struct {
	CrossFinding
	// Key is the finding's kind and a hash of what identifies it: the
	// member's 公民身份号码 (never readable from the key), the transfer
	// letter's number and the organizations' ids; never the detail text,
	// which holds dates and names that change.
	Key string
	// Person is the member's name, "" for a finding about an organization.
	Person string
	// LetterNo is the transfer letter's number, "" when none is involved.
	LetterNo string
	// OrgIDs are the organizations concerned, sorted.
	OrgIDs []string
}

// KeyedCrossOrgFindings is CrossOrgFindings with each finding's key: the
// same findings, in the same order. It runs the same checks over the facts
// split by what identifies a finding (a letter and a person, a person, an
// organization), which is how each finding learns its facts.
func KeyedCrossOrgFindings(f CrossFacts) []KeyedFinding {
	var out []KeyedFinding
	part := func(edit func(*CrossFacts)) CrossFacts {
		sub := CrossFacts{AsOf: f.AsOf, TermStart: f.TermStart, DefaultValidDays: f.DefaultValidDays, Orgs: f.Orgs}
		edit(&sub)
		return sub
	}

	letters := map[string][]XTransfer{}
	var letterKeys []string
	for _, t := range f.Transfers {
		k := transferKey(t)
		if _, ok := letters[k]; !ok {
			letterKeys = append(letterKeys, k)
		}
		letters[k] = append(letters[k], t)
	}
	for _, k := range letterKeys {
		group := letters[k]
		seen := map[string]int{}
		for _, x := range transferFindings(part(func(s *CrossFacts) { s.Transfers = group })) {
			kf := KeyedFinding{CrossFinding: x, LetterNo: strings.TrimSpace(group[0].LetterNo), OrgIDs: []string{x.OrgID}}
			for _, t := range group {
				if t.OrgID == x.OrgID {
					kf.Person = t.MemberName
					break
				}
			}
			base := findingKey(x.Kind, kf.LetterNo, normalID(group[0].IDNumber), x.OrgID)
			seen[base]++
			kf.Key = base
			if n := seen[base]; n > 1 { // the same letter recorded twice by one organization
				kf.Key = fmt.Sprintf("%s-%d", base, n)
			}
			out = append(out, kf)
		}
	}

	people := map[string][]XMember{}
	var numbers []string
	for _, m := range f.Active {
		k := normalID(m.IDNumber)
		if k == "" {
			continue
		}
		if _, ok := people[k]; !ok {
			numbers = append(numbers, k)
		}
		people[k] = append(people[k], m)
	}
	for _, k := range numbers {
		group := people[k]
		for _, x := range duplicateFindings(part(func(s *CrossFacts) { s.Active = group })) {
			var orgs []string
			for _, m := range group {
				if !slices.Contains(orgs, m.OrgID) {
					orgs = append(orgs, m.OrgID)
				}
			}
			sort.Strings(orgs)
			out = append(out, KeyedFinding{CrossFinding: x, Person: group[0].Name, OrgIDs: orgs,
				Key: findingKey(x.Kind, k, strings.Join(orgs, ","))})
		}
	}

	for _, o := range f.Orgs {
		for _, x := range snapshotFindings(part(func(s *CrossFacts) { s.Orgs = []XOrg{o} })) {
			out = append(out, KeyedFinding{CrossFinding: x, OrgIDs: []string{o.ID}, Key: findingKey(x.Kind, o.ID)})
		}
	}

	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Detail < out[j].Detail
	})
	return out
}

// normalID is a 公民身份号码 as the checks compare it.
func normalID(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }

// findingKey is kind followed by a hash of the facts.
func findingKey(kind string, facts ...string) string {
	h := sha256.Sum256([]byte(kind + "\x00" + strings.Join(facts, "\x00")))
	return kind + ":" + hex.EncodeToString(h[:12])
}
