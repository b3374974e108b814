package vocab

import "slices"

// Texts returns the values as their stored text, e.g. for a drop-down.
func Texts[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// Parse returns the value of values whose text is s, and whether there is
// one.
func Parse[T ~string](values []T, s string) (T, bool) {
	if i := slices.Index(values, T(s)); i >= 0 {
		return values[i], true
	}
	var zero T
	return zero, false
}
