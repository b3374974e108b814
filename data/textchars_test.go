package data

import "testing"

func TestBadChar(t *testing.T) {
	cases := []struct {
		text string
		bad  bool
	}{
		{"周明哲", false},
		{"第一行\n第二行\r\n\t缩进", false},
		{"𬱖王堃", false},
		{"替换符�保留", false},
		{"周\x01明哲", true},
		{"周\x00", true},
		{"\x1b[31m", true},
		{"del\x7f", true},
		{"c1\u0085", true},
		{"非字符\ufffe", true},
		{"非字符\uffff", true},
		{"非字符\ufdd0", true},
		{"平面外非字符\U0001fffe", true},
	}
	for _, c := range cases {
		if _, got := badChar(c.text); got != c.bad {
			t.Errorf("%q: bad %v, want %v", c.text, got, c.bad)
		}
	}
}
