package field

import (
	"testing"
	"time"
)

// today is the fixed "today" of every test.
var today = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// wantErr checks err against a wanted error text ("" for no error).
func wantErr(t *testing.T, in string, err error, want string) bool {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%q: unexpected error %q", in, err)
		return false
	case want != "" && err == nil:
		t.Errorf("%q: no error, want %q", in, want)
		return false
	case want != "" && err.Error() != want:
		t.Errorf("%q: error %q, want %q", in, err, want)
		return false
	}
	return want == ""
}
