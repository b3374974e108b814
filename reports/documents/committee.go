package documents

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

// CommitteeKind names a document of the university committee (学校党委组织部),
// made over its consolidated database: the organizations side by side.
type CommitteeKind string

// The committee's documents.
const (
	CommitteeStats    CommitteeKind = "stats"    // 全校党内统计, a row per organization
	CommitteeRanking  CommitteeKind = "ranking"  // 考评排名, organizations and branches
	CommitteeFindings CommitteeKind = "findings" // 跨组织问题台账
	CommitteeTerm     CommitteeKind = "term"     // 学期汇总, one per organization
)

// CommitteeKinds lists the committee's documents.
var CommitteeKinds = []CommitteeKind{CommitteeStats, CommitteeRanking, CommitteeFindings, CommitteeTerm}

// CommitteeIssuer is the committee as the documents name it: the running
// header's left and the 填报单位.
const CommitteeIssuer = "学校党委组织部"

// committeeBuilder is how one of the committee's documents is made.
type committeeBuilder struct {
	title     string
	landscape bool
	period    func(r *committeeRequest) string
	build     func(r *committeeRequest) error
}

// committeeBuilders holds each committee document's builder; each
// document's file registers its own in an init function.
var committeeBuilders = map[CommitteeKind]committeeBuilder{}

// CommitteeTitle is a committee document's Chinese title.
func CommitteeTitle(k CommitteeKind) string { return committeeBuilders[k].title }

// ParseCommitteeKind reads a committee document's name.
func ParseCommitteeKind(s string) (CommitteeKind, error) {
	for _, k := range CommitteeKinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(CommitteeKinds))
	for i, k := range CommitteeKinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("未知的汇总文档类型“%s”，应为：%s", s, strings.Join(names, " | "))
}

// CommitteeOptions choose what a committee document covers, and carry
// what the committee keeps outside the consolidated database: the
// cross-organization findings with their 处理情况 and the snapshot chains.
type CommitteeOptions struct {
	Year int       // the year of the figures; the current one when 0
	AsOf time.Time // the statistics' reference day, as Options.AsOf
	// OrgID is the one organization of a term report, by id; every
	// organization (each its own part) when empty.
	OrgID string
	// Term names the term, e.g. 2026-2027-1; TermLabel is how people
	// read it (「2026—2027学年第一学期」), Term when empty.
	Term, TermLabel string
	// Findings are the cross-organization findings, in the order to
	// print them (rules.KeyedCrossOrgFindings); Notes the committee's
	// 处理情况 by finding key; OrgNames the enrolled organizations' names
	// by id, for those the consolidated database does not hold.
	Findings []rules.KeyedFinding
	Notes    map[string]string
	OrgNames map[string]string
	// Chains are the snapshots of each organization this term, by
	// organization id, in order of sequence.
	Chains   map[string][]ChainLink
	Progress func(done, total int) // called now and then; may be nil
	Now      time.Time             // the print date; the store's clock when zero
}

// ChainLink is one snapshot of an organization's chain as the committee
// received it.
type ChainLink struct {
	Seq            uint64
	Time           time.Time // when the organization made it
	ManifestSHA256 string    // hex
	Status         string    // as people read it: 已接受, 已拒绝（原因）…
}

// committeeRequest is what a committee document's builder works from.
type committeeRequest struct {
	request
	co CommitteeOptions
}

// BuildCommittee makes committee document k over the consolidated
// database s.
func BuildCommittee(ctx context.Context, s *data.Store, k CommitteeKind, o CommitteeOptions) (*layout.Document, error) {
	b, ok := committeeBuilders[k]
	if !ok {
		return nil, fmt.Errorf("未知的汇总文档类型：%s", k)
	}
	r := &committeeRequest{co: o}
	r.ctx, r.store, r.year, r.now = ctx, s, o.Year, o.Now
	r.opts = Options{Year: o.Year, AsOf: o.AsOf, Progress: o.Progress, Now: o.Now}
	if r.now.IsZero() {
		r.now = s.Now()
	}
	if r.year == 0 {
		r.year = r.now.Year()
	}
	orgs, err := Orgs(ctx, s)
	if err != nil {
		return nil, err
	}
	r.scope = scope{orgs: orgs, name: CommitteeIssuer}
	if o.OrgID != "" {
		org, err := resolveOrg(orgs, o.OrgID)
		if err != nil {
			return nil, err
		}
		r.co.OrgID = org.ID // a name is taken too
	}
	period := fmt.Sprintf("%d年度", r.year)
	if b.period != nil {
		period = b.period(r)
	}
	r.doc = &layout.Document{Title: b.title, Org: CommitteeIssuer, Period: period, Printed: r.now, Landscape: b.landscape}
	if err := b.build(r); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.doc, nil
}

// WriteCommittee builds committee document k once and writes it to w in
// format f. Nothing is written to w unless the whole document was made.
func WriteCommittee(ctx context.Context, s *data.Store, k CommitteeKind, f Format, w io.Writer, o CommitteeOptions) (Report, error) {
	if f != PDF && f != Word {
		return Report{}, fmt.Errorf("未知的文件格式：%s", f)
	}
	d, err := BuildCommittee(ctx, s, k, o)
	if err != nil {
		return Report{}, err
	}
	return render(ctx, d, f, w)
}

// termText is the term as people read it.
func (r *committeeRequest) termText() string {
	if r.co.TermLabel != "" {
		return r.co.TermLabel
	}
	return r.co.Term
}

// orgName is an organization's name by id: the database's, else the
// enrolled name given.
func (r *committeeRequest) orgName(id string) string {
	for _, o := range r.scope.orgs {
		if o.ID == id {
			return o.Name
		}
	}
	return r.co.OrgNames[id]
}

// percent formats a share (0–1) in per cent with one decimal.
func percent(v float64) string { return fmt.Sprintf("%.1f%%", v*100) }

// outOf writes done of required with the calculator's share of it:
// 「45/48（93.8%）」, or 「—」 when nothing was required.
func outOf(done, required int, rate float64) string {
	if required <= 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d（%s）", done, required, percent(rate))
}
