package committeedb

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Note is the 处理情况 the committee recorded for a cross-organization
// finding: its text, who recorded it and when.
type Note struct {
	Key    string // the finding's key (rules.KeyedFinding.Key)
	Kind   string // the finding's kind, for whoever reads the file
	Text   string
	Author string
	At     time.Time
}

// timeLayout is how times are stored: UTC, sortable as text.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// SetNote records text as the 处理情况 of the finding key, with its author
// and the time, and keeps the version it replaces in the log. An empty
// text removes the note (the log keeps it).
func (d *DB) SetNote(ctx context.Context, key, kind, text string) (Note, error) {
	n := Note{Key: key, Kind: kind, Text: strings.TrimSpace(text), Author: d.actor, At: d.now().UTC()}
	at := n.At.Format(timeLayout)
	err := d.write(ctx, func(tx *sql.Tx) error {
		var err error
		if n.Text == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM finding_notes WHERE key = ?`, key)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO finding_notes (key, kind, note, author, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, note = excluded.note, author = excluded.author,
				updated_at = excluded.updated_at`, key, kind, n.Text, n.Author, at)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO finding_note_log (key, note, author, at) VALUES (?, ?, ?, ?)`,
			key, n.Text, n.Author, at)
		return err
	})
	return n, err
}

// Notes are every finding's note, by the finding's key.
func (d *DB) Notes(ctx context.Context) (map[string]Note, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT key, kind, note, author, updated_at FROM finding_notes`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Note{}
	for rows.Next() {
		var n Note
		var at string
		if err := rows.Scan(&n.Key, &n.Kind, &n.Text, &n.Author, &at); err != nil {
			return nil, err
		}
		n.At, _ = time.Parse(timeLayout, at)
		out[n.Key] = n
	}
	return out, rows.Err()
}

// NoteTexts are the notes' texts by the finding's key, as the committee's
// documents print them.
func (d *DB) NoteTexts(ctx context.Context) (map[string]string, error) {
	notes, err := d.Notes(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(notes))
	for k, n := range notes {
		out[k] = n.Text
	}
	return out, nil
}

// History is every version of the finding's note, oldest first; a
// removal is a version with no text.
func (d *DB) History(ctx context.Context, key string) ([]Note, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT note, author, at FROM finding_note_log WHERE key = ? ORDER BY id`, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		n := Note{Key: key}
		var at string
		if err := rows.Scan(&n.Text, &n.Author, &at); err != nil {
			return nil, err
		}
		n.At, _ = time.Parse(timeLayout, at)
		out = append(out, n)
	}
	return out, rows.Err()
}
