package app

import (
	"fmt"
	"strings"
	"time"

	snapshot "dangjian/sync"
)

// syncLineText is the status bar's line about sync, such as
// 「同步：上次成功 11-26 14:30 第12号」 or 「同步失败：…，将于 14:41 重试」.
func syncLineText(info syncInfo, running bool, next time.Time) string {
	st := info.state
	switch {
	case st.Enrollment == nil:
		return "未加入同步"
	case info.keysErr != nil:
		return "同步：密钥文件无法使用"
	case !info.hasKeys:
		return "同步：尚未生成密钥"
	}
	if st.LastError != "" {
		text := "同步失败：" + shortSyncError(st.LastError)
		if running && !next.IsZero() {
			text += fmt.Sprintf("，将于 %s 重试", next.Local().Format("15:04"))
		}
		return text
	}
	text := "同步：尚未上传"
	if r := st.LastSuccess; r != nil {
		text = fmt.Sprintf("同步：上次成功 %s 第%d号", r.At.Local().Format("01-02 15:04"), r.Seq)
	}
	switch {
	case st.Paused:
		text += "（自动同步已暂停）"
	case !running:
		text += "（自动同步未开启）"
	}
	if st.ChannelError != "" {
		text += "；" + channelErrorShort(st.ChannelError)
	}
	return text
}

// channelErrorShort names the last check's problem with the committee's
// channel for the status line; the 工作台 shows it whole.
func channelErrorShort(msg string) string {
	if strings.HasPrefix(msg, snapshot.ErrNoCommitteeKey.Error()) {
		return "登记文件缺少党委签名公钥"
	}
	if strings.Contains(msg, newerCommitteeRelease) {
		return "党委使用的程序版本较新，请升级本程序"
	}
	if strings.Contains(msg, snapshot.ErrChannelRefused.Error()) {
		return "党委发布的内容有被拒收的"
	}
	return "党委通知未能接收"
}

// newerCommitteeRelease begins the reason a publication the committee
// signed is refused when it comes from a newer release than this one (a
// kind or a body format this build cannot read): not tampering, the
// program must be upgraded.
const newerCommitteeRelease = "党委使用的程序版本较新"

// shortSyncError shortens a push error for the status line; the 同步
// screen shows it whole.
func shortSyncError(msg string) string {
	for _, known := range []error{snapshot.ErrUnreachable, snapshot.ErrChainUnrecognised} {
		if strings.HasPrefix(msg, known.Error()) {
			return known.Error()
		}
	}
	if r := []rune(msg); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return msg
}

// pushResultText names a push outcome in the history.
func pushResultText(result string) string {
	switch result {
	case snapshot.ResultPushed:
		return "已上传"
	case snapshot.ResultUnchanged:
		return "无变化"
	case snapshot.ResultFailed:
		return "失败"
	}
	return result
}

// formatDuration writes how long a push took: 0.8秒, 2分5秒.
func formatDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1f秒", d.Seconds())
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%d分%d秒", int(d/time.Minute), int(d%time.Minute/time.Second))
}

// formatTime writes a recorded time in local time, to the second.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04:05")
}
