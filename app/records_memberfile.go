package app

import (
	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/vocab"
)

// The screens of the member file: 表彰奖励, 党纪处分, 限期改正, 党籍处置,
// 党内职务 and 党员状态 (失联, 流动外出, 出国（境）学习研究, 毕业生组织关系保留).

func newRewardsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Reward, *data.Reward]{
		title:   "表彰奖励",
		naming:  []string{"date", "member_id", "title"},
		table:   func(s *data.Store) data.Table[data.Reward, *data.Reward] { return s.Rewards },
		columns: []string{"member_id", "title", "level", "issuer", "date"},
		order:   []string{"-date"},
		choices: map[string][]string{"level": data.RewardLevels},
		refs:    memberOptions,
		fresh:   func() *data.Reward { return &data.Reward{Level: string(vocab.RewardSchool)} },
	}).view()
}

func newDisciplinesScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Discipline, *data.Discipline]{
		title:   "党纪处分",
		noun:    "党纪处分",
		naming:  []string{"date", "member_id", "kind"},
		table:   func(s *data.Store) data.Table[data.Discipline, *data.Discipline] { return s.Disciplines },
		columns: []string{"member_id", "kind", "date", "effect_until", "decided_by", "reason"},
		order:   []string{"-date"},
		choices: map[string][]string{"kind": data.DisciplineKinds},
		refs:    memberOptions,
		hints:   map[string]string{"effect_until": "留空按处分种类计算：警告1年，严重警告1年半，撤销党内职务2年"},
		fresh:   func() *data.Discipline { return &data.Discipline{Kind: string(vocab.DisciplineWarning)} },
	}).view()
}

func newCorrectionsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Correction, *data.Correction]{
		title:   "限期改正",
		naming:  []string{"date", "member_id"},
		table:   func(s *data.Store) data.Table[data.Correction, *data.Correction] { return s.Corrections },
		columns: []string{"member_id", "date", "deadline", "reason", "outcome", "outcome_date"},
		order:   []string{"-date"},
		choices: map[string][]string{"outcome": data.CorrectionOutcomes},
		refs:    memberOptions,
		hints:   map[string]string{"deadline": "留空按设置计算（默认决定后12个月）"},
		fresh:   func() *data.Correction { return &data.Correction{} },
	}).view()
}

func newDispositionsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Disposition, *data.Disposition]{
		title:   "党籍处置",
		naming:  []string{"date", "member_id", "kind"},
		table:   func(s *data.Store) data.Table[data.Disposition, *data.Disposition] { return s.Dispositions },
		columns: []string{"member_id", "kind", "date", "decided_by", "reason"},
		order:   []string{"-date"},
		choices: map[string][]string{"kind": data.DispositionKinds},
		refs:    memberOptions,
		fresh:   func() *data.Disposition { return &data.Disposition{Kind: string(vocab.DispositionSuspend)} },
	}).view()
}

func newPostTermsScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.PostTerm, *data.PostTerm]{
		title:   "党内职务",
		noun:    "党内职务记录",
		naming:  []string{"member_id", "organ", "post"},
		table:   func(s *data.Store) data.Table[data.PostTerm, *data.PostTerm] { return s.PostTerms },
		columns: []string{"member_id", "organ", "post", "branch_id", "from_date", "until", "elected"},
		order:   []string{"-from_date"},
		choices: map[string][]string{"organ": data.PostOrgans},
		refs:    bothRefs(memberOptions, branchOptions),
		hints: map[string]string{"post": "如：" + string(vocab.PostSecretary) + "、" + string(vocab.PostOrganization) + "、" +
			string(vocab.PostGroupLeader), "elected": "留空即任职日期"},
		fresh: func() *data.PostTerm { return &data.PostTerm{Organ: string(vocab.OrganBranchCommittee)} },
	}).view()
}

func newEpisodesScreen(u *UI) fyne.CanvasObject {
	return newRecordScreen(u, recordSpec[data.Episode, *data.Episode]{
		title:   "党员状态",
		noun:    "党员状态记录",
		naming:  []string{"member_id", "kind", "since"},
		table:   func(s *data.Store) data.Table[data.Episode, *data.Episode] { return s.Episodes },
		columns: []string{"member_id", "kind", "since", "until", "place", "last_contact", "circumstances"},
		order:   []string{"-since"},
		choices: map[string][]string{"kind": data.EpisodeKinds},
		refs:    memberOptions,
		hints: map[string]string{"place": "流向，或出国（境）的国家和地区", "circumstances": "失联时填写，如：" +
			string(vocab.LostAway) + "、" + string(vocab.LostMoved), "searches": "失联时填写查找的经过"},
		fresh: func() *data.Episode { return &data.Episode{Kind: string(vocab.EpisodeLost)} },
	}).view()
}
