package rules

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// numDevRules is the number of 发展党员 rules (vocab.DevRuleIDs).
const numDevRules = 18

// DevParams are the intervals and counts of 发展党员, as one version of the
// rules gives them. Months are calendar months; a limit "within N months"
// ends on the same day N months later.
type DevParams struct {
	AgeYears           int // an applicant is at least this old on the application (DEV-AGE)
	TalkMonths         int // the talk after an application within (DEV-TALK)
	ContactsMin        int // 培养联系人, at least (DEV-CONTACTS)
	ContactsMax        int // 培养联系人, at most (DEV-CONTACTS)
	ReportMonths       int // a 思想汇报 every (DEV-REPORT)
	ReviewMonths       int // a 考察 every (DEV-REVIEW)
	ActivistMonths     int // as 入党积极分子 at least, before 发展对象 (DEV-ACTIVIST-YEAR)
	Introducers        int // 入党介绍人 (DEV-INTRODUCERS)
	TrainingHours      int // 集中培训 学时, or (DEV-TRAINING)
	TrainingDays       int // 集中培训 days (DEV-TRAINING)
	PublicityDays      int // 公示 working days, at least (DEV-PUBLICITY)
	QuorumPercent      int // present and in favour: more than this share of those entitled (DEV-QUORUM)
	ApprovalMonths     int // 党委 approves the 接收 within (DEV-APPROVAL)
	ApprovalMaxMonths  int // … or, with a reason, at the latest (DEV-APPROVAL)
	ProbationMonths    int // 预备期 (DEV-PROBATION)
	ConfirmMonths      int // 党委 approves the 转正 within (DEV-CONFIRM)
	ExtensionMinMonths int // an extended 预备期: at least (DEV-EXTENSION)
	ExtensionMaxMonths int // … at most (DEV-EXTENSION)
	Extensions         int // how many times a 预备期 may be extended (DEV-EXTENSION)
}

// DevRules is one version of the rules of 发展党员: the text it comes from,
// the values of its intervals and, per rule, the article it applies.
type DevRules struct {
	Version string // short name chosen in 设置, e.g. 2014
	Title   string // the text the values come from
	// Since is the day the version takes effect (施行日期); zero for the
	// 2014 one, in force before any other.
	Since  time.Time
	Params DevParams
	// Sources holds, per rule in vocab.DevRuleIDs order, where in Title the
	// rule is written.
	Sources [numDevRules]string
	// Earlier is the version in force before Since (nil: the 2014 one),
	// so that a step is checked, and a 预备期 counted, under the version
	// in force on its day (On).
	Earlier *DevRules
}

// On is the version in force on day: d from its Since on, before it the
// version before d (Earlier, down to the 2014 one). Choosing a revised
// 细则 in 设置 does not change what was decided under the one before.
func (d DevRules) On(day time.Time) DevRules {
	d = d.orDefault()
	for !d.Since.IsZero() && day.Before(d.Since) {
		if d.Earlier == nil {
			return Rules2014()
		}
		d = d.Earlier.orDefault()
	}
	return d
}

// Source is where the rule is written, e.g. 《中国共产党发展党员工作细则》
// （2014）第二章「入党申请」; "" for a rule that is no DEV- rule.
func (d DevRules) Source(id vocab.RuleID) string {
	i := slices.Index(vocab.DevRuleIDs, id)
	if i < 0 {
		return ""
	}
	if d.Sources[i] == "" {
		return d.Title
	}
	return d.Title + d.Sources[i]
}

// DevVersion2014 is the name of the built-in version.
const DevVersion2014 = "2014"

// Rules2014 are the rules as applied under 《中国共产党发展党员工作细则》
// (2014; DOMAIN.md, "发展党员").
func Rules2014() DevRules {
	const (
		ch2 = "第二章「入党申请」"
		ch3 = "第三章「入党积极分子的确定和培养教育」"
		ch4 = "第四章「发展对象的确定和考察」"
		ch5 = "第五章「预备党员的接收」"
		ch6 = "第六章「预备党员的教育、考察和转正」"
	)
	return DevRules{
		Version: DevVersion2014,
		Title:   "《中国共产党发展党员工作细则》（2014年）",
		Params: DevParams{
			AgeYears: 18, TalkMonths: 1, ContactsMin: 1, ContactsMax: 2, ReportMonths: 3, ReviewMonths: 6,
			ActivistMonths: 12, Introducers: 2, TrainingHours: 24, TrainingDays: 3, PublicityDays: 5,
			QuorumPercent: 50, ApprovalMonths: 3, ApprovalMaxMonths: 6, ProbationMonths: 12, ConfirmMonths: 3,
			ExtensionMinMonths: 6, ExtensionMaxMonths: 12, Extensions: 1,
		},
		// vocab.DevRuleIDs order.
		Sources: [numDevRules]string{
			"第二章至第六章", ch2, ch2, ch3 + "、" + ch4, ch3, ch3, ch3, ch4, ch4, ch4, ch4, ch5, ch5, ch5, ch5,
			ch6, ch6, ch6,
		},
	}
}

