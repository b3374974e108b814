package sheets

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzImportPipeline feeds arbitrary workbooks to the import of the
// pipeline sheet and of the steps sheet, over a store with members to name
// and a pipeline to match: the import must never panic, and must either
// read the rows (each problem and warning naming a data row and a reason)
// or refuse the file with a clear input error. A dry run writes nothing.
func FuzzImportPipeline(f *testing.F) {
	f.Add(pipeSheet(f))
	f.Add(book(f, headersOf(Pipeline),
		pipeRow(with(person("赵小明", id("420106", 2003, 5, 6, 11, true)), map[string]any{
			"递交入党申请书日期": "2021-13-08", "谈话人": "王建国、、李红梅、张伟", "培训学时": "-3", "接收应到人数": "x",
			"延长预备期月数": "6个月", "终止原因": "不知道", "党委审批日期": "2099-01-01"})),
		pipeRow(map[string]any{"姓名": "", "公民身份号码": "1e17", "所在支部": "没有的支部"})))
	f.Add(book(f, headersOf(DevSteps),
		[]any{id("420106", 2004, 8, 9, 12, false), "钱小红", "思想汇报", "2026-06-30", "2026-01-01", "张伟"},
		[]any{"", "", "入党", "2026/2/30", "", "无名氏、王建国、李红梅", "-1", "", "", "", "", "通过", "13"}))
	f.Add(book(f, []string{"身份证号", "申请入党时间", "介绍人"}))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	s := testStore(f)
	seedPipeMembers(f, s)
	if rep, err := Import(context.Background(), s, Pipeline, bytes.NewReader(pipeSheet(f)), Options{}); err != nil ||
		!rep.Written {
		f.Fatalf("seeding the pipeline: %+v %v", rep, err)
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		for _, k := range []Kind{Pipeline, DevSteps} {
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
			for _, p := range append(rep.Problems, rep.Warnings...) {
				if p.Row < 2 || p.Msg == "" || !strings.HasPrefix(p.String(), "第") {
					t.Fatalf("%s: problem without a data row or reason: %+v", k, p)
				}
			}
		}
	})
}
