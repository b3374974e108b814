package snapshot

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"dangjian/data/localfs"
)

// historyLength is how many pushes State remembers.
const historyLength = 50

// Push outcomes recorded in the history.
const (
	ResultPushed    = "pushed"
	ResultUnchanged = "unchanged"
	ResultFailed    = "failed"
)

// PushRecord is one attempt to push.
type PushRecord struct {
	At       time.Time     `json:"at"`
	Result   string        `json:"result"` // pushed | unchanged | failed
	Seq      uint64        `json:"seq,omitempty"`
	Size     int64         `json:"size,omitempty"` // ciphertext bytes uploaded
	Duration time.Duration `json:"duration"`
	Error    string        `json:"error,omitempty"`
}

// State is the organization's sync settings and record, kept in a file
// beside the database (never in it: a snapshot must not change because it
// was pushed).
type State struct {
	Enrollment *Enrollment `json:"enrollment,omitempty"`
	// IntervalMinutes is the GUI's push period; 0 means the default.
	IntervalMinutes int `json:"interval_minutes,omitempty"`
	// Paused stops the GUI's periodic pushes.
	Paused bool `json:"paused,omitempty"`

	LastSuccess  *PushRecord  `json:"last_success,omitempty"`
	LastSeq      uint64       `json:"last_seq,omitempty"`
	LastManifest string       `json:"last_manifest_sha256,omitempty"`
	LastPlain    string       `json:"last_plaintext_sha256,omitempty"`
	LastError    string       `json:"last_error,omitempty"`
	LastErrorAt  time.Time    `json:"last_error_at,omitzero"`
	History      []PushRecord `json:"history,omitempty"`

	// ChannelCheckedAt is when the committee's channel was last read
	// (Fetch), and ChannelError what went wrong then ("" for nothing):
	// refused objects, or an enrollment without the committee's key.
	ChannelCheckedAt time.Time `json:"channel_checked_at,omitzero"`
	ChannelError     string    `json:"channel_error,omitempty"`
}

// DefaultInterval is the GUI's push period when none is set.
const DefaultInterval = 30 * time.Minute

// Interval is the push period.
func (s State) Interval() time.Duration {
	if s.IntervalMinutes <= 0 {
		return DefaultInterval
	}
	return time.Duration(s.IntervalMinutes) * time.Minute
}

// StatePath is the sync file of the database at dbPath.
func StatePath(dbPath string) string {
	return localfs.Beside(dbPath, localfs.StateEnding)
}

// ErrStateDamaged means the sync file beside the database cannot be read:
// it must be repaired or removed (then the enrollment is imported again).
var ErrStateDamaged = errors.New("同步设置文件已损坏")

// stateMu serializes read-modify-write of state files in this process.
var stateMu sync.Mutex

// LoadState reads the sync file at path; a missing file is an empty state.
func LoadState(path string) (State, error) {
	var s State
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return State{}, damagedState(path, err)
	}
	if err := s.validate(); err != nil {
		return State{}, damagedState(path, err)
	}
	return s, nil
}

func damagedState(path string, err error) error {
	return fmt.Errorf("%w(%s): %v;请从备份恢复该文件,或删除它后重新导入党委发来的登记文件", ErrStateDamaged, path, err)
}

// validate checks what the program relies on: the enrollment, and the
// record of the last manifest the push builds on.
func (s State) validate() error {
	if s.Enrollment != nil {
		if err := s.Enrollment.validate(); err != nil {
			return fmt.Errorf("登记信息无效: %w", err)
		}
	}
	if s.LastManifest != "" && !isSHA256Hex(s.LastManifest) || (s.LastManifest == "") != (s.LastSeq == 0) {
		return errors.New("最后一次上传的记录无效")
	}
	if s.LastPlain != "" && !isSHA256Hex(s.LastPlain) {
		return errors.New("最后一次上传的记录无效")
	}
	return nil
}

// UpdateState applies fn to the state in the file at path and saves it.
func UpdateState(path string, fn func(*State) error) (State, error) {
	stateMu.Lock()
	defer stateMu.Unlock()
	s, err := LoadState(path)
	if err != nil {
		return s, err
	}
	if err := fn(&s); err != nil {
		return s, err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return s, err
	}
	return s, writeFile(path, append(b, '\n'))
}

// record appends a push record to the history, newest first.
func (s *State) record(r PushRecord) {
	s.History = append([]PushRecord{r}, s.History...)
	if len(s.History) > historyLength {
		s.History = s.History[:historyLength]
	}
	if r.Result == ResultFailed {
		s.LastError, s.LastErrorAt = r.Error, r.At
		return
	}
	rec := r
	s.LastSuccess = &rec
	s.LastError, s.LastErrorAt = "", time.Time{}
}

// Join stores the enrollment for the database at dbPath, after checking
// that it names this organization.
func Join(dbPath string, e Enrollment, orgID string) error {
	if err := e.validate(); err != nil {
		return err
	}
	if e.OrgID != orgID {
		return fmt.Errorf("登记文件属于另一个组织(%s),不是本组织(%s)", e.OrgID, orgID)
	}
	_, err := UpdateState(StatePath(dbPath), func(s *State) error {
		if s.Enrollment == nil || s.Enrollment.Endpoint != e.Endpoint || s.Enrollment.Bucket != e.Bucket {
			s.LastSeq, s.LastManifest, s.LastPlain = 0, "", ""
		}
		s.Enrollment = &e
		return nil
	})
	return err
}