// BuiltinDevRules lists the versions that come with the program.
func BuiltinDevRules() []DevRules { return []DevRules{Rules2014()} }

// orDefault gives the 2014 rules for a zero DevRules.
func (d DevRules) orDefault() DevRules {
	if d == (DevRules{}) {
		return Rules2014()
	}
	return d
}

// DevParamDef describes one value of DevParams: its key in a stored
// version, its Chinese label, its bounds and the rules that use it.
type DevParamDef struct {
	Key, Label string
	Min, Max   int
	Rule       vocab.RuleID
	get        func(*DevParams) *int
}

// DevParamDefs lists the values of a version, in display order.
var DevParamDefs = []DevParamDef{
	{"age_years", "入党申请人最低年龄（周岁）", 14, 30, vocab.RuleDevAge, func(p *DevParams) *int { return &p.AgeYears }},
	{"talk_months", "收到入党申请书后谈话期限（月）", 1, 12, vocab.RuleDevTalk, func(p *DevParams) *int { return &p.TalkMonths }},
	{"contacts_min", "培养联系人最少人数", 1, 5, vocab.RuleDevContacts, func(p *DevParams) *int { return &p.ContactsMin }},
	{"contacts_max", "培养联系人最多人数", 1, 5, vocab.RuleDevContacts, func(p *DevParams) *int { return &p.ContactsMax }},
	{"report_months", "思想汇报间隔（月）", 1, 12, vocab.RuleDevReport, func(p *DevParams) *int { return &p.ReportMonths }},
	{"review_months", "培养考察间隔（月）", 1, 24, vocab.RuleDevReview, func(p *DevParams) *int { return &p.ReviewMonths }},
	{"activist_months", "入党积极分子最短培养期（月）", 0, 60, vocab.RuleDevActivistYear,
		func(p *DevParams) *int { return &p.ActivistMonths }},
	{"introducers", "入党介绍人人数", 1, 5, vocab.RuleDevIntroducers, func(p *DevParams) *int { return &p.Introducers }},
	{"training_hours", "集中培训最少学时", 0, 200, vocab.RuleDevTraining, func(p *DevParams) *int { return &p.TrainingHours }},
	{"training_days", "集中培训最少天数", 0, 60, vocab.RuleDevTraining, func(p *DevParams) *int { return &p.TrainingDays }},
	{"publicity_days", "公示最少工作日", 0, 60, vocab.RuleDevPublicity, func(p *DevParams) *int { return &p.PublicityDays }},
	{"quorum_percent", "支部大会到会和赞成须超过应到人数的百分比", 0, 99, vocab.RuleDevQuorum,
		func(p *DevParams) *int { return &p.QuorumPercent }},
	{"approval_months", "党委审批接收预备党员期限（月）", 1, 24, vocab.RuleDevApproval,
		func(p *DevParams) *int { return &p.ApprovalMonths }},
	{"approval_max_months", "特殊情况审批最长期限（月）", 1, 24, vocab.RuleDevApproval,
		func(p *DevParams) *int { return &p.ApprovalMaxMonths }},
	{"probation_months", "预备期（月）", 1, 60, vocab.RuleDevProbation, func(p *DevParams) *int { return &p.ProbationMonths }},
	{"confirm_months", "党委审批转正期限（月）", 1, 24, vocab.RuleDevConfirm, func(p *DevParams) *int { return &p.ConfirmMonths }},
	{"extension_min_months", "延长预备期最短（月）", 1, 24, vocab.RuleDevExtension,
		func(p *DevParams) *int { return &p.ExtensionMinMonths }},
	{"extension_max_months", "延长预备期最长（月）", 1, 36, vocab.RuleDevExtension,
		func(p *DevParams) *int { return &p.ExtensionMaxMonths }},
	{"extensions", "预备期最多延长次数", 0, 5, vocab.RuleDevExtension, func(p *DevParams) *int { return &p.Extensions }},
}

// Get reads the value the definition describes.
func (d DevParamDef) Get(p DevParams) int { return *d.get(&p) }

// Set writes n after checking its bounds; a Chinese error names the value.
func (d DevParamDef) Set(p *DevParams, n int) error {
	if n < d.Min || n > d.Max {
		return fmt.Errorf("%s应为%d到%d之间的整数，不能是%d", d.Label, d.Min, d.Max, n)
	}
	*d.get(p) = n
	return nil
}

// devBody is a stored version's values and sources, as JSON.
type devBody struct {
	Since   string            `json:"since,omitempty"` // 施行日期, 2006-01-02
	Params  map[string]int    `json:"params"`
	Sources map[string]string `json:"sources"`
}

