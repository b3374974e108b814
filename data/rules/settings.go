package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"dangjian/data/field"
	"dangjian/data/vocab"
)

// Settings holds the thresholds the rules use. Start from DefaultSettings;
// the zero Settings is treated as DefaultSettings by every rule.
type Settings struct {
	TrainingHours       int     // 党员每年集中学习培训学时 (TRAIN-32)
	LeaderTrainingHours int     // 书记和班子成员每年学时 (TRAIN-56)
	SelfStudyCounts     bool    // 个人自学 counts toward the hours
	ExcellentMaxRatio   Ratio   // 优秀 at most this share of graded members (APPRAISE)
	InactiveMonths      int     // months without 组织生活 or dues: 自行脱党 risk (SIX-MONTH)
	InactiveWarnMonths  int     // months without 组织生活 or dues: early warning (SIX-MONTH)
	TransferValidDays   int     // validity of a transfer letter when it has none (TRANSFER)
	ProbationWarnDays   int     // warn this many days before 预备期 ends (PROBATION)
	GloryYears          int     // 党龄 for the 光荣在党 medal (FIFTY)
	EvalPassScore       float64 // a branch scoring below this is flagged (EVAL)
	PledgeBy            int     // 承诺 made public by this day of each year, as month×100 + day (PLEDGE)
	// VolunteerHours is the 志愿服务 hours each member owes a year, by
	// 人员类别 in vocab.PersonTypes order; 0 does not check (VOLUNTEER).
	VolunteerHours   [numPersonTypes]int
	LeaderVisits     int // visits a 党员领导干部 makes to each 联系点 a year (LEADER-LINK)
	LostMonths       int // months 失联 after which 停止党籍 is due (LOST-CONTACT)
	CorrectionMonths int // a 限期改正's period when it records no deadline (CORRECTION)
	TermYears        int // a 支委会's term from its election (BRANCH-SHAPE)
	// RecordsSince is the month records are kept here from (记录起始月份),
	// as year×12 + month − 1; 0 means the default: per kind of record, the
	// earlier of the database's creation and its first record.
	RecordsSince int
	// NotFor holds, per rule, the 人员类别 it does not apply to.
	NotFor [numRules]personMask
	// Dev is the version of the rules of 发展党员 in force (DEV- rules).
	Dev DevRules
}

// DefaultSettings returns the thresholds DOMAIN.md gives as defaults.
func DefaultSettings() Settings {
	return Settings{
		TrainingHours:       32,
		LeaderTrainingHours: 56,
		SelfStudyCounts:     false,
		ExcellentMaxRatio:   Ratio{Num: 1, Den: 3},
		InactiveMonths:      6,
		InactiveWarnMonths:  3,
		TransferValidDays:   90,
		ProbationWarnDays:   30,
		GloryYears:          50,
		EvalPassScore:       60,
		PledgeBy:            331,
		LeaderVisits:        2,
		LostMonths:          6,
		CorrectionMonths:    12,
		TermYears:           3,
		NotFor:              defaultNotFor(),
		Dev:                 Rules2014(),
	}
}

// orDefault returns DefaultSettings for the zero Settings, else s.
func (s Settings) orDefault() Settings {
	if s == (Settings{}) {
		return DefaultSettings()
	}
	return s
}

// SettingDef describes one setting as stored in the database: its key, the
// Chinese label shown to users and the default value as text.
type SettingDef struct {
	Key, Label, Default string
}

// settingSpec ties a SettingDef to the Settings field it reads and writes.
type settingSpec struct {
	def SettingDef
	get func(Settings) string
	set func(*Settings, string) error
}

// intSpec describes an integer setting within [lo, hi].
func intSpec(key, label string, lo, hi int, p func(*Settings) *int) settingSpec {
	return settingSpec{
		def: SettingDef{Key: key, Label: label},
		get: func(s Settings) string { return strconv.Itoa(*p(&s)) },
		set: func(s *Settings, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < lo || n > hi {
				return fmt.Errorf("%s应为%d到%d之间的整数，不能是“%s”", label, lo, hi, v)
			}
			*p(s) = n
			return nil
		},
	}
}

