package data

import (
	"context"

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
	set := rules.DefaultSettings()
	rows, err := s.Settings.List(ctx)
	if err != nil {
		return set, err
	}
	for _, r := range rows {
		if !isRuleSetting(r.Key) {
			continue
		}
		if err := set.Set(r.Key, r.Value); err != nil {
			return set, err
		}
	}
	return set, nil
}

// SetSetting stores one setting, validating rule thresholds.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	probe := rules.DefaultSettings()
	if isRuleSetting(key) {
		if err := probe.Set(key, value); err != nil {
			return err
		}
	}
	return s.Write(ctx, func(tx *Tx) error {
		rows, err := tx.Settings.List(ctx, Where(ColKey, key))
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return tx.Settings.Create(ctx, &Setting{Key: key, Value: value})
		}
		row := rows[0]
		row.Value = value
		return tx.Settings.Update(ctx, &row)
	})
}

func isRuleSetting(key string) bool {
	for _, d := range rules.SettingDefs {
		if d.Key == key {
			return true
		}
	}
	return false
}
