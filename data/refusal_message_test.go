package data_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/data"
)

// TestDeleteRefusalNamesTheRecordAndWhatUsesIt: the message names the
// record and counts every kind of record still using it.
func TestDeleteRefusalNamesTheRecordAndWhatUsesIt(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	b, ms := people(t, s)
	zhang := ms["张三"]
	for i, topic := range []string{"党史学习", "党章学习"} {
		tr := &data.Training{Date: data.NewDate(2026, 3, 10+i), Hours: 2, Form: "集体学习", Topic: topic}
		must(t, s.RecordTraining(ctx, tr, []string{zhang.ID}))
	}
	for _, month := range []string{"2026-01", "2026-02", "2026-03"} {
		must(t, s.PayDues(ctx, zhang.ID, month, data.Yuan(30), data.NewDate(2026, 3, 20)))
	}
	must(t, s.SaveMeeting(ctx, &data.Meeting{BranchID: data.Ref(b.ID), Kind: "支部党员大会", Date: data.NewDate(2026, 4, 10)}, nil))

	cases := []struct {
		name string
		del  func() error
		want string
	}{
		{"党员", func() error { return s.Members.Delete(ctx, zhang) },
			"党员张三仍有2条学习培训出席记录、3条党费记录，不能删除。党员转出、停止党籍或去世时，请修改其党籍状态。"},
		{"党支部", func() error { return s.Branches.Delete(ctx, b) },
			"第一党支部仍有3名党员、1次会议，不能删除。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.del()
			if !errors.Is(err, data.ErrReferenced) || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
	// A member entered by mistake, whom nothing uses, may be deleted.
	must(t, s.Members.Delete(ctx, ms["王五"]))
}
