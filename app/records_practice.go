package app

import (
	"context"

	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The screens of 实践锻炼 (党员先锋岗和责任区, 承诺践诺, 志愿服务) and of 宣传.

func newPracticePostsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.PracticePost, *data.PracticePost]{
		title:   "先锋岗和责任区",
		noun:    "先锋岗或责任区",
		naming:  []string{"member_id", "kind", "name"},
		table:   func(s *data.Store) data.Table[data.PracticePost, *data.PracticePost] { return s.PracticePosts },
		columns: []string{"member_id", "kind", "name", "since", "until", "duties"},
		order:   []string{"-since"},
		choices: map[string][]string{"kind": data.PracticeKinds},
		refs:    memberOptions,
		fresh: func() *data.PracticePost {
			return &data.PracticePost{Kind: string(vocab.PracticePioneer)}
		},
	}).view()
}

func newPledgesScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Pledge, *data.Pledge]{
		title:   "承诺践诺",
		naming:  []string{"year", "member_id"},
		table:   func(s *data.Store) data.Table[data.Pledge, *data.Pledge] { return s.Pledges },
		columns: []string{"member_id", "year", "content", "pledged_date", "review", "reviewer", "review_date"},
		order:   []string{"-year", "-pledged_date"},
		choices: map[string][]string{"review": data.PledgeReviews},
		refs:    memberOptions,
		fresh:   func() *data.Pledge { return &data.Pledge{Year: u.store.Now().Year()} },
	}).view()
}

func newVolunteerScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.VolunteerService, *data.VolunteerService]{
		title:  "志愿服务",
		naming: []string{"date", "member_id", "activity"},
		table: func(s *data.Store) data.Table[data.VolunteerService, *data.VolunteerService] {
			return s.VolunteerServices
		},
		columns: []string{"member_id", "date", "activity", "hours", "organizer"},
		order:   []string{"-date"},
		refs:    memberOptions,
		fresh:   func() *data.VolunteerService { return &data.VolunteerService{} },
	}).view()
}

func newPublicityScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Publicity, *data.Publicity]{
		title:   "宣传",
		noun:    "宣传报道",
		naming:  []string{"date", "title"},
		table:   func(s *data.Store) data.Table[data.Publicity, *data.Publicity] { return s.Publicity },
		columns: []string{"date", "channel", "title", "branch_id", "link", "note"},
		order:   []string{"-date"},
		choices: map[string][]string{"channel": data.PublicityChannels},
		refs:    branchOptions,
		fresh:   func() *data.Publicity { return &data.Publicity{Channel: string(vocab.PublicityWeChat)} },
	}).view()
}

// bothRefs joins the reference choices of two kinds (members and branches)
// for a screen whose records point at both.
func bothRefs(a, b func(ctx context.Context, s *data.Store) (refData, error)) func(ctx context.Context, s *data.Store) (refData, error) {
	return func(ctx context.Context, s *data.Store) (refData, error) {
		x, err := a(ctx, s)
		if err != nil {
			return refData{}, err
		}
		y, err := b(ctx, s)
		if err != nil {
			return refData{}, err
		}
		for col, opts := range y.opts {
			x.opts[col] = opts
		}
		for id, name := range y.names {
			x.names[id] = name
		}
		return x, nil
	}
}
