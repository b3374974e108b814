package data

import (
	"testing"

	"dangjian/data/hanzi/hanzitest"
)

// TestChineseTextHasFullWidthPunctuation: the data package's Chinese
// messages (refusals, validation problems) reach the window and use
// full-width punctuation.
func TestChineseTextHasFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"*.go"}, nil)
}
