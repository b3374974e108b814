package snapshot

import (
	"context"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/hanzi"
)

// TaskProgress is, for one task the committee published, which enrolled
// organizations marked it done (as their snapshots in the consolidated
// database say) and which have not.
type TaskProgress struct {
	Task    Publication // the task as last published under its id
	Done    []data.TaskCompletion
	NotDone []OrgRef // enrolled organizations without a completion, by name
}

// OrgRef names an enrolled organization.
type OrgRef struct {
	OrgID   string `json:"org_id"`
	OrgName string `json:"org_name"`
}

// TaskProgress lists the committee's tasks, newest first, each with the
// organizations that did it (from merged, the consolidated database; nil
// counts no completion) and the enrolled ones that have not.
func (c *Committee) TaskProgress(ctx context.Context, merged *data.Store) ([]TaskProgress, error) {
	pubs, err := c.Publications()
	if err != nil {
		return nil, err
	}
	orgs, err := c.Orgs()
	if err != nil {
		return nil, err
	}
	var done []data.TaskCompletion
	if merged != nil {
		if done, err = merged.TaskCompletions(ctx); err != nil {
			return nil, err
		}
	}
	enrolled := map[string]bool{}
	for _, o := range orgs {
		enrolled[o.Public.OrgID] = true
	}
	byTask := map[string][]data.TaskCompletion{}
	for _, d := range done {
		byTask[d.TaskID] = append(byTask[d.TaskID], d)
	}
	seen := map[string]bool{}
	var out []TaskProgress
	for i := len(pubs) - 1; i >= 0; i-- {
		p := pubs[i]
		if p.Body.Kind != data.ChannelTask || seen[p.Body.TaskID] {
			continue
		}
		seen[p.Body.TaskID] = true
		tp := TaskProgress{Task: p}
		doneBy := map[string]bool{}
		for _, d := range byTask[p.Body.TaskID] {
			if enrolled[d.OrgID] {
				tp.Done = append(tp.Done, d)
				doneBy[d.OrgID] = true
			}
		}
		for _, o := range orgs {
			if !doneBy[o.Public.OrgID] {
				tp.NotDone = append(tp.NotDone, OrgRef{OrgID: o.Public.OrgID, OrgName: o.Public.OrgName})
			}
		}
		slices.SortFunc(tp.NotDone, func(a, b OrgRef) int {
			if c := hanzi.CompareLabel(a.OrgName, b.OrgName); c != 0 {
				return c
			}
			return strings.Compare(a.OrgID, b.OrgID)
		})
		out = append(out, tp)
	}
	return out, nil
}
