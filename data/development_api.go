package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// DevRules reads the version of the rules of 发展党员 in force (the setting
// dev.version): a built-in one or one added in 设置.
func (s *Store) DevRules(ctx context.Context) (rules.DevRules, error) {
	set, err := s.RuleSettings(ctx)
	return set.Dev, err
}

// DevRuleVersionsAll lists every version of the rules of 发展党员 one can
// choose: the built-in ones, then those added in 设置 by name.
func (s *Store) DevRuleVersionsAll(ctx context.Context) ([]rules.DevRules, error) {
	out := rules.BuiltinDevRules()
	rows, err := s.DevRuleVersions.List(ctx, Where(ColOrgID, s.Org().ID))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		d, err := r.Rules()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// resolveDevRules fills a stored version's values into set after the
// settings are read (the setting names it, the table holds it), and links
// the version in force to those before it (rules.WithEarlier).
func resolveDevRules(ctx context.Context, q queryer, set *rules.Settings, orgID string) error {
	if set.Dev.Title != "" && set.Dev.Since.IsZero() {
		return nil // a built-in version in force since always
	}
	query := `SELECT version_name, title, body FROM dev_rule_versions WHERE deleted_at IS NULL`
	var args []any
	if orgID != "" {
		query += " AND org_id = ?"
		args = append(args, orgID)
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY version_name", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	all := rules.BuiltinDevRules()
	for rows.Next() {
		var v DevRuleVersion
		if err := rows.Scan(&v.Name, &v.Title, &v.Body); err != nil {
			return err
		}
		d, err := v.Rules()
		if err != nil {
			return err
		}
		all = append(all, d)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range all {
		if d.Version == set.Dev.Version {
			set.Dev = rules.WithEarlier(d, all)
			return nil
		}
	}
	return fmt.Errorf("设置中选用的发展党员规则版本“%s”不存在，请在设置中重新选择", set.Dev.Version)
}

// devRulesOf reads the rules of 发展党员 in force for the organization
// inside a write: the checks of a step use it.
func devRulesOf(ctx context.Context, q queryer, orgID string) (rules.DevRules, error) {
	set := rules.DefaultSettings()
	var value string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ? AND org_id = ? AND deleted_at IS NULL`,
		rules.DevRulesSetting, orgID).Scan(&value)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return set.Dev, nil
	case err != nil:
		return set.Dev, err
	}
	if err := set.Set(rules.DevRulesSetting, value); err != nil {
		return set.Dev, err
	}
	if err := resolveDevRules(ctx, q, &set, orgID); err != nil {
		return set.Dev, err
	}
	return set.Dev, nil
}

// ApplicantSteps lists the steps recorded for the applicant, in the order
// the rules read them (rules.SortSteps).
func (s *Store) ApplicantSteps(ctx context.Context, applicantID string) ([]DevStep, error) {
	return applicantSteps(ctx, s.DevSteps, applicantID)
}

func applicantSteps(ctx context.Context, t Table[DevStep, *DevStep], applicantID string) ([]DevStep, error) {
	rows, err := t.List(ctx, Where(ColApplicantID, applicantID))
	if err != nil {
		return nil, err
	}
	sortDevSteps(rows)
	return rows, nil
}

// sortDevSteps orders steps as rules.SortSteps does.
func sortDevSteps(rows []DevStep) {
	slices.SortStableFunc(rows, func(a, b DevStep) int { return rules.CompareSteps(a.RuleStep(), b.RuleStep()) })
}

// RuleStep is the step as the rules read it.
func (s *DevStep) RuleStep() rules.Step {
	return rules.Step{
		ID: s.ID, Kind: vocab.DevStep(s.Step), Date: s.Date.Time, Until: s.Until.Time,
		People:   [2]string{string(s.PersonID), string(s.Person2ID)},
		Eligible: s.Eligible, Present: s.Present, For: s.VotesFor, Against: s.VotesAgainst, Abstain: s.Abstain,
		Outcome: vocab.DevOutcome(s.Outcome), ExtendMonths: s.ExtendMonths, Hours: s.Hours, Days: s.Days,
	}
}

// RuleApplicant is the applicant with their steps as the rules read them.
func (a *Applicant) RuleApplicant(steps []DevStep) rules.Applicant {
	out := rules.Applicant{
		ID: a.ID, OrgID: a.OrgID, BranchID: string(a.BranchID), Name: a.Name, Gender: vocab.Gender(a.Gender),
		Birth: a.BirthDate.Time, PersonType: vocab.PersonType(a.PersonType), MemberID: string(a.MemberID),
	}
	for i := range steps {
		out.Steps = append(out.Steps, steps[i].RuleStep())
	}
	rules.SortSteps(out.Steps)
	return out
}

// CheckDevStep says what the DEV- rules say of recording the step, without
// writing it: the refusals RecordDevStep would give and the warnings it
// would accept the step with.
func (s *Store) CheckDevStep(ctx context.Context, st *DevStep) ([]rules.StepIssue, error) {
	orgID := st.OrgID
	if orgID == "" {
		orgID = s.Org().ID
	}
	return devStepIssues(ctx, s.db, s.Tables, st, orgID, s.now())
}

// devStepIssues gathers what CheckStep needs from the database.
func devStepIssues(ctx context.Context, q queryer, t Tables, st *DevStep, orgID string, now time.Time) ([]rules.StepIssue, error) {
	d, err := devRulesOf(ctx, q, orgID)
	if err != nil {
		return nil, err
	}
	a, err := t.Applicants.get(ctx, q, string(st.ApplicantID))
	if err != nil {
		return nil, err
	}
	others, err := stepsForRules(ctx, q, string(st.ApplicantID), st.ID)
	if err != nil {
		return nil, err
	}
	var people []rules.PersonOn
	for _, id := range []Ref{st.PersonID, st.Person2ID} {
		if id == "" {
			continue
		}
		people = append(people, personOn(ctx, q, id, st.Date.Time))
	}
	if st.FromLedger {
		return rules.CheckLedgerStep(d, a.RuleApplicant(others), st.RuleStep(), people), nil
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return rules.CheckStep(d, a.RuleApplicant(others), st.RuleStep(), people, today), nil
}

// stepsForRules reads the applicant's live steps but the one with id
// except, with the columns the rules read (RuleStep): a step is checked
// against those before it, and a demo or an import checks thousands.
func stepsForRules(ctx context.Context, q queryer, applicantID, except string) ([]DevStep, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, step, date, until, person_id, person2_id, eligible, present,
			votes_for, votes_against, abstain, outcome, extend_months, hours, days
		FROM dev_steps WHERE applicant_id = ? AND deleted_at IS NULL`, applicantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DevStep
	for rows.Next() {
		var s DevStep
		if err := rows.Scan(&s.ID, &s.Step, &s.Date, &s.Until, &s.PersonID, &s.Person2ID, &s.Eligible, &s.Present,
			&s.VotesFor, &s.VotesAgainst, &s.Abstain, &s.Outcome, &s.ExtendMonths, &s.Hours, &s.Days); err != nil {
			return nil, err
		}
		if s.ID != except {
			out = append(out, s)
		}
	}
	return out, rows.Err()
}

// personOn reads what a step needs of a member it names, on day.
func personOn(ctx context.Context, q queryer, id Ref, day time.Time) rules.PersonOn {
	p := rules.PersonOn{ID: string(id)}
	var category, status string
	var joined, confirmed Date
	err := q.QueryRowContext(ctx, `SELECT name, category, status, joined_date, confirmed_date FROM members
		WHERE id = ? AND deleted_at IS NULL`, id).Scan(&p.Name, &category, &status, &joined, &confirmed)
	if err != nil {
		return p
	}
	p.Known = true
	p.Full = rules.FullOn(vocab.Category(category), vocab.Status(status), joined.Time, confirmed.Time, day)
	return p
}

// checkStore refuses a step the DEV- rules forbid, naming the rule.
func (st *DevStep) checkStore(ctx context.Context, q queryer, c *checker) error {
	if c.failed("applicant_id") || c.failed("step") || c.failed("date") {
		return nil
	}
	// The two tables it reads, not every table: a demo or an import checks
	// thousands of steps.
	t := Tables{Applicants: newTable[Applicant](readExec{q}), DevSteps: newTable[DevStep](readExec{q})}
	issues, err := devStepIssues(ctx, q, t, st, st.OrgID, c.today)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil // the reference check names it
		}
		return err
	}
	for _, is := range issues {
		if is.Refuse {
			c.fail("date", is.Text+"（"+string(is.Rule)+"）")
		}
	}
	return nil
}

// RecordDevStep writes the step (a new one, or one edited) and what it
// decides, in one transaction: the 党委's approval of the 接收 makes the
// member record from the applicant's (a 预备党员 from the 支部大会's vote;
// an existing member with the same 公民身份号码 is linked instead), the
// approval of a 转正 makes the member a 正式党员 on the day the 预备期
// ends, a cancelled 预备期 takes the member off the rolls (出党). A step the
// rules forbid is refused; the warnings of the rules it passes with are
// returned.
func (s *Store) RecordDevStep(ctx context.Context, st *DevStep) ([]rules.StepIssue, error) {
	var warnings []rules.StepIssue
	err := s.Write(ctx, func(tx *Tx) error {
		var err error
		warnings, err = tx.RecordDevStep(ctx, st)
		return err
	})
	if err != nil {
		return nil, err
	}
	return warnings, nil
}

// applyDevStep carries a recorded step's decision over to the member
// record.
func applyDevStep(ctx context.Context, tx *Tx, st *DevStep) error {
	step, outcome := vocab.DevStep(st.Step), vocab.DevOutcome(st.Outcome)
	decides := (step == vocab.StepApproval && outcome == vocab.OutcomePassed) ||
		(step == vocab.StepConfirmApproval && outcome != vocab.OutcomeExtended) ||
		(step == vocab.StepEnd && outcome == vocab.OutcomeCancelled)
	if !decides {
		return nil
	}
	a, err := tx.Applicants.Get(ctx, string(st.ApplicantID))
	if err != nil {
		return err
	}
	steps, err := applicantSteps(ctx, tx.DevSteps, a.ID)
	if err != nil {
		return err
	}
	ra := a.RuleApplicant(steps)
	if step == vocab.StepApproval {
		return admitApplicant(ctx, tx, a, ra)
	}
	if a.MemberID == "" {
		return nil
	}
	m, err := tx.Members.Get(ctx, string(a.MemberID))
	if err != nil {
		return err
	}
	if outcome == vocab.OutcomeConfirmed {
		d, err := devRulesOf(ctx, tx.w, a.OrgID)
		if err != nil {
			return err
		}
		m.Category = string(vocab.CategoryFull)
		m.ConfirmedAt = DateOf(rules.ConfirmedOn(ra.Steps, d))
	} else {
		m.Status = string(vocab.StatusExpelled)
		m.Note = strings.TrimSpace(m.Note + "\n" + st.Date.String() + string(vocab.OutcomeCancelled))
	}
	return tx.Members.Update(ctx, m)
}

// admitApplicant makes the member record of an applicant the 党委 approved
// as a 预备党员, or links the member already on the rolls with the same
// 公民身份号码.
func admitApplicant(ctx context.Context, tx *Tx, a *Applicant, ra rules.Applicant) error {
	if a.MemberID != "" {
		return nil
	}
	joined := rules.Admitted(ra.Steps)
	if joined.IsZero() {
		return &ValidationError{Problems: []Problem{{Col: "step", Label: "步骤",
			Msg: "党委审批前须有支部大会通过接收的记录（" + string(vocab.RuleDevOrder) + "）"}}}
	}
	existing, err := tx.Members.List(ctx, Where(ColIDNumber, a.IDNumber), Where(ColOrgID, a.OrgID))
	if err != nil {
		return err
	}
	for _, m := range existing {
		if vocab.Status(m.Status).Active() {
			a.MemberID = Ref(m.ID)
			return tx.Applicants.Update(ctx, a)
		}
	}
	m := &Member{
		BranchID: a.BranchID, Name: a.Name, Gender: a.Gender, Ethnicity: a.Ethnicity, BirthDate: a.BirthDate,
		IDNumber: a.IDNumber, NativePlace: a.NativePlace, Education: a.Education, PersonType: a.PersonType,
		StaffNo: a.StaffNo, Position: a.Position, Phone: a.Phone, JoinedDate: DateOf(joined),
		Category: string(vocab.CategoryProbation), Status: string(vocab.StatusNormal),
	}
	m.OrgID = a.OrgID
	if err := tx.Members.Create(ctx, m); err != nil {
		return err
	}
	a.MemberID = Ref(m.ID)
	return tx.Applicants.Update(ctx, a)
}

// Pipeline reads every applicant with their steps, as the rules read them,
// and the stage each is in: the board, the documents and the statistics
// read the pipeline from here.
func (s *Store) Pipeline(ctx context.Context, conds ...Cond) ([]rules.Applicant, error) {
	apps, byApp, err := s.readPipeline(ctx, conds, nil)
	if err != nil {
		return nil, err
	}
	out := make([]rules.Applicant, len(apps))
	for i := range apps {
		out[i] = apps[i].RuleApplicant(byApp[apps[i].ID])
	}
	return out, nil
}

// readPipeline reads the applicants appConds select and, by applicant id,
// the steps stepConds select (in the order the rules read them): one read
// of each table, for Pipeline, DevRecords and PipelineBoard.
func (s *Store) readPipeline(ctx context.Context, appConds, stepConds []Cond) ([]Applicant, map[string][]DevStep, error) {
	apps, err := s.Applicants.List(ctx, appConds...)
	if err != nil {
		return nil, nil, err
	}
	byApp := make(map[string][]DevStep, len(apps))
	err = s.DevSteps.Each(ctx, func(st *DevStep) error {
		byApp[string(st.ApplicantID)] = append(byApp[string(st.ApplicantID)], *st)
		return nil
	}, stepConds...)
	if err != nil {
		return nil, nil, err
	}
	for id := range byApp {
		sortDevSteps(byApp[id])
	}
	return apps, byApp, nil
}
