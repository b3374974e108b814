package rules

import (
	"reflect"
	"strings"
	"testing"

	"dangjian/data/vocab"
)

func TestDefaultSettings(t *testing.T) {
	s := DefaultSettings()
	want := Settings{
		TrainingHours: 32, LeaderTrainingHours: 56, SelfStudyCounts: false,
		ExcellentMaxRatio: Ratio{1, 3}, InactiveMonths: 6, InactiveWarnMonths: 3,
		TransferValidDays: 90, ProbationWarnDays: 30, GloryYears: 50, EvalPassScore: 60,
		PledgeBy: 331, LeaderVisits: 2, LostMonths: 6, CorrectionMonths: 12, TermYears: 3,
		Dev: Rules2014(),
	}
	want.NotFor[rLiaison] = personBit(vocab.PersonRetired)
	if s != want {
		t.Errorf("DefaultSettings() = %+v, want %+v", s, want)
	}
	if (Settings{}).orDefault() != want {
		t.Error("the zero Settings should act as the defaults")
	}
}

func TestSettingDefsMatchDefaults(t *testing.T) {
	values := DefaultSettings().Values()
	if len(values) != len(SettingDefs) {
		t.Fatalf("Values has %d keys, SettingDefs %d", len(values), len(SettingDefs))
	}
	want := map[string]string{
		"train.hours": "32", "train.leader_hours": "56", "train.self_study": "false",
		"appraise.excellent_max": "1/3", "inactive.months": "6", "inactive.warn_months": "3",
		"transfer.valid_days": "90", "probation.warn_days": "30", "glory.years": "50",
		"eval.pass_score": "60", "records.since": "", "pledge.by": "03-31", "leader.visits": "2",
		"lost.months": "6", "correction.months": "12", "branch.term_years": "3",
		"volunteer.hours.staff": "0", "volunteer.hours.student": "0", "volunteer.hours.retired": "0",
		"volunteer.hours.other": "0", "dev.version": "2014",
	}
	for _, r := range memberRules {
		want["applies."+string(ruleIDs[r])] = "全部"
	}
	want["applies.LIAISON"] = "在职教职工、学生、其他"
	if !reflect.DeepEqual(values, want) {
		t.Errorf("Values() = %v, want %v", values, want)
	}
	for _, def := range SettingDefs {
		if def.Label == "" || values[def.Key] != def.Default {
			t.Errorf("def %+v: default should be %q and label set", def, values[def.Key])
		}
		// Every value Values gives back is accepted by Set unchanged.
		s := DefaultSettings()
		if err := s.Set(def.Key, def.Default); err != nil || s != DefaultSettings() {
			t.Errorf("Set(%q, %q) = %v, settings %+v", def.Key, def.Default, err, s)
		}
	}
}

func TestSettingsSet(t *testing.T) {
	tests := []struct {
		key, value string
		check      func(Settings) bool
	}{
		{"train.hours", "40", func(s Settings) bool { return s.TrainingHours == 40 }},
		{"train.hours", " ４８ ", func(s Settings) bool { return s.TrainingHours == 48 }},
		{"train.leader_hours", "0", func(s Settings) bool { return s.LeaderTrainingHours == 0 }},
		{"train.self_study", "是", func(s Settings) bool { return s.SelfStudyCounts }},
		{"train.self_study", "true", func(s Settings) bool { return s.SelfStudyCounts }},
		{"appraise.excellent_max", "1/4", func(s Settings) bool { return s.ExcellentMaxRatio == Ratio{1, 4} }},
		{"appraise.excellent_max", "２／６", func(s Settings) bool { return s.ExcellentMaxRatio == Ratio{1, 3} }},
		{"appraise.excellent_max", "0.3", func(s Settings) bool { return s.ExcellentMaxRatio == Ratio{3, 10} }},
		{"appraise.excellent_max", "35%", func(s Settings) bool { return s.ExcellentMaxRatio == Ratio{7, 20} }},
		{"appraise.excellent_max", "1", func(s Settings) bool { return s.ExcellentMaxRatio == Ratio{1, 1} }},
		{"inactive.months", "12", func(s Settings) bool { return s.InactiveMonths == 12 }},
		{"inactive.warn_months", "2", func(s Settings) bool { return s.InactiveWarnMonths == 2 }},
		{"transfer.valid_days", "60", func(s Settings) bool { return s.TransferValidDays == 60 }},
		{"probation.warn_days", "0", func(s Settings) bool { return s.ProbationWarnDays == 0 }},
		{"glory.years", "60", func(s Settings) bool { return s.GloryYears == 60 }},
		{"eval.pass_score", "62.5", func(s Settings) bool { return s.EvalPassScore == 62.5 }},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		if err := s.Set(tt.key, tt.value); err != nil || !tt.check(s) {
			t.Errorf("Set(%q, %q) = %v, settings %+v", tt.key, tt.value, err, s)
		}
		// Values gives back text that Set reads to the same settings.
		again := DefaultSettings()
		for k, v := range s.Values() {
			if err := again.Set(k, v); err != nil {
				t.Errorf("Set(%q, %q) from Values: %v", k, v, err)
			}
		}
		if again != s {
			t.Errorf("round trip of %q=%q: %+v, want %+v", tt.key, tt.value, again, s)
		}
	}
}

