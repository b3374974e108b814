package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// MaxVotes is the most 民主测评 votes an appraisal may count in all: more
// than any branch has members, so only a slip reaches it.
const MaxVotes = 100000

// VoteTotal is the number of 民主测评 votes counted: 优秀, 合格, 基本合格
// and 不合格 together.
func (a *Appraisal) VoteTotal() int {
	return a.VotesExcellent + a.VotesQualified + a.VotesBasic + a.VotesFail
}

// voteColumns are the vote counts' columns, in the form's order.
var voteColumns = []string{"votes_excellent", "votes_qualified", "votes_basic", "votes_fail"}

// votes are the counts, in voteColumns' order.
func (a *Appraisal) votes() []int {
	return []int{a.VotesExcellent, a.VotesQualified, a.VotesBasic, a.VotesFail}
}

// checkVotes refuses a negative count, and counts adding up to more than
// MaxVotes.
func (a *Appraisal) checkVotes(c *checker) {
	bad := false
	for i, n := range a.votes() {
		if n < 0 {
			c.fail(voteColumns[i], "不能为负数")
			bad = true
		} else if n > MaxVotes {
			c.fail(voteColumns[i], fmt.Sprintf("不能超过%d票", MaxVotes))
			bad = true
		}
	}
	if !bad && a.VoteTotal() > MaxVotes {
		c.fail(voteColumns[0], fmt.Sprintf("四项票数合计%d票，不能超过%d票", a.VoteTotal(), MaxVotes))
	}
}

// checkStore refuses vote counts adding up to more than the members of the
// appraised member's branch: only the branch's members vote.
func (a *Appraisal) checkStore(ctx context.Context, q queryer, c *checker) error {
	total := a.VoteTotal()
	if total == 0 || a.MemberID == "" || c.failed("member_id") {
		return nil
	}
	for _, col := range voteColumns {
		if c.failed(col) {
			return nil
		}
	}
	var members int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM members
		WHERE branch_id = (SELECT branch_id FROM members WHERE id = ?) AND deleted_at IS NULL`, string(a.MemberID)).Scan(&members)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if members > 0 && total > members {
		c.fail(voteColumns[0], fmt.Sprintf("四项票数合计%d票，多于所在支部的党员人数（%d人）", total, members))
	}
	return nil
}
