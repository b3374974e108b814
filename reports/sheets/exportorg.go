package sheets

import (
	"context"
	"errors"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// figuresOf is the year's figures of the organization orgID of a
// consolidated database, with its own settings, or of the whole database
// when orgID is "".
func figuresOf(ctx context.Context, s *data.Store, orgID string, year int, asOf time.Time) (*rules.Figures, error) {
	if orgID == "" {
		return s.Figures(ctx, year, asOf)
	}
	f, err := s.FiguresOf(ctx, orgID, year, asOf)
	if err == nil && f == nil {
		err = ErrNoSuchOrg
	}
	return f, err
}

// ErrNoSuchOrg refuses an export of an organization the database does not
// hold.
var ErrNoSuchOrg = errors.New("数据库中没有要导出的二级党组织")
