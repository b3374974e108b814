package snapshot

import (
	"regexp"
	"testing"
)

// keysASCII finds ASCII punctuation in Chinese text, which GB/T 15834
// writes full-width: beside a Chinese character or a closing 」”）.
var keysASCII = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]`)

// TestPassphraseErrorsUseFullWidthPunctuation: 「口令不正确，无法解开密钥文件」,
// not 「口令不正确,无法解开密钥文件」.
func TestPassphraseErrorsUseFullWidthPunctuation(t *testing.T) {
	for _, err := range []error{ErrWrongPassphrase, ErrWeakPassphrase, ErrNoPassphrase} {
		if m := keysASCII.FindString(err.Error()); m != "" {
			t.Errorf("ASCII punctuation %q in %q", m, err.Error())
		}
	}
}
