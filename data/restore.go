package data

import (
	"context"
	"errors"
	"fmt"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrNotRestorable is returned when a deleted record cannot come back: what
// it belongs to is deleted too, or another record has taken its place.
var ErrNotRestorable = errors.New("不能恢复该记录")

// Restore un-deletes a soft-deleted row: it is live again, with a new
// version and time of change, and the audit log records "restore"; the
// rows deleted with it (its parts, such as a meeting's attendance) come
// back too, as with Store.RestoreDeleted. A row that is live already is
// left alone. It is refused, in plain words (errors.Is ErrNotRestorable),
// while a record it belongs to is deleted (restore that first) or when
// another live record now holds its place (a 党费 month entered again).
func (t Table[T, P]) Restore(ctx context.Context, id string) error {
	return t.x.write(ctx, func(w *writer) error { return restoreWithParts(ctx, w, t.name, id) })
}

// restoreRow un-deletes the row of table with the id. pending holds the
// rows (knownKey) being restored in the same transaction, which the row
// may refer to.
func restoreRow(ctx context.Context, w *writer, l *labeler, table, id string, pending map[string]bool) error {
	r, err := loadRecord(ctx, w, table, id)
	if err != nil {
		return err
	}
	m := r.meta()
	if m.DeletedAt.IsZero() {
		return nil
	}
	if err := restorable(ctx, w, l, table, r, pending); err != nil {
		return err
	}
	q := "UPDATE " + table + " SET version = version + 1, updated_at = ?, deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"
	if _, err := w.exec(ctx, q, Stamp{w.at}, id); err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
			return &refusal{msg: "已有相同的记录，不能恢复" + l.subject(ctx, table, r) + "。", kind: ErrNotRestorable}
		}
		return fmt.Errorf("恢复失败：%w", err)
	}
	w.setKnown(knownKey(table, id), true)
	m.Version++
	m.UpdatedAt, m.DeletedAt = Stamp{w.at}, Stamp{}
	return w.audit(ctx, m, table, "restore", map[string]any{})
}

// restorable refuses a row whose records it belongs to (an attachment's
// record among them) are deleted and not being restored with it, or that
// a live record has replaced.
func restorable(ctx context.Context, w *writer, l *labeler, table string, r Record, pending map[string]bool) error {
	for _, f := range r.Fields() {
		ref, ok := f.Ptr.(*Ref)
		target, known := refTables[f.Col]
		if !ok || !known || *ref == "" {
			continue
		}
		key := knownKey(target, string(*ref))
		if w.known[key] || pending[key] {
			continue
		}
		parent, err := loadRecord(ctx, w, target, string(*ref))
		if errors.Is(err, ErrNotFound) {
			return &refusal{msg: "所属的" + kindName(target) + "已不存在，不能恢复。", kind: ErrNotRestorable}
		}
		if err != nil {
			return err
		}
		if !parent.meta().DeletedAt.IsZero() {
			return &refusal{kind: ErrNotRestorable, msg: "所属的" + kindName(target) + "“" + l.label(ctx, parent) +
				"”已删除，请先恢复该" + kindName(target) + "。"}
		}
		w.setKnown(key, true)
	}
	if a, ok := r.(*Attachment); ok {
		if err := attachmentOwnerLive(ctx, w, l, a, pending); err != nil {
			return err
		}
	}
	if err := refusedIfAttending(ctx, w, table, r, pending); err != nil {
		return err
	}
	c := newChecker(r, w.today())
	if err := checkNaturalKey(ctx, w, r, c); err != nil {
		return err
	}
	if sc, ok := r.(storeChecker); ok {
		if err := sc.checkStore(ctx, w, c); err != nil {
			return err
		}
	}
	if len(c.problems) == 0 {
		return nil
	}
	if d, ok := r.(*Dues); ok {
		return &refusal{kind: ErrNotRestorable, msg: l.member(ctx, d.MemberID) + monthText(d.Month) +
			"的党费已重新录入，不能恢复删除的这条记录；如需更正，请修改现有的记录。"}
	}
	msgs := make([]string, len(c.problems))
	for i, p := range c.problems {
		msgs[i] = "「" + p.Label + "」" + p.Msg
	}
	return &refusal{kind: ErrNotRestorable, msg: "不能恢复" + l.subject(ctx, table, r) + ":" + strings.Join(msgs, ";") + "。"}
}

// attendanceKeys are, for an attendance table, the columns naming the
// occasion and the member: a member attends once.
var attendanceKeys = map[string][2]string{
	"training_attendees": {"training_id", "member_id"},
	"meeting_attendance": {"meeting_id", "member_id"},
}

// refusedIfAttending refuses to bring back an attendance row removed by an
// edit when the member is on the list again: the member would count twice.
// A row coming back with its session or meeting (pending) has no rival: a
// deleted occasion has no live attendance.
func refusedIfAttending(ctx context.Context, w *writer, table string, r Record, pending map[string]bool) error {
	keys, ok := attendanceKeys[table]
	if !ok {
		return nil
	}
	var occasion, member Ref
	for _, f := range r.Fields() {
		switch f.Col {
		case keys[0]:
			occasion = *f.Ptr.(*Ref)
		case keys[1]:
			member = *f.Ptr.(*Ref)
		}
	}
	if pending[knownKey(refTables[keys[0]], string(occasion))] {
		return nil
	}
	var n int
	q := "SELECT COUNT(*) FROM " + table + " WHERE " + keys[0] + " = ? AND " + keys[1] + " = ? AND deleted_at IS NULL"
	if err := w.QueryRowContext(ctx, q, string(occasion), string(member)).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return &refusal{kind: ErrNotRestorable, msg: "该党员已在出席名单中，不必恢复这条出席记录。"}
	}
	return nil
}
