package sheets

import (
	"context"
	"strconv"

	"dangjian/data"
)

func itoa(n int) string { return strconv.Itoa(n) }

// memberIndex finds members by 公民身份号码, preferring those on the rolls,
// and by row id.
type memberIndex struct {
	byNumber map[string]*data.Member
	byID     map[string]*data.Member
}

func loadMemberIndex(ctx context.Context, tx *data.Tx) (memberIndex, error) {
	idx := memberIndex{byNumber: map[string]*data.Member{}, byID: map[string]*data.Member{}}
	err := tx.Members.Each(ctx, func(m *data.Member) error {
		idx.byID[m.ID] = m
		if old, ok := idx.byNumber[m.IDNumber]; !ok || (!old.Active() && m.Active()) {
			idx.byNumber[m.IDNumber] = m
		}
		return nil
	})
	return idx, err
}

// samePerson reports whether two member rows are the same person (one may
// be an old row of someone who left and came back).
func (idx memberIndex) samePerson(a, b string) bool {
	ma, mb := idx.byID[a], idx.byID[b]
	return a == b || (ma != nil && mb != nil && ma.IDNumber == mb.IDNumber)
}

// member reads the row's 公民身份号码 and 姓名 and returns the member they
// name, or nil with a problem recorded.
func (idx memberIndex) member(r *row) *data.Member {
	id := r.idNumber("公民身份号码")
	name := r.name("姓名")
	if id == "" {
		return nil
	}
	m, ok := idx.byNumber[id]
	if !ok {
		r.fail("公民身份号码", "本库中没有该公民身份号码的党员，请先导入党员信息")
		return nil
	}
	if name != "" && name != m.Name {
		r.fail("姓名", "与公民身份号码不符（本库中为"+m.Name+"）")
		return nil
	}
	return m
}

// rowKeys remembers which sheet row gave each natural key, so that a key
// given twice in one sheet is reported instead of the last row winning.
type rowKeys map[string]int

// claim records key for row r; a key an earlier row gave is a problem on col.
func (k rowKeys) claim(r *row, key, col string) {
	if first, dup := k[key]; dup {
		r.fail(col, "与第"+itoa(first)+"行重复")
		return
	}
	k[key] = r.num
}
