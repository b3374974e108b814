package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	snapshot "dangjian/sync"
)

// TestConsolidateTellsANewerReleaseFromARefusal: an organization on a
// newer release is printed as 待升级汇总端 with its reason, counted apart
// from refusals, and alone leaves the exit code 0; a snapshot that failed
// its verification is 已拒绝 and exits 3.
func TestConsolidateTellsANewerReleaseFromARefusal(t *testing.T) {
	const newer = "该组织使用的程序版本较新,请升级汇总端(快照为第9版,本程序为第8版)"
	accepted := snapshot.OrgReport{Org: "a", Name: "甲学院党委", Seq: 4, Status: snapshot.StatusAccepted}
	upgrade := snapshot.OrgReport{Org: "b", Name: "乙学院党委", Seq: 2, UsedSeq: 1, Status: snapshot.StatusRejected,
		Refusal: snapshot.RefusalNewerVersion, Reason: newer}
	tampered := snapshot.OrgReport{Org: "c", Name: "丙学院党委", Seq: 3, Status: snapshot.StatusRejected, Reason: "签名无效"}
	cases := []struct {
		name      string
		orgs      []snapshot.OrgReport
		code      int
		summary   string
		errLines  []string
		notInOut  string
		lineOfOrg map[string]string
	}{
		{"newer release alone", []snapshot.OrgReport{accepted, upgrade}, ExitOK,
			"共2个组织：已接受1个，待升级汇总端1个",
			[]string{"待升级汇总端 乙学院党委 第2号快照：" + newer}, "已拒绝",
			map[string]string{"乙学院党委": "乙学院党委  待升级汇总端  第2号  " + newer + "（沿用已接受的第1号）"}},
		{"newer release and a refusal", []snapshot.OrgReport{accepted, upgrade, tampered}, ExitRejected,
			"共3个组织：已接受1个，已拒绝1个，待升级汇总端1个",
			[]string{"待升级汇总端 乙学院党委 第2号快照：" + newer, "已拒绝 丙学院党委 第3号快照：签名无效"}, "",
			map[string]string{"丙学院党委": "丙学院党委  已拒绝  第3号  签名无效"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut, now: func() time.Time { return testToday }}
			rep := snapshot.Report{Orgs: c.orgs}
			e.printReport(rep, "")
			if code := e.reportRefusals(rep); code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			lines := strings.Split(out.String(), "\n")
			has := func(want string) bool {
				for _, l := range lines {
					if l == want {
						return true
					}
				}
				return false
			}
			if !has(c.summary) {
				t.Errorf("no summary line %q:\n%s", c.summary, out.String())
			}
			for _, want := range c.lineOfOrg {
				if !has(want) {
					t.Errorf("no line %q:\n%s", want, out.String())
				}
			}
			if got := strings.Split(strings.TrimSpace(errOut.String()), "\n"); strings.Join(got, "\n") != strings.Join(c.errLines, "\n") {
				t.Errorf("stderr %q, want %q", got, c.errLines)
			}
			if c.notInOut != "" && strings.Contains(out.String()+errOut.String(), c.notInOut) {
				t.Errorf("%q printed for a newer release:\n%s%s", c.notInOut, out.String(), errOut.String())
			}
		})
	}
}
