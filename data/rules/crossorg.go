package rules

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// Kinds of CrossFinding, stable English keys for machine output.
const (
	KindStranded        = "transfer_stranded"     // 转出无转入, past validity: 挂空
	KindUnmatchedIn     = "transfer_in_unmatched" // 转入 from an enrolled organization that has no 转出
	KindDuplicateActive = "duplicate_active"      // one 公民身份号码 active in two organizations
	KindNoSnapshot      = "no_snapshot"           // an organization with no snapshot this term
)

// XOrg is an enrolled organization as the committee sees it.
type XOrg struct {
	ID, Name string
	// LastSnapshot is when its last accepted snapshot was made; zero when
	// none was ever accepted.
	LastSnapshot time.Time
}

// XTransfer is one transfer letter, with the member's 公民身份号码 so that
// the two ends can be matched across organizations.
type XTransfer struct {
	OrgID, OrgName       string
	MemberName, IDNumber string
	Direction            vocab.Direction
	OtherOrg, LetterNo   string
	Issued, Receipt      time.Time
	ValidDays            int
}

// XMember is a member on the rolls (正常 or 停止党籍) of one organization.
type XMember struct {
	OrgID, OrgName string
	Name, IDNumber string
}

// CrossFacts is what the committee checks across organizations.
type CrossFacts struct {
	AsOf      time.Time // the day of the check
	TermStart time.Time // first day of the current term
	// DefaultValidDays applies to letters recorded with no validity.
	DefaultValidDays int
	Orgs             []XOrg
	Transfers        []XTransfer
	Active           []XMember
}

// CrossFinding is one problem that no single organization can see. Detail
// names people and organizations but never a 公民身份号码.
type CrossFinding struct {
	Kind   string
	OrgID  string // the organization concerned, when one is
	Detail string
}

// TermStart is the first day of the term containing day: terms begin on
// 1 February and 1 August.
func TermStart(day time.Time) time.Time {
	y, m := day.Year(), day.Month()
	switch {
	case m >= time.August:
		return time.Date(y, time.August, 1, 0, 0, 0, 0, time.UTC)
	case m >= time.February:
		return time.Date(y, time.February, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(y-1, time.August, 1, 0, 0, 0, 0, time.UTC)
	}
}

// CrossOrgFindings checks transfers, double membership and missing
// snapshots across organizations. The result is sorted by kind and detail.
func CrossOrgFindings(f CrossFacts) []CrossFinding {
	var out []CrossFinding
	out = append(out, transferFindings(f)...)
	out = append(out, duplicateFindings(f)...)
	out = append(out, snapshotFindings(f)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Detail < out[j].Detail
	})
	return out
}

func transferKey(t XTransfer) string {
	return strings.TrimSpace(t.LetterNo) + "\x00" + strings.ToUpper(strings.TrimSpace(t.IDNumber))
}

func transferFindings(f CrossFacts) []CrossFinding {
	outs := map[string][]XTransfer{}
	ins := map[string][]XTransfer{}
	for _, t := range f.Transfers {
		switch t.Direction {
		case vocab.TransferOut:
			outs[transferKey(t)] = append(outs[transferKey(t)], t)
		case vocab.TransferIn:
			ins[transferKey(t)] = append(ins[transferKey(t)], t)
		}
	}
	enrolled := map[string]bool{}
	for _, o := range f.Orgs {
		enrolled[strings.TrimSpace(o.Name)] = true
	}
	var out []CrossFinding
	for key, list := range outs {
		if received(ins[key], list[0].OrgID) {
			continue
		}
		for _, t := range list {
			if !t.Receipt.IsZero() || t.Issued.IsZero() {
				continue
			}
			days := t.ValidDays
			if days <= 0 {
				days = f.DefaultValidDays
			}
			if !f.AsOf.After(t.Issued.AddDate(0, 0, days)) {
				continue
			}
			out = append(out, CrossFinding{Kind: KindStranded, OrgID: t.OrgID, Detail: fmt.Sprintf(
				"“挂空”：%s的%s转往%s（介绍信%s，%s开具，有效期%d天）已逾期，任何组织均未转入",
				t.OrgName, t.MemberName, t.OtherOrg, t.LetterNo, t.Issued.Format("2006-01-02"), days)})
		}
	}
	for key, list := range ins {
		for _, t := range list {
			if !enrolled[strings.TrimSpace(t.OtherOrg)] || sent(outs[key], t.OrgID) {
				continue
			}
			out = append(out, CrossFinding{Kind: KindUnmatchedIn, OrgID: t.OrgID, Detail: fmt.Sprintf(
				"%s记录%s自%s转入（介绍信%s），但%s没有对应的转出记录",
				t.OrgName, t.MemberName, t.OtherOrg, t.LetterNo, t.OtherOrg)})
		}
	}
	return out
}

// received tells whether some organization other than from recorded the 转入.
func received(ins []XTransfer, from string) bool {
	for _, t := range ins {
		if t.OrgID != from {
			return true
		}
	}
	return false
}

// sent tells whether some organization other than to recorded the 转出.
func sent(outs []XTransfer, to string) bool { return received(outs, to) }

func duplicateFindings(f CrossFacts) []CrossFinding {
	byNumber := map[string][]XMember{}
	for _, m := range f.Active {
		k := strings.ToUpper(strings.TrimSpace(m.IDNumber))
		if k != "" {
			byNumber[k] = append(byNumber[k], m)
		}
	}
	var out []CrossFinding
	for _, list := range byNumber {
		orgs := map[string]bool{}
		var names []string
		for _, m := range list {
			if !orgs[m.OrgID] {
				orgs[m.OrgID] = true
				names = append(names, m.OrgName)
			}
		}
		if len(orgs) < 2 {
			continue
		}
		sort.Strings(names)
		out = append(out, CrossFinding{Kind: KindDuplicateActive, Detail: fmt.Sprintf(
			"%s的公民身份号码同时在%s登记为在册党员", list[0].Name, strings.Join(names, "、"))})
	}
	return out
}

func snapshotFindings(f CrossFacts) []CrossFinding {
	var out []CrossFinding
	for _, o := range f.Orgs {
		switch {
		case o.LastSnapshot.IsZero():
			out = append(out, CrossFinding{Kind: KindNoSnapshot, OrgID: o.ID, Detail: o.Name + "从未上传过可接受的快照"})
		case o.LastSnapshot.Before(f.TermStart):
			out = append(out, CrossFinding{Kind: KindNoSnapshot, OrgID: o.ID, Detail: fmt.Sprintf(
				"%s本学期（%s起）没有快照，最近一次为%s", o.Name, f.TermStart.Format("2006-01-02"), o.LastSnapshot.Format("2006-01-02"))})
		}
	}
	return out
}