func TestSettingsSetErrors(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"train.hours", "abc", "党员每年集中学习培训学时应为0到1000之间的整数"},
		{"train.hours", "-1", "应为0到1000之间的整数"},
		{"train.hours", "32.5", "应为0到1000之间的整数"},
		{"inactive.months", "0", "应为1到120之间的整数"},
		{"train.self_study", "也许", "应为“是”或“否”"},
		{"appraise.excellent_max", "4/3", "应为0到1之间的比例"},
		{"appraise.excellent_max", "1/0", "应为0到1之间的比例"},
		{"appraise.excellent_max", "-0.1", "应为0到1之间的比例"},
		{"appraise.excellent_max", "三分之一", "应为0到1之间的比例"},
		{"eval.pass_score", "101", "应为0到100之间的数"},
		{"eval.pass_score", "NaN", "应为0到100之间的数"},
		{"no.such", "1", "未知的设置项“no.such”"},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		err := s.Set(tt.key, tt.value)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Set(%q, %q) = %v, want an error containing %q", tt.key, tt.value, err, tt.want)
		}
		if s != DefaultSettings() {
			t.Errorf("Set(%q, %q) changed the settings on error: %+v", tt.key, tt.value, s)
		}
	}
}

func TestRatioChinese(t *testing.T) {
	tests := []struct {
		r    Ratio
		want string
	}{
		{Ratio{1, 3}, "三分之一"},
		{Ratio{1, 4}, "四分之一"},
		{Ratio{3, 10}, "十分之三"},
		{Ratio{7, 20}, "35%"},
		{Ratio{1, 7 * 11}, "1.3%"},
		{Ratio{1, 1}, "100%"},
	}
	for _, tt := range tests {
		if got := tt.r.chinese(); got != tt.want {
			t.Errorf("%v.chinese() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestAppliesToSetting(t *testing.T) {
	tests := []struct {
		value, stored string
		wantErr       string
	}{
		{"全部", "全部", ""},
		{"在职教职工、学生", "在职教职工、学生", ""},
		{"学生,在职教职工", "在职教职工、学生", ""},
		{" 离退休 ", "离退休", ""},
		{"无", "无", ""},
		{"教师", "", "没有名为“教师”的人员类别"},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		err := s.Set("applies.TALK", tt.value)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Set(%q) error = %v, want %q", tt.value, err, tt.wantErr)
			}
			if s != DefaultSettings() {
				t.Errorf("Set(%q) changed the settings on error", tt.value)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Set(%q): %v", tt.value, err)
		}
		if got := s.Values()["applies.TALK"]; got != tt.stored {
			t.Errorf("Set(%q) then Values = %q, want %q", tt.value, got, tt.stored)
		}
	}
}

func TestRecordsSinceSetting(t *testing.T) {
	s := DefaultSettings()
	if !s.RecordsSinceMonth().IsZero() {
		t.Fatal("by default 记录起始月份 is left to the records")
	}
	if err := s.Set(RecordsSinceKey, "2026年10月"); err != nil {
		t.Fatal(err)
	}
	if got := s.Values()[RecordsSinceKey]; got != "2026-10" {
		t.Errorf("stored as %q, want 2026-10", got)
	}
	if got := s.RecordsSinceMonth(); !got.Equal(d(2026, 10, 1)) {
		t.Errorf("RecordsSinceMonth = %v", got)
	}
	if err := s.Set(RecordsSinceKey, "10月"); err == nil {
		t.Error("a month without a year should be refused")
	}
	if err := s.Set(RecordsSinceKey, ""); err != nil || s.RecordsSince != 0 {
		t.Errorf("clearing: %v, %d", err, s.RecordsSince)
	}
}

func TestNewRuleSettings(t *testing.T) {
	if len(vocab.PersonTypes) != numPersonTypes {
		t.Fatalf("numPersonTypes is %d, vocab.PersonTypes has %d", numPersonTypes, len(vocab.PersonTypes))
	}
	tests := []struct {
		key, value string
		want       func(Settings) bool
		bad        bool
	}{
		{key: "pledge.by", value: "4-15", want: func(s Settings) bool { return s.PledgeBy == 415 }},
		{key: "pledge.by", value: "3月1日", want: func(s Settings) bool { return s.PledgeBy == 301 }},
		{key: "pledge.by", value: "12/31", want: func(s Settings) bool { return s.PledgeBy == 1231 }},
		{key: "pledge.by", value: "02-29", bad: true},
		{key: "pledge.by", value: "13-01", bad: true},
		{key: "pledge.by", value: "三月", bad: true},
		{key: "volunteer.hours.student", value: "８", want: func(s Settings) bool { return s.VolunteerHours[1] == 8 }},
		{key: "volunteer.hours.staff", value: "-1", bad: true},
		{key: "leader.visits", value: "4", want: func(s Settings) bool { return s.LeaderVisits == 4 }},
		{key: "lost.months", value: "0", bad: true},
		{key: "correction.months", value: "6", want: func(s Settings) bool { return s.CorrectionMonths == 6 }},
		{key: "branch.term_years", value: "5", want: func(s Settings) bool { return s.TermYears == 5 }},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		err := s.Set(tt.key, tt.value)
		if tt.bad {
			if err == nil || s != DefaultSettings() {
				t.Errorf("Set(%q, %q) accepted", tt.key, tt.value)
			}
			continue
		}
		if err != nil || !tt.want(s) {
			t.Errorf("Set(%q, %q) = %v, %+v", tt.key, tt.value, err, s)
		}
	}
}
