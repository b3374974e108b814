package vocab

import "testing"

func TestParse(t *testing.T) {
	if c, ok := Parse(Categories, "预备党员"); !ok || c != CategoryProbation {
		t.Fatalf("Parse(预备党员) = %q, %v", c, ok)
	}
	if _, ok := Parse(Categories, "预备"); ok {
		t.Fatal("a short form is an alias, not a value")
	}
	if got := Texts(Directions); len(got) != 2 || got[0] != "转出" || got[1] != "转入" {
		t.Fatalf("Texts(Directions) = %q", got)
	}
}

func TestEveryRuleHasALabel(t *testing.T) {
	seen := map[RuleID]bool{}
	for _, r := range RuleIDs {
		if seen[r] {
			t.Errorf("%s listed twice", r)
		}
		seen[r] = true
		if r.Label() == string(r) {
			t.Errorf("%s has no Chinese label", r)
		}
	}
	if RuleID("NOPE").Label() != "NOPE" {
		t.Error("an unknown id should be its own label")
	}
}
