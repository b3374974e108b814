package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// committeeRulesText is what 设置 shows in committee mode in place of the
// rule form: the consolidated data is the organizations', and the
// committee sets thresholds by publishing them.
const committeeRulesText = "汇总数据由各二级党组织维护，党委端不能在此修改规则设置。" +
	"需要统一的规则阈值，请在「" + publishTitle + "」中设定并发布，各组织同步后生效。"

// committeeRulesNote is 设置's rules section in committee mode.
func committeeRulesNote() fyne.CanvasObject {
	l := widget.NewLabel(committeeRulesText)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}
