package sheets

import (
	"context"

	"dangjian/data"
)

// trainingImporter gives each row to a session found by 日期 and 主题 (made
// when new) and credits the member with the row's hours: member + date +
// topic is the natural key, so a re-import changes nothing.
type trainingImporter struct {
	members   memberIndex
	sessions  map[string]*data.Training         // date|topic → the first such session
	attendees map[string]*data.TrainingAttendee // member id|date|topic: the natural key
	hoursOf   map[string]float64                // session id → its hours
	pending   []string                          // keys the current row added
	undo      []func()                          // restores cached sessions the current row changed
	rows      rowKeys
}

func (t *trainingImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	if t.members, err = loadMemberIndex(ctx, tx); err != nil {
		return err
	}
	t.sessions, t.attendees, t.rows = map[string]*data.Training{}, map[string]*data.TrainingAttendee{}, rowKeys{}
	keyOf := map[string]string{} // session id → date|topic
	t.hoursOf = map[string]float64{}
	err = tx.Trainings.Each(ctx, func(tr *data.Training) error {
		key := tr.Date.String() + "|" + tr.Topic
		keyOf[tr.ID], t.hoursOf[tr.ID] = key, tr.Hours
		if _, ok := t.sessions[key]; !ok {
			t.sessions[key] = tr
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Branches may hold sessions of the same date and topic: a member's
	// attendance is found through any of them.
	return tx.TrainingAttendees.Each(ctx, func(a *data.TrainingAttendee) error {
		if key, ok := keyOf[string(a.TrainingID)]; ok {
			t.attendees[string(a.MemberID)+"|"+key] = a
		}
		return nil
	})
}

func (t *trainingImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	m := t.members.member(r)
	date, hours := r.date("日期"), r.hours("学时")
	form, topic, organizer, location := r.choice("形式", nil), r.text("主题"), r.text("主办单位"), r.text("地点")
	certificate := r.text("证书编号")
	if len(r.problems) == 0 {
		t.rows.claim(r, m.ID+"|"+date.String()+"|"+topic, "主题")
	}
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	cols := map[string]string{"date": "日期", "hours": "学时", "form": "形式", "topic": "主题", "member_id": "公民身份号码",
		"certificate": "证书编号"}
	key := date.String() + "|" + topic
	session, ok := t.sessions[key]
	if !ok {
		session = &data.Training{Date: date, Hours: hours, Form: form, Topic: topic, Organizer: organizer, Location: location}
		if err := tx.Trainings.Create(ctx, session); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		t.sessions[key], t.hoursOf[session.ID] = session, hours
		t.pending = append(t.pending, "s:"+key)
	}
	placed, err := t.place(ctx, tx, r, session, location)
	if err != nil {
		return unchanged, err
	}
	akey := m.ID + "|" + key
	if a, ok := t.attendees[akey]; ok {
		sameHours := a.Hours == hours || (a.Hours == 0 && hours == t.hoursOf[string(a.TrainingID)])
		// A sheet without 证书编号 (an older layout) keeps the stored one.
		sameCertificate := !r.has("证书编号") || a.Certificate == certificate
		if sameHours && sameCertificate {
			if placed {
				return updated, nil
			}
			return unchanged, nil
		}
		changed := *a
		if !sameHours {
			changed.Hours = hours
		}
		if !sameCertificate {
			changed.Certificate = certificate
		}
		if err := tx.TrainingAttendees.Update(ctx, &changed); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		*a = changed
		return updated, nil
	}
	a := &data.TrainingAttendee{TrainingID: data.Ref(session.ID), MemberID: data.Ref(m.ID), Hours: hours,
		Certificate: certificate}
	if err := tx.TrainingAttendees.Create(ctx, a); err != nil {
		return unchanged, rowErr(r, err, cols)
	}
	t.attendees[akey] = a
	t.pending = append(t.pending, "a:"+akey)
	return created, nil
}

// place gives a session recorded without 地点 the row's; a session that
// has one keeps it (rows of one session need give it only once, and a row
// of an older sheet changes nothing). It reports whether it wrote.
func (t *trainingImporter) place(ctx context.Context, tx *data.Tx, r *row, session *data.Training, location string) (bool, error) {
	if location == "" || session.Location != "" {
		return false, nil
	}
	rec := *session
	rec.Location = location
	if err := tx.Trainings.Update(ctx, &rec); err != nil {
		return false, rowErr(r, err, map[string]string{"location": "地点"})
	}
	saved := *session
	*session = rec
	t.undo = append(t.undo, func() { *session = saved })
	return true, nil
}

func (t *trainingImporter) settle(ok bool) {
	if !ok {
		for _, k := range t.pending {
			delete(t.sessions, k[2:])
			delete(t.attendees, k[2:])
		}
		for _, restore := range t.undo {
			restore()
		}
	}
	t.pending, t.undo = t.pending[:0], t.undo[:0]
}
