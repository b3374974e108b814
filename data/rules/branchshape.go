package rules

import (
	"fmt"
	"time"

	"dangjian/data/vocab"
)

// BranchShape (BRANCH-SHAPE, 中国共产党支部工作条例): per branch with members
// on the rolls on the reference day, fewer than three 正式党员 (a 联合党支部
// is needed), more than 50 members (it should be divided). Where the
// organization records 党内职务 (post terms) at all: seven or more 正式党员
// and no 支委会 — no 支委会 post in force and no member of the branch with a
// 班子成员's 党内职务 — (a 支部委员会 should be set up); no 书记 — no 支委会
// 书记 post in force, no member of the branch whose 党内职务 is a 书记's (not
// a 副书记's) and no 支部书记 on the branch record; and the 支委会's term,
// TermYears from its latest election (the latest election date recorded
// among its posts in force, else the earliest start among them: a 补选
// begins no new 届): ended on or before the reference day (换届 due), or
// ending within three months (a warning). A post counts only while its
// holder is on the rolls and in that branch. An organization that records
// no post terms (say, one imported from sheets) is not told per branch what
// its records cannot show.
func BranchShape(f *Facts, s Settings) []Finding { return runOne(f, s, rBranchShape) }

// The sizes of a branch (支部工作条例 第五条、第十一条) and the warning
// ahead of a term's end.
const (
	branchMinFull       = 3  // fewer 正式党员: 联合党支部
	branchMaxMembers    = 50 // more members: divide the branch
	branchCommitteeFull = 7  // this many 正式党员: a 支部委员会
	termWarnMonths      = 3  // warn this many months before a term ends
)

func (e *engine) branchShape() []Finding {
	type tally struct {
		full, all int
		secretary bool // a member has a 书记's 党内职务
		committee bool // a member has a 班子成员's 党内职务
	}
	per := make(map[string]*tally, len(e.branchList))
	for _, m := range e.normal {
		if since(m).After(e.ref) {
			continue
		}
		t := per[m.BranchID]
		if t == nil {
			t = new(tally)
			per[m.BranchID] = t
		}
		t.all++
		if m.Category == vocab.CategoryFull {
			t.full++
		}
		t.secretary = t.secretary || IsSecretaryPost(m.PartyPost)
		t.committee = t.committee || IsCommitteePost(m.PartyPost)
	}
	// Organizations that record post terms, and the 支委会 posts in force
	// per branch: held on the reference day by a member then on the rolls
	// and in that branch.
	recorded := make(map[string]bool)
	inForce := make(map[string][]PostTerm)
	for _, p := range e.f.PostTerms {
		m := e.members[p.MemberID]
		if m != nil {
			recorded[m.OrgID] = true
		}
		if b := e.branches[p.BranchID]; b != nil {
			recorded[b.OrgID] = true
		}
		if p.Organ != vocab.OrganBranchCommittee || p.From.IsZero() || civil(p.From).After(e.ref) ||
			!p.Until.IsZero() && civil(p.Until).Before(e.ref) {
			continue
		}
		if m == nil || m.Status != vocab.StatusNormal || since(m).After(e.ref) || m.BranchID != p.BranchID {
			continue
		}
		inForce[p.BranchID] = append(inForce[p.BranchID], p)
	}
	years := e.s.TermYears
	if years <= 0 {
		years = DefaultSettings().TermYears
	}
	var out []Finding
	for _, b := range e.branchList {
		t := per[b.ID]
		if t == nil || !b.Founded.IsZero() && civil(b.Founded).After(e.ref) {
			continue
		}
		if t.full < branchMinFull {
			out = append(out, branchFinding(rBranchShape, b, fmt.Sprintf(
				"正式党员%d名，不足%d名，应与邻近单位党员成立联合党支部", t.full, branchMinFull)))
		}
		if t.all > branchMaxMembers {
			out = append(out, branchFinding(rBranchShape, b, fmt.Sprintf(
				"党员%d名，超过%d名，应分设党支部", t.all, branchMaxMembers)))
		}
		if !recorded[b.OrgID] {
			continue
		}
		posts := inForce[b.ID]
		if len(posts) == 0 && !t.committee && t.full >= branchCommitteeFull {
			out = append(out, branchFinding(rBranchShape, b, fmt.Sprintf(
				"正式党员%d名，应设立支部委员会，尚无在任支委会成员记录", t.full)))
		}
		secretary := b.HasSecretary || t.secretary
		// The 届 began at the latest election recorded among the posts in
		// force; when none records one, at the earliest start among them
		// (a 补选 does not begin a new 届).
		var elected, first time.Time
		for _, p := range posts {
			secretary = secretary || IsSecretaryPost(p.Post)
			elected = later(elected, civil(p.Elected))
			if f := civil(p.From); first.IsZero() || f.Before(first) {
				first = f
			}
		}
		if !secretary {
			out = append(out, branchFinding(rBranchShape, b, "支部书记空缺"))
		}
		if elected.IsZero() {
			elected = first
		}
		if elected.IsZero() {
			continue
		}
		end := addMonths(elected, 12*years)
		switch {
		case !end.After(e.ref):
			out = append(out, branchFinding(rBranchShape, b, fmt.Sprintf(
				"支部委员会%s选举产生，任期已于%s届满，应进行换届选举", dateText(elected), dateText(end))))
		case !end.After(addMonths(e.ref, termWarnMonths)):
			out = append(out, branchFinding(rBranchShape, b, fmt.Sprintf(
				"支部委员会%s选举产生，任期将于%s届满，应做好换届准备", dateText(elected), dateText(end))))
		}
	}
	return out
}
