package app

import (
	"fmt"

	"fyne.io/fyne/v2/container"

	"dangjian/data/rules"
)

// The 发展党员 to-dos on the 工作台: this month's DEV- findings marked Due
// (谈话, 思想汇报, 考察, 审批 due, a 预备期 ending); a line, and a DEV-
// finding in the list of findings, opens the person's page, not a member.

// devTodoTitle is the title of the 发展党员 to-dos.
const devTodoTitle = "发展党员待办"

// devTodoKind is the 工作台's list of this month's 发展党员 to-dos.
func devTodoKind() todoKind {
	return todoKind{devTodoTitle, "项", func(f *rules.Finding, _ string) bool { return f.Rule.IsDev() && f.Due },
		func(f *rules.Finding, _ string) string { return memberText(f, dueText(f.Detail)) }, nil}
}

// openTodo opens what a to-do line is about: the person in the pipeline,
// else the member.
func (s *dashboardScreen) openTodo(it todoItem) {
	switch {
	case it.applicantID != "":
		s.u.openPipelinePerson(it.applicantID)
	case it.memberID != "":
		s.openMember(it.memberID)
	}
}

// openFinding opens what a finding is about: the person in the pipeline
// for a DEV- finding, else the member.
func (s *dashboardScreen) openFinding(f rules.Finding) {
	s.openTodo(todoItem{memberID: f.MemberID, applicantID: f.ApplicantID})
}

// openPipelinePerson opens the page of a person in the pipeline through
// the board, building one (not shown) when it has not been built yet.
func (u *UI) openPipelinePerson(id string) {
	s, ok := u.built["pipeline"].(*pipelineScreen)
	if !ok {
		newPipelineScreen(u)
		s = u.built["pipeline"].(*pipelineScreen)
	}
	s.openPerson(id)
}

// devTodoTab is the tab of the 工作台 that lists this month's 发展党员
// to-dos (beside the findings and the charts: a sixth card would not fit
// 1024 wide), its count in its title.
func (s *dashboardScreen) devTodoTab() *container.TabItem {
	var t *todoList
	for _, x := range s.todos {
		if x.kind.title == devTodoTitle {
			t = x
		}
	}
	tab := container.NewTabItem(devTodoTitle, t.object())
	t.onSet = func() {
		tab.Text = fmt.Sprintf("%s（%d）", devTodoTitle, len(t.items))
		if s.views != nil {
			s.views.Refresh()
		}
	}
	return tab
}
