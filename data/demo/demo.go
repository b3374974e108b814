// Package demo fills an organization database with realistic demo data: a
// college party committee's branches and 党小组, members with valid
// 公民身份号码, and a year of training, meetings, dues, appraisals,
// agreements, care, liaisons, transfers and funds up to a given day; the
// member file (the 全国党员管理信息系统's fields, 失联, 流动外出, 出国（境）
// and 毕业生 episodes, 党籍处置, 党纪处分, 限期改正, 表彰奖励, each 支委会's
// 党内职务), 实践锻炼 (承诺践诺, 志愿服务, 先锋岗和责任区), 宣传, the leaders'
// visits to their 联系点 and the 二级党校's teachers and courses; 发展党员,
// the people from the 入党申请书 to 转正 with every step (pipeline.go); with
// enough gaps that every compliance rule has something to report (at
// least four of 发展党员's).
//
// Generation is deterministic: the same Seed and AsOf give the same business
// values (names, numbers, dates, amounts, texts); only the row ids, which are
// UUIDv7, differ.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dangjian/data"
)

// Options tunes the demo.
type Options struct {
	// Members is how many member rows to write, the few transferred out
	// during the year included; 0 means 300. At least 10.
	Members int
	// Seed drives every random choice.
	Seed int64
	// AsOf is "today": the demo covers AsOf's calendar year up to that day,
	// plus some history before it. Zero means the store's clock; a later
	// day than the store's is refused, since the store rejects future dates.
	AsOf time.Time
	// Progress, when set, is called now and then with the work done and the
	// total, in the same unit.
	Progress func(done, total int)
}

// DefaultMembers is the size of the demo when Options.Members is 0.
const DefaultMembers = 300

// membersPerBranch sets how many branches a demo of a given size has.
const membersPerBranch = 37

// Summary counts the rows Generate wrote, per record.
type Summary struct {
	Branches, Groups, Members                   int
	Trainings, TrainingAttendees, TrainingPlans int
	Meetings, Attendance                        int
	Dues, Funds                                 int
	Appraisals, Agreements, AgreementTargets    int
	Honors, Talks, CareRecords                  int
	Liaisons, LiaisonLogs, Supervisions         int
	Feedback, Transfers                         int
	PracticePosts, Pledges, VolunteerServices   int
	Publicity, Rewards, Disciplines             int
	Corrections, Dispositions, PostTerms        int
	Episodes, SchoolTeachers, SchoolCourses     int
	Applicants, DevSteps                        int
	Rows                                        int // every row written
}

// MinMembers is the smallest demo organization Generate makes.
const MinMembers = 10

// Generate writes a demo organization into s, in one transaction: all of it
// or, on any error or when ctx is cancelled, nothing. It refuses a database
// that already has members.
func Generate(ctx context.Context, s *data.Store, o Options) (Summary, error) {
	if o.Members == 0 {
		o.Members = DefaultMembers
	}
	if o.Members < MinMembers {
		return Summary{}, fmt.Errorf("演示数据至少需要%d名党员,不能是%d名", MinMembers, o.Members)
	}
	today := civil(s.Now())
	asOf := today
	if !o.AsOf.IsZero() {
		asOf = civil(o.AsOf)
	}
	if asOf.After(today) {
		return Summary{}, fmt.Errorf("演示数据的截止日期%s晚于今天", asOf.Format("2006-01-02"))
	}
	if n, err := s.Members.Count(ctx); err != nil {
		return Summary{}, err
	} else if n > 0 {
		return Summary{}, errors.New("数据库中已有党员,演示数据只能写入新建的数据库")
	}
	g := newGen(ctx, o, asOf, s.Org().Name)
	g.plan()
	err := s.Write(ctx, func(tx *data.Tx) error {
		g.tx = tx
		return g.write()
	})
	if err != nil {
		if ctx.Err() != nil {
			return Summary{}, ctx.Err()
		}
		return Summary{}, err
	}
	g.report(g.total)
	return g.sum, nil
}

