package sheets

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzImport feeds arbitrary bytes to the import of every kind (those of
// the member file and 实践锻炼 included): it must
// never panic, and must either read the rows (each problem naming a data
// row and a reason) or refuse the file with a clear input error.
func FuzzImport(f *testing.F) {
	good := book(f, headersOf(Members), memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "一支部"))
	f.Add(good)
	f.Add(book(f, headersOf(Training), []any{"x", "y", "2026-13-01", "abc", "?", "", ""}))
	f.Add(book(f, headersOf(Transfers), []any{id("420106", 1980, 3, 4, 1, true), "王建国", "转入", "外国语学院党委",
		"转字第1号", "2026-05-01", "90", "", "2026年4月"}, []any{"", "", "转出", "", "", "", "", "", "2026-13"}))
	// The kinds of the member file: bad years, dates, choices and names
	// of what is not in the database.
	f.Add(book(f, headersOf(Pledges), []any{id("420106", 1980, 3, 4, 1, true), "王建国", "2026年", "承诺", "2026-03-10",
		"已践诺", "", ""}, []any{"", "", "0", "", "2099-01-01", "很好", "", "x"}))
	f.Add(book(f, headersOf(Courses), []any{"2026", "学习党章", "党章", "2.555", "无名氏", "", ""}))
	f.Add(book(f, headersOf(LeaderVisits), []any{id("420106", 1980, 3, 4, 1, true), "王建国", "班级", "计科2301班",
		"2026-03-01", "座谈"}))
	f.Add(book(f, headersOf(Episodes), []any{"x", "y", "出国(境)学习研究", "2026/2/30", "", "", "其他", "", "", ""}))
	f.Add(book(f, []string{"姓名"}))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte{})
	s := testStore(f)
	f.Fuzz(func(t *testing.T, content []byte) {
		for _, k := range Kinds {
			rep, err := Import(context.Background(), s, k, bytes.NewReader(content), Options{DryRun: true})
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Msg == "" || !utf8.ValidString(ie.Msg) {
					t.Fatalf("%s: not a clear input error: %v", k, err)
				}
				continue
			}
			if rep.Written {
				t.Fatalf("%s: a dry run wrote", k)
			}
			for _, p := range rep.Problems {
				if p.Row < 2 || p.Msg == "" {
					t.Fatalf("%s: problem without a data row or reason: %+v", k, p)
				}
			}
		}
	})
}
