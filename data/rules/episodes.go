package rules

import (
	"fmt"
	"time"

	"dangjian/data/vocab"
)

// LostContact (LOST-CONTACT, 党员教育管理工作条例第二十四条): a member on the
// rolls, not 停止党籍 and not removed (自行脱党除名, 党内除名), whose open 失联
// episode (recorded, or from the 失联日期 on the member record) began
// LostMonths or more months before the reference day (exactly LostMonths
// counts; after a later 恢复党籍, from that decision) is due for
// 停止党籍, told with whether the searches made are recorded; a member
// whose latest decision on 党籍 is 停止党籍, taken two years or more
// before the reference day, and who is still 失联, is due to be removed
// (自行脱党除名).
func LostContact(f *Facts, s Settings) []Finding { return runOne(f, s, rLostContact) }

// Abroad (ABROAD, 条例第二十四条、第二十七条): a member on the rolls with an
// open 出国（境）学习研究 episode and no contact with the organization for
// more than six months (from the last contact recorded, else from the
// episode's start); abroad more than five years (exactly five is not yet)
// and not 停止党籍: 停止党籍 is normally due.
func Abroad(f *Facts, s Settings) []Finding { return runOne(f, s, rAbroad) }

// Away (AWAY, 条例第二十五条): a member on the rolls with an open 流动外出
// episode at a recorded place for six months or more: the 组织关系 should
// be transferred there.
func Away(f *Facts, s Settings) []Finding { return runOne(f, s, rAway) }

// Graduate (GRADUATE, 条例第二十七条): a member on the rolls whose
// 毕业生组织关系保留 episode is open: from 21 months a warning that the two
// years run out, from two years (exactly two counts) the 组织关系 is due to
// be transferred out.
func Graduate(f *Facts, s Settings) []Finding { return runOne(f, s, rGraduate) }

// CorrectionRule (CORRECTION, 条例第三十一条): a 限期改正 with no outcome on
// the reference day whose deadline — recorded, else the decision's date
// plus CorrectionMonths — is before it (on the deadline day itself it is
// not yet due). The default of twelve months is the period 中央组织部's
// 《党的组织工作问答》 (1996) gives: 「限期改正」的期限一般为一年; once it has
// run, the branch decides whether the member meets the conditions (else
// 劝其退党 or 除名), which is the outcome recorded.
func CorrectionRule(f *Facts, s Settings) []Finding { return runOne(f, s, rCorrection) }

// Fixed periods of the 条例 (not settings).
const (
	abroadContactMonths = 6  // 出国（境）: contact at least every half year
	abroadYears         = 5  // 出国（境） over five years: 停止党籍
	awayMonths          = 6  // 流动外出 six months at a fixed place: transfer
	graduateWarnMonths  = 21 // 毕业生组织关系保留: warn
	graduateMonths      = 24 // 毕业生组织关系保留: two years at most
	suspendedLapseYears = 2  // 停止党籍 two years still out of contact: 除名
)

// addMonths adds n months to a civil date, keeping the day or, when the
// month is shorter, taking its last day (31 August + 6 months is 28 or 29
// February).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// reached reports whether n months from start have passed by the
// reference day: the day n months on counts.
func (e *engine) reached(start time.Time, n int) bool {
	return !addMonths(civil(start), n).After(e.ref)
}

// exceeded reports whether more than n months from start have passed by
// the reference day: the day n months on does not count yet.
func (e *engine) exceeded(start time.Time, n int) bool {
	return addMonths(civil(start), n).Before(e.ref)
}

// lostMarked reports whether a member's record marks it 失联: the flag
// 失联党员, or a 失联日期 or 失联情形 filled.
func lostMarked(m *Member) bool {
	return m.LostContact || !m.LostDate.IsZero() || m.HasLostCircumstance
}

// allEpisodes gives the recorded episodes and, the one definition of 失联
// the rules share, for each member whose record marks it 失联 with a
// 失联日期 and who has no recorded 失联 episode, an open 失联 episode since
// that date (not stored; without a date there is none, and PROFILE asks
// for the date). Built on first use.
func (e *engine) allEpisodes() []Episode {
	if e.episodes != nil {
		return e.episodes
	}
	recorded := make(map[string]bool)
	for _, ep := range e.f.Episodes {
		if ep.Kind == vocab.EpisodeLost {
			recorded[ep.MemberID] = true
		}
	}
	out := make([]Episode, len(e.f.Episodes), len(e.f.Episodes)+1)
	copy(out, e.f.Episodes)
	for _, m := range e.ordered {
		if !m.LostDate.IsZero() && !recorded[m.ID] {
			out = append(out, Episode{MemberID: m.ID, Kind: vocab.EpisodeLost, Since: m.LostDate,
				Circumstances: m.HasLostCircumstance})
		}
	}
	e.episodes = out
	return out
}

