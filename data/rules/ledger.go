package rules

import (
	"slices"
	"time"

	"dangjian/data/vocab"
)

// DuesRecord is one stored 党费 row, a member's month, as the ledger needs
// it (the row's base, rate and date are the store's, data.Dues).
type DuesRecord struct {
	MemberID string
	Month    time.Time // its first day
	Due      int64     // 应缴, in 分
	Paid     int64     // 实缴, in 分; may exceed Due
}

// DuesState is what a month of a member's dues line shows.
type DuesState int

// The states of a month.
const (
	DuesNone    DuesState = iota // not owed here and nothing recorded, or not yet over
	DuesPaid                     // an amount was paid
	DuesUnpaid                   // owed, over, nothing paid
	DuesExempt                   // recorded with nothing due (免交)
	DuesPending                  // recorded, nothing paid yet, month not over
)

// DuesMonth is one month of a member's dues line.
type DuesMonth struct {
	State   DuesState
	Counted bool  // counts toward 应缴: over and owed here or recorded, or paid ahead
	Due     int64 // 应缴 counted, in 分
	Paid    int64 // 实缴, in 分
	Arrears int64 // 欠缴: what an owed month that is over lacks
	Record  *DuesRecord
}

// DuesLine is one member's dues for the ledger's year.
type DuesLine struct {
	Member     *Member
	BranchID   string
	Base       int64  // the member's 党费基数 today, in 分
	Rate       string // the rate today
	MonthlyDue int64  // 月应缴 today, for the months without a record
	From       time.Time
	Until      time.Time // zero while on the rolls
	Months     [12]DuesMonth
	DuesTotals
	away []span // months on another organization's rolls between two stays here
}

// DuesTotals are the sums of dues lines. Owing counts the lines with
// arrears.
type DuesTotals struct {
	Members, Owing     int
	Due, Paid, Arrears int64
}

// Rate is the share of the amount due that was paid (arrears excluded), as
// a fraction, and false when nothing was due.
func (t DuesTotals) Rate() (float64, bool) {
	if t.Due <= 0 {
		return 0, false
	}
	return float64(t.Due-t.Arrears) / float64(t.Due), true
}

func (t *DuesTotals) add(l *DuesLine) {
	t.Members++
	t.Due += l.Due
	t.Paid += l.Paid
	t.Arrears += l.Arrears
	if l.Arrears > 0 {
		t.Owing++
	}
}

// DuesLedger is the 党费 of a year: one line per member who owed or paid
// anything here in it, with branch and organization totals. Every surface
// that shows 应缴, 实缴 or 欠缴 takes them from here.
type DuesLedger struct {
	Year     int
	Lines    []*DuesLine // by branch, then member, in findings order
	Branches map[string]DuesTotals
	Org      DuesTotals
	byMember map[string]*DuesLine
}

// Line returns a member's line, or nil when the member has none this year.
func (l *DuesLedger) Line(memberID string) *DuesLine { return l.byMember[memberID] }

