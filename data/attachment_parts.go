package data

import (
	"context"
	"errors"
)

// An attachment belongs to the record it documents: it is deleted with
// that record, at the same instant, so that the recycle bin lists the
// record with its attachments as parts, and restoring the record brings
// them back (partsOf finds them by the instant). An attachment deleted on
// its own comes back only while its record is live.

// deleteAttachmentsOf soft-deletes, at the writer's instant, the live
// attachments of table's row id and those of its parts deleted with it at
// that instant (an agreement's targets), each audited.
func deleteAttachmentsOf(ctx context.Context, w *writer, table, id string) error {
	owners := []rowKey{{table, id}}
	for _, part := range ownedParts[table] {
		if !ownerTables[part[0]] {
			continue
		}
		ids, err := idsWhere(ctx, w, "SELECT id FROM "+part[0]+" WHERE "+part[1]+" = ? AND deleted_at = ? ORDER BY id",
			id, Stamp{w.at})
		if err != nil {
			return err
		}
		for _, p := range ids {
			owners = append(owners, rowKey{part[0], p})
		}
	}
	for _, o := range owners {
		if !ownerTables[o.table] {
			continue
		}
		if err := deleteAttachmentsOfRow(ctx, w, o); err != nil {
			return err
		}
	}
	return nil
}

// deleteAttachmentsOfRow soft-deletes the live attachments of one row.
func deleteAttachmentsOfRow(ctx context.Context, w *writer, owner rowKey) error {
	rows, err := w.QueryContext(ctx, "SELECT id, org_id FROM attachments WHERE owner_table = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY id",
		owner.table, owner.id)
	if err != nil {
		return err
	}
	var metas []Meta
	for rows.Next() {
		var m Meta
		if err := rows.Scan(&m.ID, &m.OrgID); err != nil {
			rows.Close()
			return err
		}
		metas = append(metas, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(metas) == 0 {
		return err
	}
	at := Stamp{w.at}
	if _, err := w.exec(ctx, "UPDATE attachments SET version = version + 1, updated_at = ?, deleted_at = ? "+
		"WHERE owner_table = ? AND owner_id = ? AND deleted_at IS NULL", at, at, owner.table, owner.id); err != nil {
		return err
	}
	for i := range metas {
		w.setKnown(knownKey("attachments", metas[i].ID), false)
		if err := w.audit(ctx, &metas[i], "attachments", "delete", map[string]any{}); err != nil {
			return err
		}
	}
	return nil
}

// attachmentOwnerLive refuses to bring back an attachment whose record is
// deleted (and not being restored with it, pending), in plain words: the
// record is to be restored first.
func attachmentOwnerLive(ctx context.Context, w *writer, l *labeler, a *Attachment, pending map[string]bool) error {
	if a.OwnerID == "" || !ownerTables[a.OwnerTable] {
		return nil
	}
	key := knownKey(a.OwnerTable, string(a.OwnerID))
	if w.known[key] || pending[key] {
		return nil
	}
	owner, err := loadRecord(ctx, w, a.OwnerTable, string(a.OwnerID))
	if errors.Is(err, ErrNotFound) {
		return &refusal{msg: "所属的" + kindName(a.OwnerTable) + "已不存在，不能恢复该附件。", kind: ErrNotRestorable}
	}
	if err != nil {
		return err
	}
	if !owner.meta().DeletedAt.IsZero() {
		kind := kindName(a.OwnerTable)
		return &refusal{kind: ErrNotRestorable, msg: "所属的" + kind + "“" + l.label(ctx, owner) +
			"”已删除，请先恢复该" + kind + "。"}
	}
	w.setKnown(key, true)
	return nil
}