// openEpisodes gives, per member, the episodes of kind open on the
// reference day (begun by it, not ended before or on it), earliest first.
func (e *engine) openEpisodes(kind vocab.EpisodeKind) map[string][]Episode {
	out := make(map[string][]Episode)
	for _, ep := range e.allEpisodes() {
		if ep.Kind != kind || ep.Since.IsZero() || civil(ep.Since).After(e.ref) {
			continue
		}
		if !ep.Until.IsZero() && !civil(ep.Until).After(e.ref) {
			continue
		}
		list := append(out[ep.MemberID], ep)
		// Keep the earliest first, whatever the input order; ties by the
		// later contact, then searches recorded.
		for i := len(list) - 1; i > 0 && episodeBefore(list[i], list[i-1]); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		out[ep.MemberID] = list
	}
	return out
}

// episodeBefore orders episodes of a member by start, then by the latest
// contact and searches, so that the first is the same for any input order.
func episodeBefore(a, b Episode) bool {
	if !a.Since.Equal(b.Since) {
		return a.Since.Before(b.Since)
	}
	if !a.LastContact.Equal(b.LastContact) {
		return a.LastContact.After(b.LastContact)
	}
	if a.Searched != b.Searched {
		return a.Searched
	}
	return a.Place < b.Place
}

// latestDispositions gives, per member, the latest decision on 党籍 on or
// before the reference day (of one day, the one that is not 停止党籍:
// a restoration wins).
func (e *engine) latestDispositions() map[string]Disposition {
	out := make(map[string]Disposition)
	for _, d := range e.f.Dispositions {
		if d.Date.IsZero() || civil(d.Date).After(e.ref) {
			continue
		}
		cur, ok := out[d.MemberID]
		if !ok || d.Date.After(cur.Date) || d.Date.Equal(cur.Date) && cur.Kind == vocab.DispositionSuspend && d.Kind != vocab.DispositionSuspend {
			out[d.MemberID] = d
		}
	}
	return out
}

// latestRestorations gives, per member, the date of the latest 恢复党籍
// on or before the reference day.
func (e *engine) latestRestorations() map[string]time.Time {
	out := make(map[string]time.Time)
	for _, d := range e.f.Dispositions {
		if d.Kind != vocab.DispositionRestore || d.Date.IsZero() || civil(d.Date).After(e.ref) {
			continue
		}
		out[d.MemberID] = later(out[d.MemberID], civil(d.Date))
	}
	return out
}

