package sheets

import (
	"cmp"
	"context"
	"slices"

	"dangjian/data"
)

// idChunk is how many ids go into one WHERE … IN (…) query.
const idChunk = 500

// exportTraining writes one row per attendee of each training, trainings by
// date then topic, each one's attendees in name order. An attendee's 学时
// is their own, or the session's when theirs is 0.
func exportTraining(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	people, err := loadPeople(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	trainings, err := s.Trainings.List(ctx, yearCond(data.ColDate, year, out.inOrg(data.OrderBy(data.ColDate, data.ColTopic, data.ColID))...)...)
	if err != nil {
		return err
	}
	ids := make([]string, len(trainings))
	for i, t := range trainings {
		ids[i] = t.ID
	}
	total := 0
	for chunk := range slices.Chunk(ids, idChunk) {
		n, err := s.TrainingAttendees.Count(ctx, data.WhereIn(data.ColTrainingID, chunk))
		if err != nil {
			return err
		}
		total += n
	}
	out.start(total)
	for _, t := range trainings {
		attendees, err := s.TrainingAttendees.List(ctx, data.Where(data.ColTrainingID, t.ID))
		if err != nil {
			return err
		}
		slices.SortFunc(attendees, func(a, b data.TrainingAttendee) int {
			return cmp.Or(comparePeople(people[a.MemberID], people[b.MemberID]), cmp.Compare(a.ID, b.ID))
		})
		for _, a := range attendees {
			if err := out.add(trainingExportRow(&t, &a, people[a.MemberID])); err != nil {
				return err
			}
		}
	}
	return nil
}

func trainingExportRow(t *data.Training, a *data.TrainingAttendee, p exportPerson) map[string]any {
	hours := a.Hours
	if hours == 0 {
		hours = t.Hours
	}
	return map[string]any{
		"公民身份号码": p.IDNumber,
		"姓名":     p.Name,
		"日期":     t.Date,
		"学时":     hours,
		"形式":     t.Form,
		"主题":     t.Topic,
		"主办单位":   t.Organizer,
		"地点":     t.Location,
		"证书编号":   a.Certificate,
	}
}
