package data

import (
	"context"
	"database/sql"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// CrossOrgFacts reads, from a consolidated database, every transfer letter
// and every member on the rolls of every organization, with the names of
// their organizations, for rules.CrossOrgFindings. The caller adds the
// enrolled organizations and the dates.
func (s *Store) CrossOrgFacts(ctx context.Context) (rules.CrossFacts, error) {
	var f rules.CrossFacts
	r := factReader{q: s.db}
	err := r.eachRow(ctx, `SELECT t.org_id, coalesce(o.name, ''), m.name, m.id_number, t.direction, t.other_org,
			t.letter_no, t.issued_date, t.receipt_date, t.valid_days
		FROM transfers t JOIN members m ON m.id = t.member_id LEFT JOIN orgs o ON o.id = t.org_id
		WHERE t.deleted_at IS NULL ORDER BY t.id`, nil, func(r *sql.Rows) error {
		var t rules.XTransfer
		var issued, receipt Date
		if err := r.Scan(&t.OrgID, &t.OrgName, &t.MemberName, &t.IDNumber, &t.Direction, &t.OtherOrg,
			&t.LetterNo, &issued, &receipt, &t.ValidDays); err != nil {
			return err
		}
		t.Issued, t.Receipt = issued.Time, receipt.Time
		f.Transfers = append(f.Transfers, t)
		return nil
	})
	if err != nil {
		return f, err
	}
	err = r.eachRow(ctx, `SELECT m.org_id, coalesce(o.name, ''), m.name, m.id_number
		FROM members m LEFT JOIN orgs o ON o.id = m.org_id
		WHERE m.deleted_at IS NULL AND m.status IN (?, ?) ORDER BY m.id`, []any{vocab.StatusNormal, vocab.StatusSuspended}, func(r *sql.Rows) error {
		var m rules.XMember
		if err := r.Scan(&m.OrgID, &m.OrgName, &m.Name, &m.IDNumber); err != nil {
			return err
		}
		f.Active = append(f.Active, m)
		return nil
	})
	return f, err
}