func (e *engine) lostContact() []Finding {
	lost := e.openEpisodes(vocab.EpisodeLost)
	if len(lost) == 0 {
		return nil
	}
	disp := e.latestDispositions()
	restored := e.latestRestorations()
	yearEnd := time.Date(e.f.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	var out []Finding
	for _, m := range e.ordered {
		eps := lost[m.ID]
		if len(eps) == 0 || !m.Status.Active() || since(m).After(yearEnd) {
			continue
		}
		ep := eps[0]
		searched := false
		for _, x := range eps {
			searched = searched || x.Searched
		}
		d, decided := disp[m.ID]
		suspended := m.Status == vocab.StatusSuspended || decided && d.Kind == vocab.DispositionSuspend
		// Removed from the party: no 停止党籍 is due.
		removed := decided && (d.Kind == vocab.DispositionLapsed || d.Kind == vocab.DispositionExpelled)
		// The months run from the episode's start, or from a later 恢复党籍.
		start, from := civil(ep.Since), "自%s起失联已满%d个月，应停止党籍（%s）"
		if r := restored[m.ID]; r.After(start) {
			start, from = r, "自%s恢复党籍后仍失联已满%d个月，应停止党籍（%s）"
		}
		switch {
		case !suspended && !removed && e.reached(start, e.lostMonths()):
			note := "已记录查找情况"
			if !searched {
				note = "尚未记录查找情况，应先认真查找"
			}
			out = append(out, e.memberFinding(rLostContact, m, fmt.Sprintf(from, dateText(start), e.lostMonths(), note)))
		case decided && d.Kind == vocab.DispositionSuspend && e.reached(d.Date, 12*suspendedLapseYears):
			out = append(out, e.memberFinding(rLostContact, m, fmt.Sprintf("自%s停止党籍已满%d年仍失联，应按自行脱党予以除名",
				dateText(civil(d.Date)), suspendedLapseYears)))
		}
	}
	return out
}

// lostMonths is the LostMonths setting (its default when unset).
func (e *engine) lostMonths() int {
	if e.s.LostMonths > 0 {
		return e.s.LostMonths
	}
	return DefaultSettings().LostMonths
}

func (e *engine) abroad() []Finding {
	away := e.openEpisodes(vocab.EpisodeAbroad)
	if len(away) == 0 {
		return nil
	}
	disp := e.latestDispositions()
	var out []Finding
	for _, m := range e.active {
		eps := away[m.ID]
		if len(eps) == 0 {
			continue
		}
		ep := eps[0]
		last := ep.Since
		for _, x := range eps {
			last = later(last, x.LastContact)
		}
		if e.exceeded(last, abroadContactMonths) {
			what := "出国（境）"
			if !last.Equal(ep.Since) {
				what = "最近一次联系"
			}
			out = append(out, e.memberFinding(rAbroad, m, fmt.Sprintf("出国（境）学习研究期间超过%d个月未与党组织联系（%s为%s）",
				abroadContactMonths, what, dateText(civil(last)))))
		}
		if d, ok := disp[m.ID]; (!ok || d.Kind != vocab.DispositionSuspend) && e.exceeded(ep.Since, 12*abroadYears) {
			out = append(out, e.memberFinding(rAbroad, m, fmt.Sprintf("自%s起出国（境）学习研究已超过%d年，一般应停止党籍",
				dateText(civil(ep.Since)), abroadYears)))
		}
	}
	return out
}

func (e *engine) away() []Finding {
	eps := e.openEpisodes(vocab.EpisodeAway)
	var out []Finding
	for _, m := range e.active {
		for _, ep := range eps[m.ID] {
			if ep.Place == "" || !e.reached(ep.Since, awayMonths) {
				continue
			}
			out = append(out, e.memberFinding(rAway, m, fmt.Sprintf("自%s起外出（%s）已满%d个月，应将组织关系转至所在地党组织",
				dateText(civil(ep.Since)), ep.Place, awayMonths)))
			break
		}
	}
	return out
}

func (e *engine) graduate() []Finding {
	eps := e.openEpisodes(vocab.EpisodeGraduate)
	var out []Finding
	for _, m := range e.active {
		if len(eps[m.ID]) == 0 {
			continue
		}
		start := civil(eps[m.ID][0].Since)
		switch {
		case e.reached(start, graduateMonths):
			out = append(out, e.memberFinding(rGraduate, m, fmt.Sprintf("毕业生组织关系自%s起保留已满2年，保留期已满，应转出",
				dateText(start))))
		case e.reached(start, graduateWarnMonths):
			out = append(out, e.memberFinding(rGraduate, m, fmt.Sprintf("毕业生组织关系自%s起保留已满%d个月，保留期将满（%s到期）",
				dateText(start), graduateWarnMonths, dateText(addMonths(start, graduateMonths)))))
		}
	}
	return out
}

func (e *engine) correction() []Finding {
	months := e.s.CorrectionMonths
	if months <= 0 {
		months = DefaultSettings().CorrectionMonths
	}
	per := make(map[string][]Correction)
	for _, c := range e.f.Corrections {
		if c.Date.IsZero() || civil(c.Date).After(e.ref) {
			continue
		}
		if c.Outcome != "" && (c.OutcomeDate.IsZero() || !civil(c.OutcomeDate).After(e.ref)) {
			continue // ended by the reference day
		}
		per[c.MemberID] = append(per[c.MemberID], c)
	}
	var out []Finding
	for _, m := range e.active {
		for _, c := range per[m.ID] {
			deadline := civil(c.Deadline)
			if deadline.IsZero() {
				deadline = addMonths(civil(c.Date), months)
			}
			if deadline.Before(e.ref) {
				out = append(out, e.memberFinding(rCorrection, m, fmt.Sprintf("%s决定的限期改正已于%s到期，尚未记录处理结果",
					dateText(civil(c.Date)), dateText(deadline))))
			}
		}
	}
	return out
}
