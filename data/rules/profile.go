package rules

import (
	"strings"

	"dangjian/data/vocab"
)

// Profile (PROFILE): each member on the rolls whose record lacks what the
// 全国党员管理信息系统 requires — 民族, 学历, 籍贯, 出生日期, 入党日期,
// 人员类别, 联系电话, 工作单位及职务 (or 单位职务或院系班级), 户籍所在地,
// 现居住地, and for a member out of contact (marked 失联党员 or with a 失联日期
// or 失联情形 on the record, or with an open 失联 episode) 失联情形 and
// 失联日期, which an open 失联 episode's circumstances and start also
// give — one finding per member listing
// what is missing. PROFILE does not lower the score: it is about the
// record, not about the branch's work.
func Profile(f *Facts, s Settings) []Finding { return runOne(f, s, rProfile) }

func (e *engine) profile() []Finding {
	lost := e.openEpisodes(vocab.EpisodeLost)
	var out []Finding
	for _, m := range e.active {
		var missing []string
		need := func(ok bool, what string) {
			if !ok {
				missing = append(missing, what)
			}
		}
		need(strings.TrimSpace(m.Ethnicity) != "", "民族")
		need(m.Education != "", "学历")
		need(m.HasNativePlace, "籍贯")
		need(!m.Birth.IsZero(), "出生日期")
		need(!m.Joined.IsZero(), "入党日期")
		need(m.PersonType != "", "人员类别")
		need(m.HasPhone, "联系电话")
		need(m.HasWorkUnit || m.HasPosition, "工作单位及职务")
		need(m.HasHousehold, "户籍所在地")
		need(m.HasResidence, "现居住地")
		if eps := lost[m.ID]; lostMarked(m) || len(eps) > 0 {
			circumstances := m.HasLostCircumstance
			for _, ep := range eps {
				circumstances = circumstances || ep.Circumstances
			}
			need(circumstances, "失联情形")
			need(!m.LostDate.IsZero() || len(eps) > 0, "失联日期")
		}
		if len(missing) > 0 {
			out = append(out, e.memberFinding(rProfile, m, "缺少"+strings.Join(missing, "、")))
		}
	}
	return out
}
