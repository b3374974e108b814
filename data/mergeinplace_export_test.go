package data

// AfterInPlaceOp makes the merger's Finish call fn after each change of an
// update in place, inside its transaction: an error from fn fails it there.
func AfterInPlaceOp(m *Merger, fn func(i int) error) { m.testAfterOp = fn }
