package app

import (
	"strings"
	"testing"
	"time"

	snapshot "dangjian/sync"
)

// TestStatusLineTellsToUpgradeForANewerCommitteeRelease: a publication
// refused because the committee's program is newer asks for an upgrade on
// the status line; a refusal of another kind still says it was refused.
func TestStatusLineTellsToUpgradeForANewerCommitteeRelease(t *testing.T) {
	refused := snapshot.ErrChannelRefused.Error()
	cases := []struct {
		name, channelError, want string
	}{
		{"newer kind", refused + "(第2号:党委使用的程序版本较新(本程序不认识第2号的类别“poll”),请升级本程序;升级前暂不接收该项及之后的发布);已收到的内容继续有效",
			"党委使用的程序版本较新，请升级本程序"},
		{"newer after a tampered one", refused + "(第2号:正文已被改动;第3号:党委使用的程序版本较新(本程序不认识第3号正文的格式“dangjian-committee-body/2”),请升级本程序;升级前暂不接收该项及之后的发布);已收到的内容继续有效",
			"党委使用的程序版本较新，请升级本程序"},
		{"tampered", refused + "(第2号:正文已被改动);已收到的内容继续有效", "党委发布的内容有被拒收的"},
		{"no key", snapshot.ErrNoCommitteeKey.Error(), "登记文件缺少党委签名公钥"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line := syncLineText(syncInfo{hasKeys: true, state: snapshot.State{Enrollment: &snapshot.Enrollment{},
				ChannelError: c.channelError}}, true, time.Time{})
			if !strings.HasSuffix(line, "；"+c.want) {
				t.Errorf("status line %q, want it to end with %q", line, c.want)
			}
		})
	}
}
