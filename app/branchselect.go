package app

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// allBranches is the branch choice that shows every branch.
const allBranches = "全部支部"

// branchSelect chooses a branch by its id. It shows each branch's label
// (its name, or 「组织 · 支部」 in a database of several organizations);
// two branches with the same label stay two choices (see branchLabels).
// The screen sets OnChanged.
type branchSelect struct {
	*widget.Select
	all    string            // the first choice, every branch; "" when not offered
	ids    map[string]string // label → branch id
	labels map[string]string // branch id → label
	names  map[string]string // branch id → name
}

// newBranchSelect makes the choice; all, when not "", is a first choice
// standing for every branch, selected until the branches are set.
func newBranchSelect(all string) *branchSelect {
	b := &branchSelect{Select: widget.NewSelect(nil, nil), all: all}
	b.set(nil)
	return b
}

// set offers the branches, keeping the branch chosen when it is still
// there; otherwise every branch (when offered) or the first is chosen.
// OnChanged is not called.
func (b *branchSelect) set(refs []data.BranchRef) {
	keep := b.id()
	labels := branchLabels(refs)
	b.ids = make(map[string]string, len(refs))
	b.labels = make(map[string]string, len(refs))
	b.names = make(map[string]string, len(refs))
	var options []string
	if b.all != "" {
		options = append(options, b.all)
	}
	for i, r := range refs {
		b.ids[labels[i]], b.labels[r.ID], b.names[r.ID] = r.ID, labels[i], r.Name
		options = append(options, labels[i])
	}
	b.Options = options
	switch {
	case keep != "" && b.labels[keep] != "":
		b.Selected = b.labels[keep]
	case len(options) > 0:
		b.Selected = options[0]
	default:
		b.Selected = ""
	}
	b.Refresh()
}

// id is the id of the branch chosen; "" for every branch, or none.
func (b *branchSelect) id() string { return b.ids[b.Selected] }

// name is the name of the branch chosen; "" for every branch, or none.
func (b *branchSelect) name() string { return b.names[b.id()] }

// choose selects the branch with the id (every branch for ""), calling
// OnChanged as a choice of the user's does.
func (b *branchSelect) choose(id string) {
	if id == "" {
		b.SetSelected(b.all)
		return
	}
	b.SetSelected(b.labels[id])
}

// branchLabels are the labels under which branches are offered, in their
// order: each branch's Label, numbered (第一党支部（2）) where several
// branches would otherwise share one, so that each stays a choice of its
// own.
func branchLabels(refs []data.BranchRef) []string {
	count := map[string]int{}
	for _, r := range refs {
		count[r.Label]++
	}
	seen := map[string]int{}
	labels := make([]string, len(refs))
	for i, r := range refs {
		labels[i] = r.Label
		if count[r.Label] > 1 {
			seen[r.Label]++
			labels[i] += "（" + strconv.Itoa(seen[r.Label]) + "）"
		}
	}
	return labels
}

// branchRefOptions are the branches as choices of a form's reference
// field, under branchLabels.
func branchRefOptions(refs []data.BranchRef) []refOption {
	labels := branchLabels(refs)
	opts := make([]refOption, len(refs))
	for i, r := range refs {
		opts[i] = refOption{r.ID, labels[i]}
	}
	return opts
}
