package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// PledgeRule (PLEDGE, the policy §四(二)): once the PledgeBy day of the
// year has passed, each member without a 承诺 for the year made public by
// that day (one made later is told as late); once the year has ended, each
// 承诺 of the year without its 践诺 review. Members who came under the
// organization after the day, or whose organization's records begin after
// it, are not checked for the day. An organization with no 承诺 recorded
// for the year at all (a database from before they were recorded) is told
// once per branch, not once per member.
func PledgeRule(f *Facts, s Settings) []Finding { return runOne(f, s, rPledge) }

// VolunteerRule (VOLUNTEER, the policy §四(二)): members whose 志愿服务
// hours in the year are below the VolunteerHours of their 人员类别 (0: not
// checked), prorated by month as TRAIN-32 for members who came during the
// year, checked once a counted month has ended.
func VolunteerRule(f *Facts, s Settings) []Finding { return runOne(f, s, rVolunteer) }

// LeaderLinkRule (LEADER-LINK, the policy §五(二)): each 党员领导干部
// without a 联系点 of kind 支部 or of kind 班级 in force during the year, and
// each 联系点 visited fewer than LeaderVisits times in the year (liaison
// logs), one finding per gap. Not checked for a year before the
// organization's records begin.
func LeaderLinkRule(f *Facts, s Settings) []Finding { return runOne(f, s, rLeaderLink) }

// pledgeDay is the PledgeBy day of the checked year.
func (e *engine) pledgeDay() time.Time {
	md := e.s.PledgeBy
	if md <= 0 {
		md = DefaultSettings().PledgeBy
	}
	return time.Date(e.f.Year, time.Month(md/100), md%100, 0, 0, 0, 0, time.UTC)
}

func (e *engine) pledge() []Finding {
	type state struct {
		first    time.Time // the earliest 承诺 of the year
		any      bool
		reviewed bool // every 承诺 of the year is reviewed
	}
	per := make(map[string]*state, len(e.f.Pledges))
	for _, p := range e.f.Pledges {
		st := per[p.MemberID]
		if st == nil {
			st = &state{reviewed: true}
			per[p.MemberID] = st
		}
		pd := civil(p.Pledged)
		if !st.any || pd.Before(st.first) {
			st.first = pd
		}
		st.any = true
		st.reviewed = st.reviewed && p.Reviewed
	}
	// Organizations with a 承诺 of the year recorded: one without any
	// (a database from before 承诺 were recorded) is told once per branch.
	recorded := make(map[string]bool)
	for _, p := range e.f.Pledges {
		if m := e.members[p.MemberID]; m != nil {
			recorded[m.OrgID] = true
		}
	}
	by := e.pledgeDay()
	due := by.Before(e.cal.asOf)
	y := e.cal.yearText()
	var out []Finding
	told := make(map[string]bool)
	for _, m := range e.active {
		st := per[m.ID]
		if due && !since(m).After(by) && !monthStart(e.cov(m.OrgID).start()).After(by) {
			switch {
			case st == nil && !recorded[m.OrgID]:
				if b := e.branches[m.BranchID]; b != nil && !told[b.ID] {
					told[b.ID] = true
					out = append(out, branchFinding(rPledge, b, fmt.Sprintf("本年度尚无党员公开承诺记录（应于%d月%d日前公开承诺）",
						int(by.Month()), by.Day())))
				}
			case st == nil:
				out = append(out, e.memberFinding(rPledge, m, fmt.Sprintf("%s未在%d月%d日前公开承诺",
					y, int(by.Month()), by.Day())))
			case st.first.After(by):
				out = append(out, e.memberFinding(rPledge, m, fmt.Sprintf("%s公开承诺于%s，晚于%d月%d日",
					y, dateText(st.first), int(by.Month()), by.Day())))
			}
		}
		if e.cal.yearEnded && st != nil && !st.reviewed {
			out = append(out, e.memberFinding(rPledge, m, y+"承诺尚未践诺评议"))
		}
	}
	return out
}

func (e *engine) volunteer() []Finding {
	hours := make(map[string]int64, len(e.f.Volunteer))
	for _, v := range e.f.Volunteer {
		hours[v.MemberID] += int64(math.Round(v.Hours * 100))
	}
	var out []Finding
	for _, m := range e.active {
		i := slices.Index(vocab.PersonTypes, m.PersonType)
		if i < 0 || i >= numPersonTypes {
			i = slices.Index(vocab.PersonTypes, vocab.PersonOther)
		}
		full := e.s.VolunteerHours[i]
		if full <= 0 {
			continue
		}
		st := countFrom(m, e.cov(m.OrgID).start())
		if !e.trainingCounted(st) {
			continue
		}
		required, months := e.prorated(full, st)
		got := hours[m.ID]
		if got >= int64(required)*100 {
			continue
		}
		detail := fmt.Sprintf("%s志愿服务%s小时，不足%d小时", e.cal.yearText(), formatNumber(float64(got)/100), required)
		if months < 12 {
			detail += fmt.Sprintf("（%d月起按%d个月折算）", 12-months+1, months)
		}
		out = append(out, e.memberFinding(rVolunteer, m, detail))
	}
	return out
}

// leaderLinkKinds are the kinds of 联系点, as findings name them.
var leaderLinkKinds = []struct {
	kind vocab.LiaisonKind
	text string
}{{vocab.LiaisonBranch, "党支部"}, {vocab.LiaisonClass, string(vocab.LiaisonClass)}}

func (e *engine) leaderLink() []Finding {
	jan := time.Date(e.f.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	links := make(map[string][]LeaderLink)
	seen := make(map[string]bool, len(e.f.LeaderLinks))
	for _, l := range e.f.LeaderLinks {
		if seen[l.ID] && l.ID != "" {
			continue
		}
		seen[l.ID] = true
		// In force during the year, and begun by the reference day.
		if civil(l.Since).After(e.ref) || (!l.Until.IsZero() && civil(l.Until).Before(jan)) {
			continue
		}
		links[l.MemberID] = append(links[l.MemberID], l)
	}
	y := e.cal.yearText()
	var out []Finding
	for _, m := range e.active {
		if !m.IsLeader || e.ref.Before(monthStart(e.cov(m.OrgID).start())) {
			continue
		}
		for _, k := range leaderLinkKinds {
			n := 0
			for _, l := range links[m.ID] {
				if l.Kind != k.kind {
					continue
				}
				n++
				if l.Visits < e.s.LeaderVisits {
					out = append(out, e.memberFinding(rLeaderLink, m, fmt.Sprintf("%s到联系%s“%s”%d次，%s达到%d次",
						y, k.text, strings.TrimSpace(l.Contact), l.Visits, e.cal.notYet(), e.s.LeaderVisits)))
				}
			}
			if n == 0 {
				out = append(out, e.memberFinding(rLeaderLink, m, y+"未确定联系"+k.text))
			}
		}
	}
	return out
}