// Payable reports whether a member's month (1–12) can be paid: not after
// AsOf's month, and within the months the member owes here or already
// recorded.
func (l *DuesLedger) Payable(line *DuesLine, month int, asOf time.Time) bool {
	at := time.Date(l.Year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	if at.After(monthStart(asOf)) {
		return false
	}
	if line.Months[month-1].Record != nil {
		return true
	}
	return owes(line, at)
}

// owes reports whether the member owes dues here for the month starting at.
func owes(line *DuesLine, at time.Time) bool {
	if !line.From.IsZero() && at.Before(line.From) {
		return false
	}
	for _, a := range line.away {
		if !at.Before(a.from) && !at.After(a.until) {
			return false
		}
	}
	return line.Until.IsZero() || !at.After(line.Until)
}

// span is the months from one month's first day to another's, both owed
// or both not.
type span struct{ from, until time.Time }

// awaySpans gives, from a member's letters sorted by date, the months the
// member was on another organization's rolls between a letter out and the
// next letter in (whose month, or the month after its 党费交至, starts the
// return), and the letter in that began the first stay here (nil when the
// member was here before any letter).
func awaySpans(letters []*Transfer) (away []span, firstIn *Transfer) {
	var out *Transfer
	for i, t := range letters {
		switch t.Direction {
		case vocab.TransferIn:
			if i == 0 {
				firstIn = t
			}
			if out != nil {
				back := monthStart(t.Issued)
				if !t.DuesPaidUntil.IsZero() {
					back = monthStart(t.DuesPaidUntil).AddDate(0, 1, 0)
				}
				from := monthStart(out.Issued).AddDate(0, 1, 0)
				if until := back.AddDate(0, -1, 0); !until.Before(from) {
					away = append(away, span{from, until})
				}
				out = nil
			}
		case vocab.TransferOut:
			out = t
		}
	}
	return away, firstIn
}

// letters returns each member's letters, sorted by date, built once.
func (e *engine) letters() map[string][]*Transfer {
	if e.byMember != nil {
		return e.byMember
	}
	e.byMember = map[string][]*Transfer{}
	for i := range e.f.Transfers {
		t := &e.f.Transfers[i]
		if !t.Issued.IsZero() {
			e.byMember[t.MemberID] = append(e.byMember[t.MemberID], t)
		}
	}
	for _, ls := range e.byMember {
		slices.SortStableFunc(ls, func(a, b *Transfer) int { return a.Issued.Compare(b.Issued) })
	}
	return e.byMember
}

// MonthlyDue is a member's 党费 a month under 组通字〔2008〕3号 today, with
// the rate to show: nothing, at 免交, for a member exempted by decision.
func MonthlyDue(m *Member) (int64, string) {
	if m.DuesExempt {
		return 0, DuesExemptRate
	}
	return Dues(m.PersonType, m.DuesBase, m.DuesReduced)
}

// DuesExemptRate is the rate shown for a member exempted from dues.
const DuesExemptRate = "免交"

// duesLedger builds the ledger from the engine's facts, once.
func (e *engine) duesLedger() *DuesLedger {
	if e.ledger != nil {
		return e.ledger
	}
	l := &DuesLedger{Year: e.f.Year, Branches: map[string]DuesTotals{}, byMember: map[string]*DuesLine{}}
	records := make(map[string][]*DuesRecord)
	for i := range e.f.Dues {
		d := &e.f.Dues[i]
		if d.Month.Year() == e.f.Year {
			records[d.MemberID] = append(records[d.MemberID], d)
		}
	}
	for _, m := range e.ordered {
		line := e.duesLine(m, records[m.ID])
		if line == nil {
			continue
		}
		l.Lines = append(l.Lines, line)
		l.byMember[m.ID] = line
		t := l.Branches[line.BranchID]
		t.add(line)
		l.Branches[line.BranchID] = t
		l.Org.add(line)
	}
	e.ledger = l
	return l
}

// duesLine is member m's line, or nil when the member neither owed nor
// recorded anything in the year.
func (e *engine) duesLine(m *Member, recs []*DuesRecord) *DuesLine {
	due, rate := MonthlyDue(m)
	line := &DuesLine{Member: m, BranchID: m.BranchID, Base: m.DuesBase, Rate: rate, MonthlyDue: due,
		From: DuesFrom(m, e.cov(m.OrgID)), Until: DuesUntil(m)}
	if away, firstIn := awaySpans(e.letters()[m.ID]); len(away) > 0 {
		// Transferred out and back: owed from the first stay here.
		first := *m
		first.Since, first.DuesPaidUntil = time.Time{}, time.Time{}
		if firstIn != nil {
			first.Since, first.DuesPaidUntil = firstIn.Issued, firstIn.DuesPaidUntil
		}
		line.From, line.away = DuesFrom(&first, e.cov(m.OrgID)), away
	}
	onRolls := m.Status == vocab.StatusNormal || !line.Until.IsZero()
	for _, r := range recs {
		line.Months[r.Month.Month()-1].Record = r
	}
	any := false
	for i := range line.Months {
		mo := &line.Months[i]
		at := time.Date(e.f.Year, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)
		over := monthIndex(at) < e.cal.asOfM
		if r := mo.Record; r != nil {
			// A month under way counts once something is paid for it:
			// until then nothing of it is owed.
			mo.Counted = over || r.Paid > 0
			if mo.Counted {
				mo.Due, mo.Paid = r.Due, r.Paid
			}
			switch {
			case r.Paid > 0:
				mo.State = DuesPaid
			case r.Due == 0:
				mo.State = DuesExempt
			case over:
				mo.State = DuesUnpaid
			default:
				mo.State = DuesPending
			}
		} else if over && onRolls && owes(line, at) {
			mo.Counted, mo.Due = true, due
			if due > 0 {
				mo.State = DuesUnpaid
			}
		}
		if mo.Counted && over {
			mo.Arrears = max(mo.Due-mo.Paid, 0)
		}
		if mo.Counted {
			any = true
			line.Due += mo.Due
			line.Paid += mo.Paid
			line.Arrears += mo.Arrears
		}
	}
	if !any && !(onRolls && m.Status == vocab.StatusNormal && e.inDuesYear(line)) {
		return nil
	}
	return line
}

// inDuesYear reports whether a member on the rolls owes dues for some month
// of the year up to AsOf's month, so that a member with nothing over yet
// still has a line to pay on.
func (e *engine) inDuesYear(line *DuesLine) bool {
	for i := range min(e.cal.curMonths, 12) {
		if owes(line, time.Date(e.f.Year, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)) {
			return true
		}
	}
	return false
}

// DuesLedgerOf computes the 党费 ledger of f's year as of f.AsOf.
func DuesLedgerOf(f *Facts, s Settings) *DuesLedger {
	if f == nil {
		return &DuesLedger{Branches: map[string]DuesTotals{}, byMember: map[string]*DuesLine{}}
	}
	return newEngine(f, s).duesLedger()
}
