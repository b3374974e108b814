package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"time"

	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// Facts gathers what the rules look at for a calendar year, as of a day,
// with one aggregate query per kind of record.
func (s *Store) Facts(ctx context.Context, year int, asOf time.Time) (*rules.Facts, error) {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	f := &rules.Facts{
		Year: year, AsOf: asOf,
		LastAttended: map[string]time.Time{},
		LastPaid:     map[string]time.Time{},
	}
	// One read transaction on one connection: every query sees the same state.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	r := factReader{q: conn, from: fmt.Sprintf("%04d-01-01", year), to: fmt.Sprintf("%04d-12-31", year),
		asOf: asOf.Format(dateLayout)}
	// ref is the day standing relations (liaisons) are looked at: AsOf, or
	// the year's last day for a past year.
	r.ref = min(r.asOf, r.to)
	loaders := []func(context.Context, *rules.Facts) error{
		r.branches, r.members, r.training, r.meetings, r.activity, r.dues, r.care, r.appraisals, r.transfers,
		r.coverage, r.changes, r.practice, r.memberFile,
		r.applicants,
	}
	for _, load := range loaders {
		if err := load(ctx, f); err != nil {
			return nil, fmt.Errorf("汇总数据失败：%w", err)
		}
	}
	return f, nil
}

// Coverage gives where each kind of record starts, as the rules count
// from it (the 记录起始月份 setting, or per kind the records' own start),
// without gathering the rest of the facts.
func (s *Store) Coverage(ctx context.Context) (rules.Coverage, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return rules.Coverage{}, err
	}
	defer conn.Close()
	var f rules.Facts
	r := factReader{q: conn}
	if err := r.coverage(ctx, &f); err != nil {
		return rules.Coverage{}, err
	}
	return f.Coverage, nil
}

// factReader runs the aggregate queries of Facts for one year.
type factReader struct {
	q                   queryer
	from, to, asOf, ref string // dates as stored text
}

