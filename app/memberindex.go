package app

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"dangjian/data"
	"dangjian/data/hanzi"
)

// memberEntry is one member as the pickers find them: by 姓名, 拼音首字母,
// full 拼音 or 工号或学号, shown with the branch.
type memberEntry struct {
	id, name, staffNo string
	initials, pinyin  string // lower-case, for typed letters
	lowerStaff        string
	branchID, branch  string // the branch's id and label (「组织 · 支部」 where several)
	groupID, group    string // 党小组, "" when none
	status            string
	active            bool   // on the rolls
	shown             string // the label given, for members known only by one
	order             string // hanzi.PinyinKey of the name
	branchOrder       int    // the branch's place in the store's order
}

// label is how a picker shows the member: 姓名 · 工号 · 支部, and the
// status of a member no longer on the rolls.
func (e *memberEntry) label() string {
	if e.shown != "" {
		return e.shown
	}
	parts := []string{e.name}
	if e.staffNo != "" {
		parts = append(parts, e.staffNo)
	}
	if e.branch != "" {
		parts = append(parts, e.branch)
	}
	s := strings.Join(parts, " · ")
	if !e.active && e.status != "" {
		s += "（" + e.status + "）"
	}
	return s
}

// groupOption is a 党小组 with its branch, for the attendee picker.
type groupOption struct {
	id, label, branchID string
}

// memberIndex is every member of the database, ordered by branch then by
// 姓名 in 拼音 order, with what searching needs precomputed. It is built
// off the UI goroutine and not changed afterwards, so that pickers on the
// UI goroutine read it without locks.
type memberIndex struct {
	members  []memberEntry
	byID     map[string]int
	branches []refOption   // in the store's order
	groups   []groupOption // by branch, then name
}

