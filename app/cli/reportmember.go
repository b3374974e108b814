package cli

import (
	"strings"

	"dangjian/data"
	"dangjian/data/field"
)

// resolveMember finds the id of the member a --member names by 工号或学号
// or 公民身份号码; "" when none is given. No such member, or a 工号或学号
// that several members have, is refused (exit 2) without naming anyone.
func resolveMember(e *env, s *data.Store, text string) (string, int) {
	text = strings.ToUpper(field.Normalize(text))
	if text == "" {
		return "", ExitOK
	}
	var byID, byStaff []*data.Member
	err := s.Members.Each(e.ctx, func(m *data.Member) error {
		switch {
		case strings.ToUpper(m.IDNumber) == text:
			c := *m
			byID = append(byID, &c)
		case strings.ToUpper(strings.TrimSpace(m.StaffNo)) == text:
			c := *m
			byStaff = append(byStaff, &c)
		}
		return nil
	})
	if err != nil {
		return "", e.fail(ExitUsage, "无法读取党员：%v", err)
	}
	found := byID
	if len(found) == 0 {
		found = byStaff
	}
	if len(found) > 1 {
		found = onRolls(found)
	}
	switch len(found) {
	case 0:
		return "", e.fail(ExitUsage, "没有工号或学号、公民身份号码为 --member 所给取值的党员")
	case 1:
		return found[0].ID, ExitOK
	}
	if len(byID) == 0 {
		return "", e.fail(ExitUsage, "有%d名党员的工号或学号与 --member 所给的相同，请改用公民身份号码", len(found))
	}
	return "", e.fail(ExitUsage, "有%d名党员的公民身份号码与 --member 所给的相同，无法确定是哪一位", len(found))
}

// onRolls keeps the members on the rolls, or all of them when none is.
func onRolls(ms []*data.Member) []*data.Member {
	var out []*data.Member
	for _, m := range ms {
		if m.Active() {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return ms
	}
	return out
}
