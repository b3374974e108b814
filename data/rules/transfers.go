package rules

import (
	"fmt"
	"time"

	"dangjian/data/vocab"
)

// TransferRule (TRANSFER, 防止“挂空”): every 转出 without a receipt whose
// letter's validity (ValidDays, or TransferValidDays when 0) has run out by
// AsOf. The member is named whatever their status, since a member
// transferred out is usually no longer 正常.
func TransferRule(f *Facts, s Settings) []Finding { return runOne(f, s, rTransfer) }

func (e *engine) transfer() []Finding {
	var out []Finding
	for _, t := range e.f.Transfers {
		if !TransferOverdue(t.Direction, t.Issued, t.Receipt, t.ValidDays, e.s.TransferValidDays, e.cal.asOf) {
			continue
		}
		detail := "转出至" + t.OtherOrg
		if t.LetterNo != "" {
			detail += fmt.Sprintf("（介绍信%s）", t.LetterNo)
		}
		detail += "已超过有效期未收到回执，存在“挂空”风险"
		if m := e.members[t.MemberID]; m != nil {
			out = append(out, e.memberFinding(rTransfer, m, detail))
		} else {
			out = append(out, Finding{Rule: ruleIDs[rTransfer], MemberID: t.MemberID, Detail: detail})
		}
	}
	return out
}

// TransferValidity is a letter's validity in days: its own, or defaultDays
// (the TransferValidDays setting) when it gives none.
func TransferValidity(validDays, defaultDays int) int {
	if validDays > 0 {
		return validDays
	}
	return defaultDays
}

// TransferOverdue reports whether a letter is overdue on day: a 转出 with no
// receipt returned whose validity has run out (挂空 risk), as TRANSFER has
// it.
func TransferOverdue(dir vocab.Direction, issued, receipt time.Time, validDays, defaultDays int, day time.Time) bool {
	if dir != vocab.TransferOut || !receipt.IsZero() || issued.IsZero() {
		return false
	}
	return civil(day).After(civil(issued).AddDate(0, 0, TransferValidity(validDays, defaultDays)))
}