var settingSpecs = withRuleSpecs([]settingSpec{
	intSpec("train.hours", "党员每年集中学习培训学时", 0, 1000,
		func(s *Settings) *int { return &s.TrainingHours }),
	intSpec("train.leader_hours", "书记和班子成员每年集中学习培训学时", 0, 1000,
		func(s *Settings) *int { return &s.LeaderTrainingHours }),
	{
		def: SettingDef{Key: "train.self_study", Label: "个人自学计入集中学习学时"},
		get: func(s Settings) string { return strconv.FormatBool(s.SelfStudyCounts) },
		set: func(s *Settings, v string) error {
			b, err := field.ParseBool(v)
			if err != nil {
				return fmt.Errorf("个人自学计入集中学习学时应为“是”或“否”，不能是“%s”", v)
			}
			s.SelfStudyCounts = b
			return nil
		},
	},
	{
		def: SettingDef{Key: "appraise.excellent_max", Label: "民主评议优秀比例上限"},
		get: func(s Settings) string { return s.ExcellentMaxRatio.String() },
		set: func(s *Settings, v string) error {
			r, ok := parseRatio(v)
			if !ok {
				return fmt.Errorf("民主评议优秀比例上限应为0到1之间的比例（如1/3、0.3或30%%），不能是“%s”", v)
			}
			s.ExcellentMaxRatio = r
			return nil
		},
	},
	intSpec("inactive.months", "未参加组织生活或未交党费月数（自行脱党风险）", 1, 120,
		func(s *Settings) *int { return &s.InactiveMonths }),
	intSpec("inactive.warn_months", "未参加组织生活或未交党费月数（预警）", 1, 120,
		func(s *Settings) *int { return &s.InactiveWarnMonths }),
	intSpec("transfer.valid_days", "组织关系介绍信有效期（天）", 1, 3650,
		func(s *Settings) *int { return &s.TransferValidDays }),
	intSpec("probation.warn_days", "预备期届满提前提醒天数", 0, 365,
		func(s *Settings) *int { return &s.ProbationWarnDays }),
	intSpec("glory.years", "光荣在党纪念章党龄（年）", 1, 100,
		func(s *Settings) *int { return &s.GloryYears }),
	{
		def: SettingDef{Key: "eval.pass_score", Label: "考评合格分数"},
		get: func(s Settings) string { return formatNumber(s.EvalPassScore) },
		set: func(s *Settings, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsNaN(f) || f < 0 || f > 100 {
				return fmt.Errorf("考评合格分数应为0到100之间的数，不能是“%s”", v)
			}
			s.EvalPassScore = f
			return nil
		},
	},
	pledgeBySpec(),
	intSpec("leader.visits", "党员领导干部每年到每个联系点次数", 0, 100,
		func(s *Settings) *int { return &s.LeaderVisits }),
	intSpec("lost.months", "失联党员满多少个月应停止党籍", 1, 120,
		func(s *Settings) *int { return &s.LostMonths }),
	intSpec("correction.months", "限期改正未填期限时的改正期（月）", 1, 120,
		func(s *Settings) *int { return &s.CorrectionMonths }),
	intSpec("branch.term_years", "支部委员会每届任期（年）", 1, 10,
		func(s *Settings) *int { return &s.TermYears }),
})

// withRuleSpecs adds to specs the 记录起始月份 and each member rule's
// 人员类别.
func withRuleSpecs(specs []settingSpec) []settingSpec {
	specs = append(specs, volunteerSpecs()...)
	specs = append(specs, recordsSinceSpec(), devVersionSpec())
	for _, r := range memberRules {
		specs = append(specs, appliesSpec(r))
	}
	return specs
}

// SettingDefs lists every setting, in display order, with its default.
var SettingDefs = settingDefs()

func settingDefs() []SettingDef {
	d := DefaultSettings()
	defs := make([]SettingDef, len(settingSpecs))
	for i, sp := range settingSpecs {
		defs[i] = sp.def
		defs[i].Default = sp.get(d)
	}
	return defs
}

// Set parses value (full-width digits and surrounding spaces are accepted)
// into the setting named key. An unknown key or a bad value gives a Chinese
// error and leaves s unchanged.
func (s *Settings) Set(key, value string) error {
	for _, sp := range settingSpecs {
		if sp.def.Key == key {
			return sp.set(s, field.Normalize(value))
		}
	}
	return fmt.Errorf("未知的设置项“%s”", key)
}

// Values returns every setting as key → text, in the form Set accepts.
func (s Settings) Values() map[string]string {
	v := make(map[string]string, len(settingSpecs))
	for _, sp := range settingSpecs {
		v[sp.def.Key] = sp.get(s)
	}
	return v
}

// Ratio is an exact fraction Num/Den, so that "at most one third" is
// compared without floating point.
type Ratio struct {
	Num, Den int64
}

// String gives the ratio as "1/3".
func (r Ratio) String() string {
	return strconv.FormatInt(r.Num, 10) + "/" + strconv.FormatInt(r.Den, 10)
}

