package app

import (
	"context"
	"io"
	"time"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/reports/documents"
)

// The 报表 screen in committee mode: the organizations' documents cover
// the 二级党组织 filter's choice (every organization: 全校, or one), their
// branches are that organization's, and the committee's own documents
// (documents.CommitteeKinds) are offered after them.

// committeeTitles are the titles of the committee's documents, offered in
// committee mode only.
func (u *UI) committeeTitles() []string {
	if u.committee == nil {
		return nil
	}
	titles := make([]string, len(documents.CommitteeKinds))
	for i, k := range documents.CommitteeKinds {
		titles[i] = documents.CommitteeTitle(k)
	}
	return titles
}

// committeeKind is the committee document chosen, and false when the
// document chosen is an organization's.
func (s *reportsScreen) committeeKind() (documents.CommitteeKind, bool) {
	if s.u.committee == nil {
		return "", false
	}
	for _, k := range documents.CommitteeKinds {
		if documents.CommitteeTitle(k) == s.kind.Selected {
			return k, true
		}
	}
	return "", false
}

// inScope keeps the branches of the organization the filter chooses (all
// of them for the whole university).
func (s *reportsScreen) inScope(refs []data.BranchRef) []data.BranchRef {
	org := s.u.orgScopeID()
	if org == "" {
		return refs
	}
	var out []data.BranchRef
	for _, r := range refs {
		if r.OrgID == org {
			out = append(out, r)
		}
	}
	return out
}

// scopeChanged follows the 二级党组织 filter: the branches offered are
// the organization's, and the proposed file name says whose it is.
func (s *reportsScreen) scopeChanged() {
	s.loadBranches()
	s.suggestPath()
}

// scopeName begins a proposed file name with what the document covers:
// the organization chosen, or 全校 for the whole university in committee
// mode; nothing outside it. The committee's statistics, ranking and
// findings are the university's whatever the filter.
func (s *reportsScreen) scopeName(k documents.CommitteeKind, committee bool) string {
	if s.u.committee == nil || committee && k != documents.CommitteeTerm {
		return ""
	}
	if id := s.u.orgScopeID(); id != "" {
		for _, o := range s.u.scope.orgs {
			if o.ID == id {
				return o.Name
			}
		}
		return ""
	}
	if committee {
		return ""
	}
	return documents.University
}

// startCommittee checks the committee document's choices and writes it:
// the 学期汇总 of the organization the filter chooses (of each, for 全校).
func (s *reportsScreen) startCommittee(job reportJob, k documents.CommitteeKind) {
	job.committee = k
	if k == documents.CommitteeStats {
		day, err := readAsOf(s.asOf.Text)
		if err != nil {
			s.result.SetText("截至日期无效：" + err.Error())
			return
		}
		if day.Format(time.DateOnly) > s.u.store.Now().Format(time.DateOnly) {
			s.result.SetText("截至日期不能晚于今天")
			return
		}
		job.opts.AsOf = day
	}
	s.u.confirmOutput(job.path, func() { s.write(job) })
}

// writeCommitteeDocument writes a committee document with a progress
// dialog and 取消, off the UI goroutine: the committee's findings, notes
// and the term's snapshots are read there too (appcore.CommitteeDocumentInput).
// done runs on the UI goroutine.
func (u *UI) writeCommitteeDocument(job reportJob, done func(documents.Report, error)) {
	store, c := u.store, u.committee
	var rep documents.Report // set by the job, read when it is done
	u.runJob("正在生成"+documents.CommitteeTitle(job.committee), func(ctx context.Context, progress progressFunc) error {
		opts, err := appcore.CommitteeDocumentInput(ctx, c, store, appcore.TermOf(c, store.Path()), store.Now())
		if err != nil {
			return err
		}
		opts.Year, opts.AsOf, opts.Progress = job.opts.Year, job.opts.AsOf, progress
		if job.committee == documents.CommitteeTerm {
			opts.OrgID = job.opts.OrgID
		}
		return appcore.WriteOutput(job.path, store.Path(), func(w io.Writer) error {
			var err error
			rep, err = documents.WriteCommittee(ctx, store, job.committee, job.format, w, opts)
			return err
		})
	}, func(err error) { done(rep, err) })
}
