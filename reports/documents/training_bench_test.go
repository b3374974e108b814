package documents

import "testing"

// BenchmarkTraining2000 prints the 学习培训台账 of a 2,000-member
// organization: its activities of the year and one line per member.
func BenchmarkTraining2000(b *testing.B) {
	s := benchStore(b, 2000)
	benchWrite(b, s, Training)
}
