package sheets

import (
	"context"
	"strconv"

	"dangjian/data"
)

func itoa(n int) string { return strconv.Itoa(n) }

// memberIndex finds members by 公民身份号码, preferring those on the rolls.
type memberIndex map[string]*data.Member

func loadMemberIndex(ctx context.Context, tx *data.Tx) (memberIndex, error) {
	idx := memberIndex{}
	err := tx.Members.Each(ctx, func(m *data.Member) error {
		if old, ok := idx[m.IDNumber]; !ok || (!old.Active() && m.Active()) {
			idx[m.IDNumber] = m
		}
		return nil
	})
	return idx, err
}

// member reads the row's 公民身份号码 and 姓名 and returns the member they
// name, or nil with a problem recorded.
func (idx memberIndex) member(r *row) *data.Member {
	id := r.idNumber("公民身份号码")
	name := r.text("姓名")
	if id == "" {
		return nil
	}
	m, ok := idx[id]
	if !ok {
		r.fail("公民身份号码", "本库中没有该公民身份号码的党员,请先导入党员信息")
		return nil
	}
	if name != "" && name != m.Name {
		r.fail("姓名", "与公民身份号码不符(本库中为"+m.Name+")")
		return nil
	}
	return m
}
