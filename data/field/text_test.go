package field

import (
	"errors"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"  abc\t\n", "abc"},
		{"\u3000张三\u3000", "张三"},
		{"\u00a0党支部\u00a0", "党支部"},
		{"\ufeff\u200b2019-07-01\r\n", "2019-07-01"},
		{"１２３４５６７８９０", "1234567890"},
		{"ＡＢＣｘｙｚ", "ABCxyz"},
		{"２０１９．０７．０１", "2019.07.01"},
		{"２０１９／７／１", "2019/7/1"},
		{"２０１９－０７－０１", "2019-07-01"},
		{"（一）", "(一)"},
		{"张三　李四", "张三 李四"}, // inner ideographic space becomes ' ', kept
		{"正式党员", "正式党员"},
		{"。、「」中文", "。、「」中文"}, // Chinese punctuation left alone
		{"２０１９年７月１日", "2019年7月1日"},
		{"￥１２．５０", "¥12.50"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestParseBool(t *testing.T) {
	tests := []struct {
		in   string
		want bool
		err  string
	}{
		{"是", true, ""}, {"否", false, ""},
		{"Y", true, ""}, {"N", false, ""},
		{"y", true, ""}, {"n", false, ""},
		{"yes", true, ""}, {"No", false, ""}, {"YES", true, ""},
		{"true", true, ""}, {"FALSE", false, ""},
		{"1", true, ""}, {"0", false, ""},
		{"１", true, ""}, {"０", false, ""},
		{"√", true, ""}, {"×", false, ""},
		{"✓", true, ""}, {"✗", false, ""},
		{"有", true, ""}, {"无", false, ""},
		{"\u3000是 ", true, ""},
		{"Ｙｅｓ", true, ""},
		{"2", false, "应填写“是”或“否”"},
		{"是的吧", false, "应填写“是”或“否”"},
		{"x", false, "应填写“是”或“否”"},
		{"", false, "未填写"},
		{"\u3000", false, "未填写"},
	}
	for _, tt := range tests {
		got, err := ParseBool(tt.in)
		if wantErr(t, tt.in, err, tt.err) && got != tt.want {
			t.Errorf("ParseBool(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if _, err := ParseBool(" "); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParseBool(blank) error %v, want ErrEmpty", err)
	}
}

func TestParseEnum(t *testing.T) {
	kinds := []string{"正式党员", "预备党员"}
	aliases := map[string]string{"正式": "正式党员", "预备": "预备党员"}
	const errKinds = "应为以下之一：正式党员/预备党员"
	tests := []struct {
		in      string
		allowed []string
		aliases map[string]string
		want    string
		err     string
	}{
		{"正式党员", kinds, aliases, "正式党员", ""},
		{"正式", kinds, aliases, "正式党员", ""},
		{" 预备\u3000", kinds, aliases, "预备党员", ""},
		{"预备 党员", kinds, aliases, "预备党员", ""},
		{"预备", kinds, nil, "", errKinds},
		{"党员", kinds, aliases, "", errKinds},
		{"", kinds, aliases, "", "未填写"},
		{"男", []string{"男", "女"}, nil, "男", ""},
		{"M", []string{"男", "女"}, map[string]string{"M": "男", "F": "女"}, "男", ""},
		{"Ｆ", []string{"男", "女"}, map[string]string{"M": "男", "F": "女"}, "女", ""},
		{"男性", []string{"男", "女"}, nil, "", "应为以下之一：男/女"},
		{"转出", []string{"转出", "转入"}, nil, "转出", ""},
		// An alias whose target is not allowed does not sneak through.
		{"x", []string{"A"}, map[string]string{"x": "B"}, "", "应为以下之一：A"},
	}
	for _, tt := range tests {
		got, err := ParseEnum(tt.in, tt.allowed, tt.aliases)
		if wantErr(t, tt.in, err, tt.err) && got != tt.want {
			t.Errorf("ParseEnum(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
