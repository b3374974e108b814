package sheets

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"dangjian/reports/sheets/xlsxfault"
)

// TestEscapedControlCharactersAreRowErrors: Excel's _xHHHH_ escape can
// carry characters that raw XML may not (_x0001_, _xFFFE_). They are
// decoded as Excel does, then refused like any other bad value, so that
// nothing unprintable reaches the database or a later export.
func TestEscapedControlCharactersAreRowErrors(t *testing.T) {
	for _, escape := range []string{"_x0001_", "_x001B_", "_xFFFE_"} {
		t.Run(escape, func(t *testing.T) {
			s := testStore(t)
			good := book(t, headersOf(Members), memberRow("周ZZ明哲", id("420106", 1990, 5, 6, 12, true), "男", "一支部"))
			content, err := xlsxfault.Rezip(good, 8, func(name string, b []byte) []byte {
				return bytes.ReplaceAll(b, []byte("ZZ"), []byte(escape))
			})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			rep, err := Import(ctx, s, Members, bytes.NewReader(content), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].String(), "「姓名」") ||
				!strings.Contains(rep.Problems[0].Msg, "控制字符") {
				t.Fatalf("problems %v", rep.Problems)
			}
			if n, _ := s.Members.Count(ctx); n != 0 || rep.Written {
				t.Fatalf("%d members written", n)
			}
		})
	}
}
