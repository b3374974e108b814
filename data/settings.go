package data

import (
	"context"
	"fmt"

	"dangjian/data/rules"
)

// seedSettings stores the rules' default thresholds in a new database.
func seedSettings(ctx context.Context, tx *Tx) error {
	for _, d := range rules.SettingDefs {
		if err := tx.Settings.Create(ctx, &Setting{Key: d.Key, Value: d.Default}); err != nil {
			return err
		}
	}
	return nil
}

// RuleSettings reads the rule thresholds; keys not stored keep their defaults.
func (s *Store) RuleSettings(ctx context.Context) (rules.Settings, error) {
	return s.ruleSettings(ctx, "")
}

// RuleSettingsOf reads one organization's rule thresholds (in a
// consolidated database, which holds every organization's); keys it has
// not stored keep their defaults.
func (s *Store) RuleSettingsOf(ctx context.Context, orgID string) (rules.Settings, error) {
	return s.ruleSettings(ctx, orgID)
}

// ruleSettings reads the rule thresholds of the organization's settings
// rows (every row when orgID is "").
func (s *Store) ruleSettings(ctx context.Context, orgID string) (rules.Settings, error) {
	set := rules.DefaultSettings()
	var conds []Cond
	if orgID != "" {
		conds = append(conds, Where(ColOrgID, orgID))
	}
	rows, err := s.Settings.List(ctx, conds...)
	if err != nil {
		return set, err
	}
	for _, r := range rows {
		if !rules.IsSetting(r.Key) {
			continue
		}
		if err := set.Set(r.Key, r.Value); err != nil {
			return set, err
		}
	}
	return set, resolveDevRules(ctx, s.db, &set, orgID)
}

// SetSetting stores one setting, validating rule thresholds.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.SetSettings(ctx, []Setting{{Key: key, Value: value}})
}

// SetSettings stores settings in one transaction: each rule setting is
// checked first, and a value refused stores none of them. A setting the
// committee set (CommitteeSettings) keeps its value: another one is
// refused (ErrSetByCommittee), the same one passes.
func (s *Store) SetSettings(ctx context.Context, values []Setting) error {
	probe := rules.DefaultSettings()
	for _, v := range values {
		if rules.IsSetting(v.Key) {
			if err := probe.Set(v.Key, v.Value); err != nil {
				return err
			}
		}
	}
	return s.Write(ctx, func(tx *Tx) error {
		locked, err := committeeSettings(ctx, tx.channel(), s.Org().ID)
		if err != nil {
			return err
		}
		for _, v := range values {
			if want, ok := locked[v.Key]; ok && !sameSetting(v.Key, v.Value, want) {
				return fmt.Errorf("%w:“%s”%s(%s)", ErrSetByCommittee, rules.SettingLabel(v.Key), SetByCommitteeLabel, want)
			}
		}
		for _, v := range values {
			if v.Key == rules.DevRulesSetting {
				probe.Set(v.Key, v.Value)
				if err := resolveDevRules(ctx, tx.w, &probe, s.Org().ID); err != nil {
					return err
				}
			}
			if err := setSetting(ctx, tx, v.Key, v.Value); err != nil {
				return err
			}
		}
		return nil
	})
}

// setSetting stores one setting within a transaction.
func setSetting(ctx context.Context, tx *Tx, key, value string) error {
	rows, err := tx.Settings.List(ctx, Where(ColKey, key))
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return tx.Settings.Create(ctx, &Setting{Key: key, Value: value})
	}
	row := rows[0]
	if row.Value == value {
		return nil
	}
	row.Value = value
	return tx.Settings.Update(ctx, &row)
}

// ValidateRuleSettings checks rule thresholds as SetSettings does: every
// key is one of rules.SettingDefs and every value is accepted.
func ValidateRuleSettings(values map[string]string) error {
	probe := rules.DefaultSettings()
	for _, key := range sortedKeys(values) {
		if !rules.IsSetting(key) {
			return fmt.Errorf("未知的设置项“%s”", key)
		}
		if err := probe.Set(key, values[key]); err != nil {
			return err
		}
	}
	return nil
}

// sameSetting reports whether two values of a rule setting mean the same
// (as the rules read them: "1/3" and " 1/3 "), or are equal texts.
func sameSetting(key, a, b string) bool {
	if a == b {
		return true
	}
	x, y := rules.DefaultSettings(), rules.DefaultSettings()
	if x.Set(key, a) != nil || y.Set(key, b) != nil {
		return false
	}
	return x.Values()[key] == y.Values()[key]
}
