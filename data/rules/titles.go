package rules

import "dangjian/data/vocab"

// RuleTitle is the Chinese title of a rule id, or the id itself.
func RuleTitle(id vocab.RuleID) string { return id.Label() }