// gen holds one generation: the plan in memory and the transaction.
type gen struct {
	ctx  context.Context // for the store: never cancelled, so rows are not slowed down
	stop context.Context // the caller's, checked between rows
	tx   *data.Tx
	r    *rand.Rand
	x    *rand.Rand // the printed documents' details (places.go)
	y    stream     // the member file's records (memberfile.go)
	o    Options
	sum  Summary

	college string    // e.g. 计算机科学与技术学院
	asOf    time.Time // civil date, UTC
	year    int
	asOfM   int // month index of asOf
	startM  int // first month index of meetings and dues
	jan     int // month index of January of year

	branches []*branch
	people   []*person
	leaders  []*person
	usedIDs  map[string]bool
	staffNo  int
	lectures []*meeting // 党课 held, for the training records

	plans       []*data.TrainingPlan // the 二级党校's plan lines, for its courses
	schoolRuns  []schoolRun          // the organization's sessions a course may deliver
	leaderLinks []leaderLink         // leaders' 支部 and 班级 liaisons, for their visits
	pipes       []*pipe              // the people of 发展党员 (pipeline.go)

	done, total, reported int
}

func newGen(ctx context.Context, o Options, asOf time.Time, orgName string) *gen {
	seed := uint64(o.Seed)
	g := &gen{
		ctx:     context.WithoutCancel(ctx),
		stop:    ctx,
		r:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		x:       newExtras(seed),
		y:       newFileStream(seed),
		o:       o,
		college: collegeName(orgName),
		asOf:    asOf,
		year:    asOf.Year(),
		asOfM:   monthIndex(asOf),
		jan:     asOf.Year() * 12,
		usedIDs: make(map[string]bool, o.Members),
	}
	// Meetings and dues reach back at least nine months before AsOf's
	// month, so that long absences show even early in the year.
	g.startM = min(g.jan, g.asOfM-9)
	// Progress: writing members, meetings, training, dues, appraisals,
	// care, the member file and 发展党员 each count one unit per member.
	g.total = 8 * o.Members
	return g
}

// collegeName turns the organization's name into the college's:
// 计算机科学与技术学院党委 → 计算机科学与技术学院.
func collegeName(org string) string {
	for _, suffix := range []string{"党委", "党总支", "委员会"} {
		org = strings.TrimSuffix(org, suffix)
	}
	org = strings.TrimPrefix(org, "中共")
	if org == "" {
		return "学院"
	}
	return org
}

// write writes the planned organization and its records.
func (g *gen) write() error {
	steps := []func() error{
		g.writeBranches, g.writeMembers, g.writeTransfers, g.writeMeetings,
		g.writeTrainings, g.writeDues, g.writeAppraisals, g.writeCare, g.writeFile, g.writePipeline,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// advance adds n units of work done and reports progress now and then.
func (g *gen) advance(n int) {
	g.done = min(g.done+n, g.total)
	if g.done-g.reported >= max(g.total/100, 1) {
		g.report(g.done)
	}
}

func (g *gen) report(done int) {
	g.reported = done
	if g.o.Progress != nil {
		g.o.Progress(done, g.total)
	}
}

// record is a pointer to one of the store's record types.
type record[T any] interface {
	*T
	data.Record
}

// put creates rec in table t and counts it in n.
func put[T any, P record[T]](g *gen, t data.Table[T, P], rec P, n *int) error {
	if g.sum.Rows&255 == 0 {
		if err := g.stop.Err(); err != nil {
			return err
		}
	}
	if err := t.Create(g.ctx, rec); err != nil {
		return fmt.Errorf("写入演示数据(%s)失败: %w", rec.Table(), err)
	}
	*n++
	g.sum.Rows++
	return nil
}

// Random choices.

func (g *gen) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// shuffled returns a shuffled copy of ps.
func (g *gen) shuffled(ps []*person) []*person {
	out := append([]*person(nil), ps...)
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Dates. Dates are civil, midnight UTC; months are numbered year×12+month−1.

func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func monthStart(mi int) time.Time { return date(mi/12, time.Month(mi%12+1), 1) }

func daysIn(mi int) int { return monthStart(mi+1).AddDate(0, 0, -1).Day() }

// day returns a day of month mi between lo and hi (capped at the month's
// end), and whether it is on or before AsOf.
func (g *gen) day(mi, lo, hi int) (time.Time, bool) {
	t := monthStart(mi).AddDate(0, 0, g.between(lo, min(hi, daysIn(mi)))-1)
	return t, !t.After(g.asOf)
}

// dayIn returns a day in [from, to]; from when to is earlier.
func (g *gen) dayIn(from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours() / 24)
	if n <= 0 {
		return from
	}
	return from.AddDate(0, 0, g.intn(n+1))
}

func dt(t time.Time) data.Date { return data.DateOf(t) }
