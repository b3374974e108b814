package documents

import (
	"bytes"
	"sort"
	"strings"

	"dangjian/data"
	"dangjian/data/hanzi"
)

// sortStroke sorts xs by the 姓氏笔画 order of name(x) (hanzi.StrokeKey,
// the one place of that order), computing each name's key once; equal
// keys fall back to hanzi.CompareStroke.
func sortStroke[T any](xs []T, name func(T) string) {
	keys := make(map[string][]byte, len(xs))
	for _, x := range xs {
		if n := name(x); keys[n] == nil {
			keys[n] = hanzi.StrokeKey(n)
		}
	}
	sort.SliceStable(xs, func(i, j int) bool {
		a, b := name(xs[i]), name(xs[j])
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c < 0
		}
		return hanzi.CompareStroke(a, b) < 0
	})
}

// sortMembers sorts members by name in 姓氏笔画 order.
func sortMembers(ms []data.Member) { sortStroke(ms, func(m data.Member) string { return m.Name }) }

// orderBy sorts xs by branch (in r.branches' order), then by name in
// 姓氏笔画 order; the same name sorts by id, so the order is stable.
func orderBy[T any](r *request, xs []T, key func(T) (branch, name, id string)) {
	rank := map[string]int{}
	for i, b := range r.branches {
		rank[b.ID] = i
	}
	branch := func(x T) string { b, _, _ := key(x); return b }
	name := func(x T) string { _, n, _ := key(x); return n }
	id := func(x T) string { _, _, i := key(x); return i }
	sort.Slice(xs, func(i, j int) bool { return id(xs[i]) < id(xs[j]) })
	sortStroke(xs, name)
	sort.SliceStable(xs, func(i, j int) bool { return rank[branch(xs[i])] < rank[branch(xs[j])] })
}

// record names a member for messages about characters that could not be
// printed: 「<支部> <姓名>(<工号或学号>)」.
func record(branch, name, staffNo string) string {
	s := strings.TrimSpace(branch + " " + name)
	if staffNo != "" {
		s += "(" + staffNo + ")"
	}
	return s
}

// branchLabels maps the covered branches' ids to their labels.
func (r *request) branchLabels() map[string]string {
	out := make(map[string]string, len(r.branches))
	for _, b := range r.branches {
		out[b.ID] = b.Label
	}
	return out
}

// formMembers returns, by id, the members of the covered branches whatever
// their status (a member transferred out keeps their records).
func (r *request) formMembers() (map[data.Ref]*data.Member, error) {
	members := map[data.Ref]*data.Member{}
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if r.inBranch(m.BranchID) {
			c := *m
			members[data.Ref(m.ID)] = &c
		}
		return nil
	})
	return members, err
}

// staffNos maps every member's id to their 工号或学号, for naming the
// records of documents built from the calculator's members.
func (r *request) staffNos() (map[string]string, error) {
	out := map[string]string{}
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		if m.StaffNo != "" {
			out[m.ID] = m.StaffNo
		}
		return nil
	})
	return out, err
}