// EncodeBody gives the version's values and sources as the JSON a stored
// version keeps (data.DevRuleVersion.Body).
func (d DevRules) EncodeBody() string {
	b := devBody{Params: map[string]int{}, Sources: map[string]string{}}
	if !d.Since.IsZero() {
		b.Since = d.Since.Format(time.DateOnly)
	}
	for _, def := range DevParamDefs {
		b.Params[def.Key] = def.Get(d.Params)
	}
	for i, id := range vocab.DevRuleIDs {
		if d.Sources[i] != "" {
			b.Sources[string(id)] = d.Sources[i]
		}
	}
	out, _ := json.Marshal(b) // maps of ints and strings always encode
	return string(out)
}

// ParseDevRules reads a stored version: its name, title and body (JSON of
// the 施行日期, values and sources). A value the body leaves out keeps the
// 2014 one; an unknown key, a value out of bounds or contradictory values
// give a Chinese error naming them. A version of another text than the
// 2014 one cites no article of the 2014 text: the sources it leaves out are
// blank (Source then gives the title alone).
func ParseDevRules(version, title, body string) (DevRules, error) {
	d := Rules2014()
	d.Version, d.Title = strings.TrimSpace(version), strings.TrimSpace(title)
	if d.Version == "" {
		return DevRules{}, fmt.Errorf("发展党员规则版本须有名称")
	}
	if d.Title != Rules2014().Title {
		d.Sources = [numDevRules]string{}
	}
	if strings.TrimSpace(body) == "" {
		return d, nil
	}
	var b devBody
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return DevRules{}, fmt.Errorf("发展党员规则版本“%s”的内容无法读取", d.Version)
	}
	if b.Since != "" {
		since, err := time.Parse(time.DateOnly, b.Since)
		if err != nil {
			return DevRules{}, fmt.Errorf("发展党员规则版本“%s”的施行日期“%s”无效", d.Version, b.Since)
		}
		d.Since = since
	}
	for key, n := range b.Params {
		i := slices.IndexFunc(DevParamDefs, func(def DevParamDef) bool { return def.Key == key })
		if i < 0 {
			return DevRules{}, fmt.Errorf("发展党员规则版本“%s”有未知的项目“%s”", d.Version, key)
		}
		if err := DevParamDefs[i].Set(&d.Params, n); err != nil {
			return DevRules{}, err
		}
	}
	for id, text := range b.Sources {
		i := slices.Index(vocab.DevRuleIDs, vocab.RuleID(id))
		if i < 0 {
			return DevRules{}, fmt.Errorf("发展党员规则版本“%s”有未知的规则“%s”", d.Version, id)
		}
		d.Sources[i] = strings.TrimSpace(text)
	}
	return d, d.Params.check()
}

// check refuses values that contradict each other.
func (p DevParams) check() error {
	switch {
	case p.ContactsMin > p.ContactsMax:
		return fmt.Errorf("培养联系人最少人数（%d）不能多于最多人数（%d）", p.ContactsMin, p.ContactsMax)
	case p.ApprovalMonths > p.ApprovalMaxMonths:
		return fmt.Errorf("党委审批期限（%d个月）不能长于特殊情况最长期限（%d个月）", p.ApprovalMonths, p.ApprovalMaxMonths)
	case p.ExtensionMinMonths > p.ExtensionMaxMonths:
		return fmt.Errorf("延长预备期最短（%d个月）不能长于最长（%d个月）", p.ExtensionMinMonths, p.ExtensionMaxMonths)
	}
	return nil
}

// DevRulesSetting is the setting that chooses the version of the rules of
// 发展党员 (a built-in one or one added in 设置).
const DevRulesSetting = "dev.version"

// devVersionSpec is the setting naming the version in force; the version's
// values are looked up by the store (a built-in one or a stored one).
func devVersionSpec() settingSpec {
	return settingSpec{
		def: SettingDef{Key: DevRulesSetting, Label: "发展党员规则版本"},
		get: func(s Settings) string { return s.Dev.orDefault().Version },
		set: func(s *Settings, v string) error {
			v = strings.TrimSpace(v)
			if v == "" {
				return fmt.Errorf("发展党员规则版本不能为空")
			}
			for _, d := range BuiltinDevRules() {
				if d.Version == v {
					s.Dev = d
					return nil
				}
			}
			// A stored version: the store fills its values after reading
			// the settings (data.Store.RuleSettings).
			s.Dev = DevRules{Version: v}
			return nil
		},
	}
}

// WithEarlier links d to the versions in force before it: of all (every
// version one may choose), the one with the latest Since before d's, then
// the one before that, down to the 2014 one (Earlier nil).
func WithEarlier(d DevRules, all []DevRules) DevRules {
	if d.Since.IsZero() {
		return d
	}
	var prev *DevRules
	for i := range all {
		c := all[i]
		if c.Version == d.Version || c.Since.IsZero() || !c.Since.Before(d.Since) {
			continue
		}
		if prev == nil || c.Since.After(prev.Since) {
			prev = &c
		}
	}
	if prev != nil {
		linked := WithEarlier(*prev, all)
		d.Earlier = &linked
	}
	return d
}
