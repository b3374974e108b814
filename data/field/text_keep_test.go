package field

import "testing"

func TestTextKeepsChinesePunctuationAndFoldsCodes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  亮身份，亮职责（试点）\u3000", "亮身份，亮职责（试点）"},
		{"１３８００１３８０００", "13800138000"},
		{"ＡＢ－１２", "AB-12"},
		{"王\u3000毅", "王\u3000毅"},
		{"\ufeff计科2301班", "计科2301班"},
	}
	for _, c := range cases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseEnumMatchesEitherWidthOfBrackets(t *testing.T) {
	allowed := []string{"出国（境）学习研究", "失联"}
	for _, in := range []string{"出国（境）学习研究", "出国(境)学习研究", " 出国 (境) 学习研究 ", "失联"} {
		if _, err := ParseEnum(in, allowed, nil); err != nil {
			t.Errorf("ParseEnum(%q): %v", in, err)
		}
	}
	if _, err := ParseEnum("出国", allowed, nil); err == nil {
		t.Error("出国 accepted")
	}
}
