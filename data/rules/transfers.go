package rules

import (
	"fmt"

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
		if t.Direction != vocab.TransferOut || !t.Receipt.IsZero() || t.Issued.IsZero() {
			continue
		}
		days := t.ValidDays
		if days <= 0 {
			days = e.s.TransferValidDays
		}
		if !e.cal.asOf.After(civil(t.Issued).AddDate(0, 0, days)) {
			continue
		}
		detail := "转出至" + t.OtherOrg
		if t.LetterNo != "" {
			detail += fmt.Sprintf("(介绍信%s)", t.LetterNo)
		}
		detail += "已超过有效期未收到回执,存在“挂空”风险"
		if m := e.members[t.MemberID]; m != nil {
			out = append(out, e.memberFinding(rTransfer, m, detail))
		} else {
			out = append(out, Finding{Rule: ruleIDs[rTransfer], MemberID: t.MemberID, Detail: detail})
		}
	}
	return out
}
