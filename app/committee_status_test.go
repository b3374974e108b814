package app

import (
	"strings"
	"testing"

	snapshot "dangjian/sync"
)

// TestOrgStatusTellsANewerReleaseFromTampering: a snapshot refused only
// because a newer release made it is 「待升级汇总端」, by the report of
// the consolidation or the reason kept, never 「已拒绝」; other statuses
// keep their names.
func TestOrgStatusTellsANewerReleaseFromTampering(t *testing.T) {
	const newer = "该组织使用的程序版本较新,请升级汇总端(快照为第5版,本程序为第4版)"
	view := func(status, reason string) snapshot.OrgView {
		v := snapshot.OrgView{Status: &snapshot.OrgStatus{Status: status, Reason: reason, Seq: 7}}
		v.Public.OrgID = "org-a"
		return v
	}
	cases := []struct {
		name string
		view snapshot.OrgView
		rep  *snapshot.Report
		want string
	}{
		{"never checked", snapshot.OrgView{}, nil, "未汇总"},
		{"accepted", view(snapshot.StatusAccepted, ""), nil, "已接受"},
		{"missing", view(snapshot.StatusMissing, "服务器上没有该组织的快照"), nil, "无快照"},
		{"tampered", view(snapshot.StatusRejected, "签名无效"), nil, "已拒绝"},
		{"newer release, by the reason kept", view(snapshot.StatusRejected, newer), nil, "待升级汇总端"},
		{"newer release, by the report", view(snapshot.StatusRejected, "快照版本较新"), &snapshot.Report{Orgs: []snapshot.OrgReport{
			{Org: "org-a", Seq: 7, Status: snapshot.StatusRejected, Refusal: snapshot.RefusalNewerVersion}}}, "待升级汇总端"},
		{"the report of another organization", view(snapshot.StatusRejected, "签名无效"), &snapshot.Report{Orgs: []snapshot.OrgReport{
			{Org: "org-b", Seq: 7, Status: snapshot.StatusRejected, Refusal: snapshot.RefusalNewerVersion}}}, "已拒绝"},
		{"damaged record", snapshot.OrgView{Damaged: "无法读取"}, nil, "记录损坏"},
	}
	for _, c := range cases {
		if got := orgStatusText(c.view, c.rep); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	lines := reportLines(snapshot.Report{Orgs: []snapshot.OrgReport{
		{Org: "org-a", Name: "计算机学院党委", Seq: 7, Status: snapshot.StatusRejected, Reason: newer, Refusal: snapshot.RefusalNewerVersion},
		{Org: "org-b", Name: "外国语学院党委", Seq: 3, Status: snapshot.StatusRejected, Reason: "签名无效"},
	}})
	text := strings.Join(lines, "\n")
	if !strings.Contains(lines[0], "拒绝 1 个") || !strings.Contains(lines[0], "待升级汇总端 1 个") ||
		!strings.Contains(text, "计算机学院党委：待升级汇总端") || !strings.Contains(text, "外国语学院党委：已拒绝") {
		t.Errorf("report:\n%s", text)
	}
}