// exceededBy reports whether n out of total is more than r.
func (r Ratio) exceededBy(n, total int) bool {
	return int64(n)*r.Den > int64(total)*r.Num
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// chinese gives the ratio as users read it: 三分之一 for small denominators,
// else a percentage such as 35%.
func (r Ratio) chinese() string {
	if r.Den >= 2 && r.Den <= 10 && r.Num > 0 && r.Num < r.Den {
		return cnDigits[r.Den] + "分之" + cnDigits[r.Num]
	}
	return formatNumber(math.Round(float64(r.Num)*10000/float64(r.Den))/100) + "%"
}

// parseRatio reads "1/3", "0.3", "30%" or "1" into a reduced Ratio within
// [0, 1]. Decimals are read exactly.
func parseRatio(s string) (Ratio, bool) {
	var r Ratio
	var ok bool
	if a, b, found := strings.Cut(s, "/"); found {
		num, err1 := strconv.ParseInt(strings.TrimSpace(a), 10, 64)
		den, err2 := strconv.ParseInt(strings.TrimSpace(b), 10, 64)
		r, ok = Ratio{num, den}, err1 == nil && err2 == nil
	} else if p, found := strings.CutSuffix(s, "%"); found {
		r, ok = parseDecimal(strings.TrimSpace(p))
		r.Den *= 100
	} else {
		r, ok = parseDecimal(s)
	}
	if !ok || r.Den <= 0 || r.Den > 1e9 || r.Num < 0 || r.Num > r.Den {
		return Ratio{}, false
	}
	g := gcd(r.Num, r.Den)
	return Ratio{r.Num / g, r.Den / g}, true
}

// parseDecimal reads a non-negative decimal with at most six decimals.
func parseDecimal(s string) (Ratio, bool) {
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "" && fp == "" || len(fp) > 6 || len(ip) > 6 {
		return Ratio{}, false
	}
	r := Ratio{Den: 1}
	for _, c := range ip + fp {
		if c < '0' || c > '9' {
			return Ratio{}, false
		}
		r.Num = r.Num*10 + int64(c-'0')
	}
	for range fp {
		r.Den *= 10
	}
	return r, true
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// numPersonTypes is len(vocab.PersonTypes), which a settings array needs
// as a constant; a test keeps the two equal.
const numPersonTypes = 4

// volunteerKeys name the VOLUNTEER thresholds' settings, in
// vocab.PersonTypes order.
var volunteerKeys = [numPersonTypes]string{"volunteer.hours.staff", "volunteer.hours.student",
	"volunteer.hours.retired", "volunteer.hours.other"}

// volunteerSpecs are the 志愿服务 hours a year each 人员类别 owes.
func volunteerSpecs() []settingSpec {
	specs := make([]settingSpec, numPersonTypes)
	for i, t := range vocab.PersonTypes[:numPersonTypes] {
		specs[i] = intSpec(volunteerKeys[i], string(t)+"每年志愿服务时长（小时，0为不检查）", 0, 1000,
			func(s *Settings) *int { return &s.VolunteerHours[i] })
	}
	return specs
}

// PledgeByKey is the settings key of the day each year by which members
// make their 承诺 public (PLEDGE).
const PledgeByKey = "pledge.by"

// pledgeBySpec is the day of the year by which each member makes a 承诺
// public, entered as 03-31 (or 3-31, 3月31日).
func pledgeBySpec() settingSpec {
	const label = "党员公开承诺截止日期（每年，月-日）"
	return settingSpec{
		def: SettingDef{Key: PledgeByKey, Label: label},
		get: func(s Settings) string { return fmt.Sprintf("%02d-%02d", s.PledgeBy/100, s.PledgeBy%100) },
		set: func(s *Settings, v string) error {
			md, ok := parseMonthDay(v)
			if !ok {
				return fmt.Errorf("%s应为月-日，如03-31，不能是“%s”", label, v)
			}
			s.PledgeBy = md
			return nil
		},
	}
}

// parseMonthDay reads 03-31, 3-31, 3/31 or 3月31日 as month×100 + day, a
// day every year has (not 02-29).
func parseMonthDay(v string) (int, bool) {
	v = strings.TrimSuffix(strings.TrimSpace(v), "日")
	a, b, found := strings.Cut(v, "-")
	if !found {
		if a, b, found = strings.Cut(v, "/"); !found {
			a, b, found = strings.Cut(v, "月")
		}
	}
	m, err1 := strconv.Atoi(strings.TrimSpace(a))
	d, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !found || err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	if d > time.Date(2025, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, false
	}
	return m*100 + d, true
}

// IsSetting reports whether key names one of SettingDefs.
func IsSetting(key string) bool {
	_, ok := settingDef(key)
	return ok
}

// SettingLabel is the Chinese label of the setting named key, the key
// itself when there is none.
func SettingLabel(key string) string {
	if d, ok := settingDef(key); ok {
		return d.Label
	}
	return key
}

func settingDef(key string) (SettingDef, bool) {
	for _, d := range SettingDefs {
		if d.Key == key {
			return d, true
		}
	}
	return SettingDef{}, false
}
