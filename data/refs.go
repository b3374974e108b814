package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ErrReferenced is returned when a row still has live rows referring to it.
var ErrReferenced = errors.New("仍有记录引用该记录，不能删除")

// refusal is a refusal to delete or restore, worded for the person who
// asked: its text is the whole message, and errors.Is finds its kind.
type refusal struct {
	msg  string
	kind error
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.kind }

// usePhrases counts the rows of a (table, column) that use a record, e.g.
// 「12条学习培训出席记录」; a pair not listed is counted as 「N条…记录」.
var usePhrases = map[[2]string]string{
	{"members", "branch_id"}:              "%d名党员",
	{"members", "group_id"}:               "%d名党员",
	{"party_groups", "branch_id"}:         "%d个党小组",
	{"meetings", "branch_id"}:             "%d次会议",
	{"meetings", "group_id"}:              "%d次会议",
	{"meetings", "host_id"}:               "主持的%d次会议",
	{"trainings", "speaker_id"}:           "主讲的%d次学习培训",
	{"training_attendees", "training_id"}: "%d名参加人员",
	{"training_attendees", "member_id"}:   "%d条学习培训出席记录",
	{"meeting_attendance", "meeting_id"}:  "%d条出席记录",
	{"meeting_attendance", "member_id"}:   "%d条组织生活出席记录",
	{"agreements", "member_id"}:           "%d份目标管理责任书",
	{"agreement_targets", "agreement_id"}: "%d条责任书目标",
	{"liaison_logs", "liaison_id"}:        "%d条联系记录",
	{"attachments", "sha256"}:             "%d个附件",
	{"appraisals", "member_id"}:           "%d条民主评议登记",
	{"dues", "member_id"}:                 "%d条党费记录",
	{"transfers", "member_id"}:            "%d条组织关系转接记录",
	{"talks", "member_id"}:                "%d条谈心谈话记录",
	{"care_records", "member_id"}:         "%d条关心关爱记录",
	{"liaisons", "member_id"}:             "%d条联系群众记录",
	{"supervisions", "member_id"}:         "%d条干部监督记录",
	{"honors", "member_id"}:               "%d条先进典型记录",
}

// memberStatusHint follows a refusal to delete a member: leaving is a
// status, not a deletion.
const memberStatusHint = "党员转出、停止党籍或去世时，请修改其党籍状态。"

// refusedIfReferenced fails when any live row refers to table's row id, so
// that a soft delete never leaves records pointing at nothing. The error
// names the record and counts every kind of record that uses it:
// 「党员张三仍有12条学习培训出席记录、3条党费记录,不能删除。」
func refusedIfReferenced(ctx context.Context, w *writer, table, id string) error {
	var uses []string
	for _, ref := range referrers[table] {
		var n int
		q := "SELECT COUNT(*) FROM " + ref[0] + " WHERE " + ref[1] + " = ? AND deleted_at IS NULL"
		if err := w.QueryRowContext(ctx, q, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		phrase := usePhrases[ref]
		if phrase == "" {
			phrase = "%d条" + kindName(ref[0]) + "记录"
		}
		uses = append(uses, fmt.Sprintf(phrase, n))
	}
	if len(uses) == 0 {
		return nil
	}
	subject := kindName(table)
	if r, err := loadRecord(ctx, w, table, id); err == nil {
		subject = newLabeler(w).subject(ctx, table, r)
	}
	msg := subject + "仍有" + strings.Join(uses, "、") + "，不能删除。"
	if table == "members" {
		msg += memberStatusHint
	}
	return &refusal{msg: msg, kind: ErrReferenced}
}
