package app

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/vocab"
)

// memberOptions lists members as reference choices, named with their
// branch so that namesakes can be told apart (and their status when they
// left the rolls).
func memberOptions(ctx context.Context, s *data.Store) (refData, error) {
	branches, err := s.BranchRefs(ctx)
	if err != nil {
		return refData{}, err
	}
	names := map[string]string{}
	for _, b := range branches {
		names[b.ID] = b.Label // 「组织 · 支部」 where the database holds several
	}
	members, err := s.Members.List(ctx, data.OrderBy(data.ColBranchID, data.ColName))
	if err != nil {
		return refData{}, err
	}
	var opts []refOption
	short := make(map[string]string, len(members))
	for _, m := range members {
		short[m.ID] = m.Name
		label := m.Name + "（" + names[string(m.BranchID)] + "）"
		if !m.Active() {
			label += "[" + m.Status + "]"
		}
		opts = append(opts, refOption{m.ID, label})
	}
	return refData{opts: map[string][]refOption{"member_id": opts}, names: short}, nil
}

func newBranchesScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Branch, *data.Branch]{
		title:   "党支部",
		noun:    "党支部",
		naming:  []string{"name"},
		table:   func(s *data.Store) data.Table[data.Branch, *data.Branch] { return s.Branches },
		columns: []string{"name", "type", "secretary", "founded"},
		list:    branchesInOrder,
		choices: map[string][]string{"type": data.BranchTypes},
		fresh:   func() *data.Branch { return &data.Branch{Type: string(vocab.BranchStaff)} },
	}).view()
}

func newTransfersScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Transfer, *data.Transfer]{
		title:  "组织关系转接",
		naming: []string{"member_id", "direction", "issued_date"},
		table:  func(s *data.Store) data.Table[data.Transfer, *data.Transfer] { return s.Transfers },
		columns: []string{"member_id", "direction", "other_org", "letter_no", "issued_date", "valid_days",
			"receipt_date", "dues_paid_until"},
		order:   []string{"-issued_date"},
		choices: map[string][]string{"direction": data.Directions},
		months:  map[string]bool{"dues_paid_until": true},
		refs:    memberOptions,
		fresh:   func() *data.Transfer { return &data.Transfer{Direction: string(vocab.TransferOut), ValidDays: 90} },
	}).view()
}

func newTalksScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Talk, *data.Talk]{
		title:   "谈心谈话",
		naming:  []string{"date", "member_id"},
		table:   func(s *data.Store) data.Table[data.Talk, *data.Talk] { return s.Talks },
		columns: []string{"member_id", "date", "talker", "content"},
		order:   []string{"-date"},
		refs:    memberOptions,
		fresh:   func() *data.Talk { return &data.Talk{} },
	}).view()
}

func newCareScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.CareRecord, *data.CareRecord]{
		title:   "关心关爱",
		naming:  []string{"date", "member_id", "kind"},
		table:   func(s *data.Store) data.Table[data.CareRecord, *data.CareRecord] { return s.CareRecords },
		columns: []string{"member_id", "kind", "date", "content", "amount", "handler"},
		order:   []string{"-date"},
		choices: map[string][]string{"kind": data.CareKinds},
		refs:    memberOptions,
		fresh:   func() *data.CareRecord { return &data.CareRecord{Kind: string(vocab.CareHelp)} },
	}).view()
}

func newLiaisonsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Liaison, *data.Liaison]{
		title:   "联系群众",
		naming:  []string{"member_id", "kind", "contact"},
		table:   func(s *data.Store) data.Table[data.Liaison, *data.Liaison] { return s.Liaisons },
		columns: []string{"member_id", "kind", "contact", "since", "until"},
		order:   []string{"kind", "since"},
		byName:  "member_id",
		choices: map[string][]string{"kind": data.LiaisonKinds},
		refs:    memberOptions,
		fresh:   func() *data.Liaison { return &data.Liaison{Kind: string(vocab.LiaisonMasses)} },
	}).view()
}

func newSupervisionScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Supervision, *data.Supervision]{
		title:   "干部监督",
		naming:  []string{"date", "member_id", "kind"},
		table:   func(s *data.Store) data.Table[data.Supervision, *data.Supervision] { return s.Supervisions },
		columns: []string{"member_id", "kind", "date", "content", "result"},
		order:   []string{"-date"},
		choices: map[string][]string{"kind": data.SupervisionKinds},
		refs:    memberOptions,
		fresh:   func() *data.Supervision { return &data.Supervision{Kind: string(vocab.SupervisionReport)} },
	}).view()
}

func newFeedbackScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Feedback, *data.Feedback]{
		title:   "意见建议",
		naming:  []string{"received_date", "submitter"},
		table:   func(s *data.Store) data.Table[data.Feedback, *data.Feedback] { return s.Feedback },
		columns: []string{"channel", "received_date", "submitter", "content", "handler", "status"},
		order:   []string{"-received_date"},
		choices: map[string][]string{"channel": data.FeedbackChannels, "status": data.FeedbackStatuses},
		fresh: func() *data.Feedback {
			return &data.Feedback{Channel: string(vocab.ChannelBox), Status: string(vocab.FeedbackOpen)}
		},
	}).view()
}

func newHonorsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Honor, *data.Honor]{
		title:   "先进典型",
		noun:    "先进典型",
		naming:  []string{"year", "member_id", "title"},
		table:   func(s *data.Store) data.Table[data.Honor, *data.Honor] { return s.Honors },
		columns: []string{"member_id", "year", "title", "deed"},
		order:   []string{"-year"},
		refs:    memberOptions,
		fresh:   func() *data.Honor { return &data.Honor{} },
	}).view()
}

func newPlansScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.TrainingPlan, *data.TrainingPlan]{
		title:   "培训计划",
		noun:    "培训计划",
		naming:  []string{"year", "month", "course"},
		table:   func(s *data.Store) data.Table[data.TrainingPlan, *data.TrainingPlan] { return s.TrainingPlans },
		columns: []string{"year", "month", "course", "planned_hours", "target_group", "organizer"},
		order:   []string{"-year", "month"},
		fresh:   func() *data.TrainingPlan { return &data.TrainingPlan{} },
	}).view()
}

func newFundsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Fund, *data.Fund]{
		title:   "经费",
		naming:  []string{"date", "budget_line", "amount"},
		table:   func(s *data.Store) data.Table[data.Fund, *data.Fund] { return s.Funds },
		columns: []string{"date", "budget_line", "direction", "amount", "voucher", "purpose"},
		order:   []string{"-date"},
		choices: map[string][]string{"direction": data.FundDirections},
		fresh:   func() *data.Fund { return &data.Fund{Direction: string(vocab.Expense)} },
	}).view()
}

func newGroupsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.PartyGroup, *data.PartyGroup]{
		title:   "党小组",
		noun:    "党小组",
		naming:  []string{"branch_id", "name"},
		table:   func(s *data.Store) data.Table[data.PartyGroup, *data.PartyGroup] { return s.Groups },
		columns: []string{"branch_id", "name", "leader"},
		list:    func(ctx context.Context, s *data.Store) ([]data.PartyGroup, error) { return s.GroupsInOrder(ctx) },
		refs:    branchOptions,
		fresh:   func() *data.PartyGroup { return &data.PartyGroup{} },
	}).view()
}

// branchOptions lists the branches as reference choices.
func branchOptions(ctx context.Context, s *data.Store) (refData, error) {
	branches, err := s.BranchRefs(ctx)
	if err != nil {
		return refData{}, err
	}
	names := make(map[string]string, len(branches))
	for _, b := range branches {
		names[b.ID] = b.Label // 「组织 · 支部」 where the database holds several
	}
	return refData{opts: map[string][]refOption{"branch_id": branchRefOptions(branches)}, names: names}, nil
}

// branchesInOrder lists the branches in the order every screen shows them
// (data.Store.BranchRefs: 第二 before 第十, then by 拼音).
func branchesInOrder(ctx context.Context, s *data.Store) ([]data.Branch, error) {
	refs, err := s.BranchRefs(ctx)
	if err != nil {
		return nil, err
	}
	place := make(map[string]int, len(refs))
	for i, r := range refs {
		place[r.ID] = i
	}
	branches, err := s.Branches.List(ctx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(branches, func(i, j int) bool { return place[branches[i].ID] < place[branches[j].ID] })
	return branches, nil
}