// Check computes every rule's findings for the year as of a day.
func (s *Store) Check(ctx context.Context, year int, asOf time.Time) ([]rules.Finding, error) {
	fig, err := s.Figures(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	return fig.Findings(), nil
}

// Figures gathers the facts of a year as of a day, with the rule settings,
// for the one calculator of every figure (rules.Figures): findings, scores,
// the 党费 ledger, training hours and meeting gaps.
func (s *Store) Figures(ctx context.Context, year int, asOf time.Time) (*rules.Figures, error) {
	f, err := s.Facts(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	return s.figuresOfWhole(ctx, f)
}

// eachRow runs query and calls scan for every row.
func (r factReader) eachRow(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (r factReader) branches(ctx context.Context, f *rules.Facts) error {
	return r.eachRow(ctx, `SELECT b.id, b.org_id, b.name, b.type, b.founded,
			EXISTS(SELECT 1 FROM party_groups g WHERE g.branch_id = b.id AND g.deleted_at IS NULL),
			TRIM(b.secretary) <> ''
		FROM branches b WHERE b.deleted_at IS NULL ORDER BY b.name`, nil, func(r *sql.Rows) error {
		var b rules.Branch
		var founded Date
		if err := r.Scan(&b.ID, &b.OrgID, &b.Name, &b.Type, &founded, &b.HasGroups, &b.HasSecretary); err != nil {
			return err
		}
		b.Founded = founded.Time
		f.Branches = append(f.Branches, b)
		return nil
	})
}

// members reads every member with the letter into the organization that
// tells when the member came — the latest on or before AsOf, or, for a
// member who came only later (a past year viewed today) and was not here
// before, the first after it — with its date and 党费交至, and, for a member
// transferred out, the date of the latest letter out.
func (r factReader) members(ctx context.Context, f *rules.Facts) error {
	return r.eachRow(ctx, `SELECT m.id, m.org_id, m.name, m.branch_id, m.gender, m.ethnicity, m.education, m.birth_date, m.person_type,
			m.category, m.status, m.joined_date, m.confirmed_date, m.party_post, m.is_leader,
			m.dues_exempt_by <> '', m.dues_reduced, m.dues_base, tin.issued_date, COALESCE(tin.dues_paid_until, ''),
			CASE WHEN m.status = ? THEN (SELECT MAX(t.issued_date) FROM transfers t
				WHERE t.member_id = m.id AND t.direction = ? AND t.deleted_at IS NULL) END,
			TRIM(m.native_place) <> '', TRIM(m.position) <> '', TRIM(m.work_unit) <> '',
			TRIM(m.household_place) <> '', TRIM(m.residence) <> '', TRIM(m.phone) <> '', m.lost_contact,
			TRIM(m.lost_circumstance) <> '', m.lost_date
		FROM members m
		LEFT JOIN transfers tin ON tin.id = COALESCE(
			(SELECT t.id FROM transfers t WHERE t.member_id = m.id
				AND t.direction = ? AND t.deleted_at IS NULL AND t.issued_date <= ?
				ORDER BY t.issued_date DESC, t.id DESC LIMIT 1),
			(SELECT t.id FROM transfers t WHERE t.member_id = m.id
				AND t.direction = ? AND t.deleted_at IS NULL AND t.issued_date > ?
				AND NOT EXISTS (SELECT 1 FROM transfers o WHERE o.member_id = m.id AND o.direction = ?
					AND o.deleted_at IS NULL AND o.issued_date < t.issued_date)
				ORDER BY t.issued_date, t.id LIMIT 1))
		WHERE m.deleted_at IS NULL`,
		[]any{vocab.StatusTransferred, vocab.TransferOut, vocab.TransferIn, r.asOf,
			vocab.TransferIn, r.asOf, vocab.TransferOut}, func(r *sql.Rows) error {
			var m rules.Member
			var birth, joined, confirmed, since, left, lost Date
			var base Money
			var paidUntil string
			if err := r.Scan(&m.ID, &m.OrgID, &m.Name, &m.BranchID, &m.Gender, &m.Ethnicity, &m.Education, &birth, &m.PersonType, &m.Category,
				&m.Status, &joined, &confirmed, &m.PartyPost, &m.IsLeader, &m.DuesExempt, &m.DuesReduced, &base,
				&since, &paidUntil, &left, &m.HasNativePlace, &m.HasPosition, &m.HasWorkUnit, &m.HasHousehold,
				&m.HasResidence, &m.HasPhone, &m.LostContact, &m.HasLostCircumstance, &lost); err != nil {
				return err
			}
			m.Birth, m.Joined, m.Confirmed, m.Since, m.Left = birth.Time, joined.Time, confirmed.Time, since.Time, left.Time
			m.LostDate = lost.Time
			m.DuesBase = int64(base)
			if t, err := field.ParseMonth(paidUntil); err == nil {
				m.DuesPaidUntil = t
			}
			f.Members = append(f.Members, m)
			return nil
		})
}

func (r factReader) training(ctx context.Context, f *rules.Facts) error {
	from, to := r.from, r.to
	// An attendee credited 0 学时 gets the session's hours.
	err := r.eachRow(ctx, `SELECT a.member_id, t.form, SUM(COALESCE(NULLIF(a.hours, 0), t.hours))
		FROM trainings t JOIN training_attendees a ON a.training_id = t.id
		WHERE t.date BETWEEN ? AND ? AND t.deleted_at IS NULL AND a.deleted_at IS NULL
		GROUP BY a.member_id, t.form`, []any{from, to}, func(r *sql.Rows) error {
		var t rules.TrainingTotal
		if err := r.Scan(&t.MemberID, &t.Form, &t.Hours); err != nil {
			return err
		}
		f.Training = append(f.Training, t)
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT speaker_id, date FROM trainings
			WHERE speaker_id IS NOT NULL AND form IN (?, ?) AND date BETWEEN ? AND ? AND deleted_at IS NULL
		UNION ALL
		SELECT host_id, date FROM meetings
			WHERE host_id IS NOT NULL AND kind = ? AND date BETWEEN ? AND ? AND deleted_at IS NULL`,
		[]any{vocab.FormLecture, vocab.FormReport, from, to, vocab.MeetingLecture, from, to}, func(r *sql.Rows) error {
			var l rules.Lecture
			var d Date
			if err := r.Scan(&l.MemberID, &d); err != nil {
				return err
			}
			l.Date = d.Time
			f.Lectures = append(f.Lectures, l)
			return nil
		})
}

func (r factReader) meetings(ctx context.Context, f *rules.Facts) error {
	from, to := r.from, r.to
	err := r.eachRow(ctx, `SELECT id, branch_id, COALESCE(group_id, ''), kind, date FROM meetings
		WHERE date BETWEEN ? AND ? AND deleted_at IS NULL`, []any{from, to}, func(r *sql.Rows) error {
		var m rules.Meeting
		var d Date
		if err := r.Scan(&m.ID, &m.BranchID, &m.GroupID, &m.Kind, &d); err != nil {
			return err
		}
		m.Date = d.Time
		f.Meetings = append(f.Meetings, m)
		return nil
	})
	if err != nil {
		return err
	}
	// Drive from the few leaders: CROSS JOIN fixes SQLite's join order.
	return r.eachRow(ctx, `SELECT a.member_id, a.meeting_id
		FROM members m CROSS JOIN meeting_attendance a ON a.member_id = m.id
		CROSS JOIN meetings mt ON mt.id = a.meeting_id
		WHERE m.is_leader = 1 AND m.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = ?
			AND mt.date BETWEEN ? AND ? AND mt.deleted_at IS NULL`, []any{vocab.Present, from, to}, func(r *sql.Rows) error {
		var a rules.Attendance
		if err := r.Scan(&a.MemberID, &a.MeetingID); err != nil {
			return err
		}
		f.Attended = append(f.Attended, a)
		return nil
	})
}

// activity fills, per member, the latest attendance and dues payment on or
// before AsOf, and the months of the year paid in full (one dues row per
// member and month, which a unique index guarantees).
func (r factReader) activity(ctx context.Context, f *rules.Facts) error {
	// Meetings first (CROSS JOIN fixes the order), then the covering index
	// of attendance: no row lookups.
	err := r.eachRow(ctx, `SELECT a.member_id, MAX(mt.date)
		FROM meetings mt CROSS JOIN meeting_attendance a ON a.meeting_id = mt.id
		WHERE mt.date <= ? AND mt.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = ?
		GROUP BY a.member_id`, []any{r.asOf, vocab.Present}, func(rows *sql.Rows) error {
		var id string
		var d Date
		if err := rows.Scan(&id, &d); err != nil {
			return err
		}
		f.LastAttended[id] = d.Time
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT member_id, MAX(month)
		FROM dues INDEXED BY dues_member_month WHERE deleted_at IS NULL AND paid > 0 AND month <= ?
		GROUP BY member_id`,
		[]any{r.asOf[:7]}, func(rows *sql.Rows) error {
			var id string
			var month sql.NullString
			if err := rows.Scan(&id, &month); err != nil {
				return err
			}
			if t, err := time.Parse("2006-01", month.String); err == nil {
				f.LastPaid[id] = t
			}
			return nil
		})
}

// dues reads the stored 党费 rows of the year: month, 应缴 and 实缴, which a
// covering index holds. A year of 20,000 members is 240,000 rows: SQLite
// packs each member's months into one text (fields separated by U+001F,
// months by U+001E), so that the rows cross into Go 20,000 times.
func (r factReader) dues(ctx context.Context, f *rules.Facts) error {
	ids := make(map[string]string, len(f.Members))
	for i := range f.Members {
		ids[f.Members[i].ID] = f.Members[i].ID
	}
	f.Dues = make([]rules.DuesRecord, 0, 12*len(f.Members))
	var member, packed sql.RawBytes
	return r.eachRow(ctx, `SELECT member_id, group_concat(month || char(31) || due || char(31) || paid, char(30))
		FROM dues INDEXED BY dues_member_month WHERE deleted_at IS NULL AND month BETWEEN ? AND ?
		GROUP BY member_id`, []any{r.from[:7], r.to[:7]}, func(rows *sql.Rows) error {
		if err := rows.Scan(&member, &packed); err != nil {
			return err
		}
		id, known := ids[string(member)]
		if !known {
			id = string(member)
		}
		for rest := packed; len(rest) > 0; {
			var rec []byte
			rec, rest, _ = bytes.Cut(rest, []byte{0x1e})
			if d, ok := parseDuesRecord(rec); ok {
				d.MemberID = id
				f.Dues = append(f.Dues, d)
			}
		}
		return nil
	})
}

// parseDuesRecord reads one packed month: month, due and paid, separated
// by U+001F.
func parseDuesRecord(rec []byte) (rules.DuesRecord, bool) {
	m, rest, ok1 := bytes.Cut(rec, []byte{0x1f})
	due, paid, ok2 := bytes.Cut(rest, []byte{0x1f})
	month, ok3 := parseMonthBytes(m)
	d, ok4 := parseCents(due)
	p, ok5 := parseCents(paid)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return rules.DuesRecord{}, false
	}
	return rules.DuesRecord{Month: month, Due: d, Paid: p}, true
}

// parseCents reads a whole number of 分 as SQLite writes it.
func parseCents(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' || n > (1<<62)/10 {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, len(b) > 0
}

// parseMonthBytes reads "2026-03" as the first day of the month.
func parseMonthBytes(b []byte) (time.Time, bool) {
	if len(b) != 7 || b[4] != '-' {
		return time.Time{}, false
	}
	y, m := 0, 0
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		y = y*10 + int(c-'0')
	}
	for _, c := range b[5:] {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		m = m*10 + int(c-'0')
	}
	if m < 1 || m > 12 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), true
}

func (r factReader) care(ctx context.Context, f *rules.Facts) error {
	from, to := r.from, r.to
	err := r.eachRow(ctx, `SELECT member_id, MIN(date) FROM talks
		WHERE date BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY member_id`, []any{from, to}, func(r *sql.Rows) error {
		var t rules.Talk
		var d Date
		if err := r.Scan(&t.MemberID, &d); err != nil {
			return err
		}
		t.Date = d.Time
		f.Talks = append(f.Talks, t)
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT DISTINCT member_id, kind FROM liaisons
		WHERE deleted_at IS NULL AND (since IS NULL OR since <= ?) AND (until IS NULL OR until >= ?)`,
		[]any{r.ref, r.ref}, func(r *sql.Rows) error {
			var l rules.Liaison
			if err := r.Scan(&l.MemberID, &l.Kind); err != nil {
				return err
			}
			f.Liaisons = append(f.Liaisons, l)
			return nil
		})
}

func (r factReader) appraisals(ctx context.Context, f *rules.Facts) error {
	year := r.from[:4]
	err := r.eachRow(ctx, `SELECT member_id, grade, follow_up FROM appraisals
		WHERE year = ? AND deleted_at IS NULL`, []any{year}, func(r *sql.Rows) error {
		var a rules.Appraisal
		if err := r.Scan(&a.MemberID, &a.Grade, &a.FollowUp); err != nil {
			return err
		}
		f.Appraisals = append(f.Appraisals, a)
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT member_id, signed_date, assessed_date IS NOT NULL FROM agreements
		WHERE year = ? AND deleted_at IS NULL`, []any{year}, func(r *sql.Rows) error {
		var a rules.Agreement
		var signed Date
		if err := r.Scan(&a.MemberID, &signed, &a.Scored); err != nil {
			return err
		}
		a.Signed = signed.Time
		f.Agreements = append(f.Agreements, a)
		return nil
	})
}

func (r factReader) transfers(ctx context.Context, f *rules.Facts) error {
	return r.eachRow(ctx, `SELECT id, member_id, direction, other_org, letter_no, issued_date, valid_days, receipt_date,
			dues_paid_until
		FROM transfers WHERE deleted_at IS NULL`, nil, func(r *sql.Rows) error {
		var t rules.Transfer
		var issued, receipt Date
		var paidUntil string
		if err := r.Scan(&t.ID, &t.MemberID, &t.Direction, &t.OtherOrg, &t.LetterNo, &issued, &t.ValidDays, &receipt,
			&paidUntil); err != nil {
			return err
		}
		t.Issued, t.Receipt = issued.Time, receipt.Time
		if m, err := field.ParseMonth(paidUntil); err == nil {
			t.DuesPaidUntil = m
		}
		f.Transfers = append(f.Transfers, t)
		return nil
	})
}

// practice reads the 承诺 of the year, each member's 志愿服务 hours in it,
// and the 联系点 (liaisons of kind 支部 and 班级) of 党员领导干部 in force
// during it with the visits logged in it.
func (r factReader) practice(ctx context.Context, f *rules.Facts) error {
	err := r.eachRow(ctx, `SELECT member_id, pledged_date, review <> '' FROM pledges
		WHERE year = ? AND deleted_at IS NULL`, []any{r.from[:4]}, func(rows *sql.Rows) error {
		var p rules.Pledge
		var d Date
		if err := rows.Scan(&p.MemberID, &d, &p.Reviewed); err != nil {
			return err
		}
		p.Pledged = d.Time
		f.Pledges = append(f.Pledges, p)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.eachRow(ctx, `SELECT member_id, SUM(hours) FROM volunteer_services
		WHERE date BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY member_id`, []any{r.from, r.to},
		func(rows *sql.Rows) error {
			var v rules.VolunteerTotal
			if err := rows.Scan(&v.MemberID, &v.Hours); err != nil {
				return err
			}
			f.Volunteer = append(f.Volunteer, v)
			return nil
		})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT l.id, l.member_id, l.kind, l.contact, l.since, l.until,
			(SELECT COUNT(*) FROM liaison_logs g WHERE g.liaison_id = l.id AND g.deleted_at IS NULL
				AND g.date BETWEEN ? AND ?)
		FROM members m CROSS JOIN liaisons l ON l.member_id = m.id
		WHERE m.is_leader = 1 AND m.deleted_at IS NULL AND l.deleted_at IS NULL AND l.kind IN (?, ?)
			AND (l.since IS NULL OR l.since = '' OR l.since <= ?) AND (l.until IS NULL OR l.until = '' OR l.until >= ?)`,
		[]any{r.from, r.to, vocab.LiaisonBranch, vocab.LiaisonClass, r.to, r.from}, func(rows *sql.Rows) error {
			var l rules.LeaderLink
			var since, until Date
			if err := rows.Scan(&l.ID, &l.MemberID, &l.Kind, &l.Contact, &since, &until, &l.Visits); err != nil {
				return err
			}
			l.Since, l.Until = since.Time, until.Time
			f.LeaderLinks = append(f.LeaderLinks, l)
			return nil
		})
}

// memberFile reads the records of members' files the timers look at,
// whatever their year: status episodes, decisions on 党籍, 限期改正 and
// 党内职务.
func (r factReader) memberFile(ctx context.Context, f *rules.Facts) error {
	err := r.eachRow(ctx, `SELECT member_id, kind, since, until, place, TRIM(searches) <> '', last_contact,
			TRIM(circumstances) <> ''
		FROM episodes WHERE deleted_at IS NULL`, nil, func(rows *sql.Rows) error {
		var e rules.Episode
		var since, until, last Date
		if err := rows.Scan(&e.MemberID, &e.Kind, &since, &until, &e.Place, &e.Searched, &last, &e.Circumstances); err != nil {
			return err
		}
		e.Since, e.Until, e.LastContact = since.Time, until.Time, last.Time
		f.Episodes = append(f.Episodes, e)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.eachRow(ctx, `SELECT member_id, kind, date FROM dispositions WHERE deleted_at IS NULL`, nil,
		func(rows *sql.Rows) error {
			var d rules.Disposition
			var date Date
			if err := rows.Scan(&d.MemberID, &d.Kind, &date); err != nil {
				return err
			}
			d.Date = date.Time
			f.Dispositions = append(f.Dispositions, d)
			return nil
		})
	if err != nil {
		return err
	}
	err = r.eachRow(ctx, `SELECT member_id, date, deadline, outcome, outcome_date FROM corrections
		WHERE deleted_at IS NULL`, nil, func(rows *sql.Rows) error {
		var c rules.Correction
		var date, deadline, outcome Date
		if err := rows.Scan(&c.MemberID, &date, &deadline, &c.Outcome, &outcome); err != nil {
			return err
		}
		c.Date, c.Deadline, c.OutcomeDate = date.Time, deadline.Time, outcome.Time
		f.Corrections = append(f.Corrections, c)
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT member_id, COALESCE(branch_id, ''), organ, post, from_date, until, elected
		FROM post_terms WHERE deleted_at IS NULL`, nil, func(rows *sql.Rows) error {
		var p rules.PostTerm
		var from, until, elected Date
		if err := rows.Scan(&p.MemberID, &p.BranchID, &p.Organ, &p.Post, &from, &until, &elected); err != nil {
			return err
		}
		p.From, p.Until, p.Elected = from.Time, until.Time, elected.Time
		f.PostTerms = append(f.PostTerms, p)
		return nil
	})
}
