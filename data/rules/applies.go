package rules

import (
	"fmt"
	"slices"
	"strings"

	"dangjian/data/vocab"
)

// personMask is a set of 人员类别, a bit per index in vocab.PersonTypes.
type personMask uint8

// personBit is t's bit; an unknown or empty type is 其他's.
func personBit(t vocab.PersonType) personMask {
	i := slices.Index(vocab.PersonTypes, t)
	if i < 0 {
		i = slices.Index(vocab.PersonTypes, vocab.PersonOther)
	}
	return 1 << i
}

// memberRules are the rules about members, which a setting can limit to
// some 人员类别; the others are about branches or letters.
var memberRules = []int{rTrain32, rTrain56, rLecture, rAppraise, rDual, rSixMonth, rTalk, rLiaison,
	rTarget, rBirthday, rProbation, rFifty}

// defaultNotFor are the 人员类别 a rule does not apply to by default: a
// retired member keeps no liaison with a 困难学生 (DOMAIN.md's LIAISON is
// about serving students and the masses at work).
func defaultNotFor() (n [numRules]personMask) {
	n[rLiaison] = personBit(vocab.PersonRetired)
	return n
}

// applies reports whether rule r applies to member m under the settings.
func (e *engine) applies(r int, m *Member) bool {
	return e.s.NotFor[r]&personBit(m.PersonType) == 0
}

// AppliesPrefix starts the settings keys of the 人员类别 each rule applies
// to: applies.TALK and so on.
const AppliesPrefix = "applies."

// AppliesKey is the settings key of the 人员类别 rule id applies to.
func AppliesKey(id vocab.RuleID) string { return AppliesPrefix + string(id) }

// appliesKey is the settings key of rule r's 人员类别.
func appliesKey(r int) string { return AppliesKey(ruleIDs[r]) }

// appliesSpec is the setting of the 人员类别 that rule r applies to, shown
// and entered as the list of types (「在职教职工、学生、其他」) or 「全部」.
func appliesSpec(r int) settingSpec {
	label := vocab.RuleID(ruleIDs[r]).Label() + " 适用人员类别"
	return settingSpec{
		def: SettingDef{Key: appliesKey(r), Label: label},
		get: func(s Settings) string {
			if s.NotFor[r] == 0 {
				return AppliesAll
			}
			var names []string
			for i, t := range vocab.PersonTypes {
				if s.NotFor[r]&(1<<i) == 0 {
					names = append(names, string(t))
				}
			}
			if len(names) == 0 {
				return AppliesNone
			}
			return strings.Join(names, "、")
		},
		set: func(s *Settings, v string) error {
			switch v {
			case AppliesAll:
				s.NotFor[r] = 0
				return nil
			case AppliesNone:
				s.NotFor[r] = personMask(1<<len(vocab.PersonTypes)) - 1
				return nil
			}
			var in personMask
			for _, part := range strings.FieldsFunc(v, func(c rune) bool { return strings.ContainsRune("、,,;; ", c) }) {
				t, ok := vocab.Parse(vocab.PersonTypes, part)
				if !ok {
					return fmt.Errorf("%s：没有名为“%s”的人员类别，应为%s中的一个或几个（用、分隔），或“全部”、“无”",
						label, part, strings.Join(vocab.Texts(vocab.PersonTypes), "、"))
				}
				in |= personBit(t)
			}
			s.NotFor[r] = (personMask(1<<len(vocab.PersonTypes)) - 1) &^ in
			return nil
		},
	}
}

// The words for every and no 人员类别 in an applies setting.
const (
	AppliesAll  = "全部"
	AppliesNone = "无"
)