// buildMemberIndex reads the members, branches and 党小组.
func buildMemberIndex(ctx context.Context, store *data.Store) (*memberIndex, error) {
	refs, err := store.BranchRefs(ctx)
	if err != nil {
		return nil, err
	}
	x := &memberIndex{}
	branchOrder := make(map[string]int, len(refs))
	labels := make(map[string]string, len(refs))
	for i, b := range branchRefOptions(refs) {
		branchOrder[b.ID], labels[b.ID] = i, b.Label
		x.branches = append(x.branches, b)
	}
	groups, err := store.GroupsInOrder(ctx)
	if err != nil {
		return nil, err
	}
	groupNames := make(map[string]string, len(groups))
	for _, g := range groups {
		groupNames[g.ID] = g.Name
		x.groups = append(x.groups, groupOption{id: g.ID, label: g.Name, branchID: string(g.BranchID)})
	}
	sort.SliceStable(x.groups, func(i, j int) bool {
		return branchOrder[x.groups[i].branchID] < branchOrder[x.groups[j].branchID]
	})
	// Each, not List: the entries are made as the rows are read, without
	// holding 5,000 whole member records.
	err = store.Members.Each(ctx, func(m *data.Member) error {
		x.members = append(x.members, memberEntry{
			id: m.ID, name: m.Name, staffNo: m.StaffNo, lowerStaff: strings.ToLower(m.StaffNo),
			initials: strings.ToLower(hanzi.Initials(m.Name)), pinyin: strings.ToLower(hanzi.Pinyin(m.Name)),
			branchID: string(m.BranchID), branch: labels[string(m.BranchID)],
			groupID: string(m.GroupID), group: groupNames[string(m.GroupID)],
			status: m.Status, active: m.Active(), order: hanzi.PinyinKey(m.Name), branchOrder: branchOrder[string(m.BranchID)],
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(x.members, func(a, b memberEntry) int {
		if a.branchOrder != b.branchOrder {
			return a.branchOrder - b.branchOrder
		}
		return strings.Compare(a.order, b.order)
	})
	x.byID = make(map[string]int, len(x.members))
	for i := range x.members {
		x.byID[x.members[i].id] = i
	}
	return x, nil
}

// indexOfOptions is an index of members known only as reference choices
// (id and label, the label beginning with the 姓名 up to a bracket), for
// a form given choices rather than its window's member index.
func indexOfOptions(opts []refOption) *memberIndex {
	x := &memberIndex{members: make([]memberEntry, len(opts)), byID: make(map[string]int, len(opts))}
	for i, o := range opts {
		name := o.Label
		if cut := strings.IndexAny(name, "(（[ "); cut > 0 {
			name = name[:cut]
		}
		x.members[i] = memberEntry{id: o.ID, name: name, shown: o.Label, active: true,
			initials: strings.ToLower(hanzi.Initials(name)), pinyin: strings.ToLower(hanzi.Pinyin(name))}
		x.byID[o.ID] = i
	}
	return x
}

// get returns the member with the id.
func (x *memberIndex) get(id string) (*memberEntry, bool) {
	if x == nil {
		return nil, false
	}
	i, ok := x.byID[id]
	if !ok {
		return nil, false
	}
	return &x.members[i], true
}

// memberFilter narrows a search: a branch, a 党小组, members on the
// rolls only.
type memberFilter struct {
	branchID, groupID string
	activeOnly        bool
}

// search returns the positions of the members matching q, best first: an
// exact 姓名 or 工号, then a beginning of 姓名, 拼音首字母, 拼音 or 工号, then
// 姓名 or 工号 containing q; members on the rolls before the others, each
// group in the index's order. q empty matches every member the filter
// keeps. limit > 0 stops at that many.
func (x *memberIndex) search(q string, f memberFilter, limit int) []int {
	if x == nil {
		return nil
	}
	q = strings.ToLower(strings.Join(strings.Fields(q), ""))
	var ranks [6][]int // rank*2 + (1 when not on the rolls)
	for i := range x.members {
		e := &x.members[i]
		if f.branchID != "" && e.branchID != f.branchID || f.groupID != "" && e.groupID != f.groupID ||
			f.activeOnly && !e.active {
			continue
		}
		r := matchRank(e, q)
		if r < 0 {
			continue
		}
		if !e.active {
			r = r*2 + 1
		} else {
			r *= 2
		}
		if limit > 0 && r == 0 && len(ranks[0]) >= limit {
			break
		}
		ranks[r] = append(ranks[r], i)
	}
	var out []int
	for _, r := range ranks {
		for _, i := range r {
			if limit > 0 && len(out) >= limit {
				return out
			}
			out = append(out, i)
		}
	}
	return out
}

// matchRank is how well e matches the lower-case query: 0 exact, 1 a
// beginning, 2 contained, -1 not at all.
func matchRank(e *memberEntry, q string) int {
	switch {
	case q == "":
		return 0
	case e.name == q || e.lowerStaff == q:
		return 0
	case strings.HasPrefix(e.name, q), strings.HasPrefix(e.initials, q), strings.HasPrefix(e.pinyin, q),
		strings.HasPrefix(e.lowerStaff, q):
		return 1
	case strings.Contains(e.name, q), e.lowerStaff != "" && strings.Contains(e.lowerStaff, q):
		return 2
	}
	return -1
}

// memberDirectory keeps a UI's member index. Each use hands over the index
// last built at once, and checks in the background whether members,
// branches or 党小组 changed since (the newest write to each); when they
// did, the index is rebuilt and handed over again. Used on the UI
// goroutine only.
type memberDirectory struct {
	u        *UI
	store    *data.Store // the store the index was read from
	index    *memberIndex
	stamp    string
	checking bool
	again    bool // a use came while checking: check once more after
	waiting  []func(*memberIndex)
	// stampOf reads the stamp of the members (memberStamp; tests make it
	// fail).
	stampOf func(context.Context, *data.Store) (string, error)
}

// memberDirectoryKey is the directory's name among the UI's built parts.
const memberDirectoryKey = "memberDirectory"

// memberDirectory is the UI's member index, made on first use.
func (u *UI) memberDirectory() *memberDirectory {
	if d, ok := u.built[memberDirectoryKey].(*memberDirectory); ok {
		return d
	}
	d := &memberDirectory{u: u, stampOf: memberStamp}
	u.keep(memberDirectoryKey, d)
	return d
}

// use calls f with the index at once when one was built, and again with a
// fresher one once members, branches or 党小组 are found changed.
func (d *memberDirectory) use(f func(*memberIndex)) {
	if d.index != nil && d.store == d.u.store {
		f(d.index)
	}
	d.waiting = append(d.waiting, f)
	d.check()
}

// current is the index last built for the UI's store, nil before.
func (d *memberDirectory) current() *memberIndex {
	if d.store != d.u.store {
		return nil
	}
	return d.index
}

// check rebuilds the index off the UI goroutine when it is stale. The
// uses waiting when a check starts are its own: they get what it finds
// (the index they have when it is unchanged); uses that come while it runs
// wait for the next check, which reads the members after them. A check
// that fails keeps its waiters for the next one, so that a picker opened
// before the first index is not left without one.
func (d *memberDirectory) check() {
	if d.checking {
		d.again = true
		return
	}
	d.checking, d.again = true, false
	store, known, stamp := d.u.store, d.index != nil && d.store == d.u.store, d.stamp
	mine, stampOf := d.waiting, d.stampOf
	d.waiting = nil
	type result struct {
		index *memberIndex
		stamp string
	}
	async(d.u, func() (result, error) {
		ctx := context.Background()
		now, err := stampOf(ctx, store)
		if err != nil || known && now == stamp {
			return result{}, err
		}
		x, err := buildMemberIndex(ctx, store)
		return result{x, now}, err
	}, func(r result, err error) {
		d.checking = false
		switch {
		case store != d.u.store:
			// Another database is open: its uses are for its own index.
		case err != nil:
			d.waiting = append(mine, d.waiting...)
		case r.index != nil:
			d.store, d.index, d.stamp = store, r.index, r.stamp
			for _, f := range mine {
				f(r.index)
			}
		case d.index != nil:
			// Unchanged: a use that came while the first index was being
			// built has none yet; one that has it gets the same again.
			for _, f := range mine {
				f(d.index)
			}
		}
		if d.again {
			d.check()
		}
	})
}

// memberStamp names the newest write to members, branches and 党小组
// (deletions and restores included): a different stamp means the index
// may be stale.
func memberStamp(ctx context.Context, store *data.Store) (string, error) {
	newest := data.OrderBy(data.Desc("updated_at"), data.Desc("version"))
	var b strings.Builder
	members, err := store.Members.List(ctx, data.WithDeleted(), newest, data.Page(1, 0))
	if err != nil {
		return "", err
	}
	for _, m := range members {
		fmt.Fprint(&b, m.ID, m.Version, m.UpdatedAt.UnixNano(), ";")
	}
	branches, err := store.Branches.List(ctx, data.WithDeleted(), newest, data.Page(1, 0))
	if err != nil {
		return "", err
	}
	for _, m := range branches {
		fmt.Fprint(&b, m.ID, m.Version, m.UpdatedAt.UnixNano(), ";")
	}
	groups, err := store.Groups.List(ctx, data.WithDeleted(), newest, data.Page(1, 0))
	if err != nil {
		return "", err
	}
	for _, m := range groups {
		fmt.Fprint(&b, m.ID, m.Version, m.UpdatedAt.UnixNano(), ";")
	}
	return b.String(), nil
}
