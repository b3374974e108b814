package sheets

import (
	"context"
	"fmt"
	"slices"

	"dangjian/data"
)

// exportDues writes one row per member and month, members in name order,
// each one's months in order, with the 党费基数 and 应缴金额 stored with the
// month (computed when it was recorded).
func exportDues(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	people, err := loadPeople(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	months := out.inOrg()
	if year != 0 {
		months = append(months, data.Between(data.ColMonth, fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year)))
	}
	total, err := s.Dues.Count(ctx, months...)
	if err != nil {
		return err
	}
	out.start(total)
	for chunk := range slices.Chunk(peopleByName(people), idChunk) {
		ids := make([]string, len(chunk))
		for i, p := range chunk {
			ids[i] = string(p.ID)
		}
		byMember := map[data.Ref][]data.Dues{}
		err := s.Dues.Each(ctx, func(d *data.Dues) error {
			byMember[d.MemberID] = append(byMember[d.MemberID], *d)
			return nil
		}, slices.Concat(months, []data.Cond{data.WhereIn(data.ColMemberID, ids), data.OrderBy(data.ColMonth, data.ColID)})...)
		if err != nil {
			return err
		}
		for _, p := range chunk {
			for _, d := range byMember[p.ID] {
				if err := out.add(duesExportRow(&d, p)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func duesExportRow(d *data.Dues, p exportPerson) map[string]any {
	return map[string]any{
		"公民身份号码": p.IDNumber,
		"姓名":     p.Name,
		"月份":     d.Month,
		"实缴金额":   d.Paid,
		"缴纳日期":   d.PaidDate,
		"党费基数":   d.Base,
		"应缴金额":   d.Due,
	}
}
