package demo

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// fixedNow is the stores' clock in the tests, and so the demos' AsOf.
var fixedNow = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "计算机科学与技术学院党委", "JSJ",
		data.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func generate(t testing.TB, o Options) (*data.Store, Summary) {
	t.Helper()
	s := newStore(t)
	sum, err := Generate(context.Background(), s, o)
	if err != nil {
		t.Fatal(err)
	}
	return s, sum
}

// walk calls fn with every live row of a table, in insertion order.
func walk[T any, P record[T]](t testing.TB, tab data.Table[T, P], fn func(table, id string, fields []data.Field)) {
	t.Helper()
	rows, err := tab.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		p := P(&rows[i])
		fn(p.Table(), reflect.ValueOf(p).Elem().FieldByName("ID").String(), p.Fields())
	}
}

// eachRow walks the demo's tables, referenced tables before those that
// refer to them.
func eachRow(t testing.TB, s *data.Store, fn func(table, id string, fields []data.Field)) {
	walk(t, s.Branches, fn)
	walk(t, s.Groups, fn)
	walk(t, s.Members, fn)
	walk(t, s.Trainings, fn)
	walk(t, s.TrainingAttendees, fn)
	walk(t, s.TrainingPlans, fn)
	walk(t, s.Meetings, fn)
	walk(t, s.MeetingAttendance, fn)
	walk(t, s.Appraisals, fn)
	walk(t, s.Agreements, fn)
	walk(t, s.AgreementTargets, fn)
	walk(t, s.Honors, fn)
	walk(t, s.Dues, fn)
	walk(t, s.Funds, fn)
	walk(t, s.Transfers, fn)
	walk(t, s.Talks, fn)
	walk(t, s.CareRecords, fn)
	walk(t, s.Liaisons, fn)
	walk(t, s.LiaisonLogs, fn)
	walk(t, s.Supervisions, fn)
	walk(t, s.Feedback, fn)
	walk(t, s.Episodes, fn)
	walk(t, s.Dispositions, fn)
	walk(t, s.Corrections, fn)
	walk(t, s.Disciplines, fn)
	walk(t, s.Rewards, fn)
	walk(t, s.PostTerms, fn)
	walk(t, s.Pledges, fn)
	walk(t, s.VolunteerServices, fn)
	walk(t, s.PracticePosts, fn)
	walk(t, s.Publicity, fn)
	walk(t, s.SchoolTeachers, fn)
	walk(t, s.SchoolCourses, fn)
	walk(t, s.Applicants, fn)
	walk(t, s.DevSteps, fn)
}

// dump is the demo's business values, one line per row, with references
// written as the referenced row's table and position instead of its id.
func dump(t testing.TB, s *data.Store) []string {
	names := map[string]string{}
	count := map[string]int{}
	var out []string
	eachRow(t, s, func(table, id string, fields []data.Field) {
		count[table]++
		names[id] = fmt.Sprintf("%s#%d", table, count[table])
		var b strings.Builder
		b.WriteString(table)
		for _, f := range fields {
			b.WriteString("|")
			switch v := f.Ptr.(type) {
			case *data.Ref:
				b.WriteString(names[string(*v)])
			case *data.Date:
				b.WriteString(v.String())
			default:
				fmt.Fprint(&b, reflect.ValueOf(v).Elem().Interface())
			}
		}
		out = append(out, b.String())
	})
	return out
}

func TestGenerateDefault(t *testing.T) {
	var last, total int
	s, sum := generate(t, Options{Seed: 1, Progress: func(done, all int) {
		if done < last || done > all {
			t.Errorf("progress %d/%d after %d", done, all, last)
		}
		last, total = done, all
	}})
	if last != total || total == 0 {
		t.Errorf("progress ended at %d/%d", last, total)
	}
	if sum.Members != 300 || sum.Branches != 8 {
		t.Errorf("summary: %d members in %d branches, want 300 in 8", sum.Members, sum.Branches)
	}
	t.Logf("%+v", sum)
	ctx := context.Background()
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range branches {
		names = append(names, b.Name)
	}
	slices.Sort(names)
	if len(slices.Compact(names)) != 8 {
		t.Errorf("branch names not unique: %v", names)
	}
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 300 {
		t.Fatalf("%d members stored, want 300", len(members))
	}
	seen := map[string]bool{}
	for _, m := range members {
		id, err := field.ParseIDNumber(m.IDNumber, fixedNow)
		if err == nil {
			err = field.CheckIDMatches(id, m.BirthDate.Time, m.Gender)
		}
		if err != nil {
			t.Errorf("%s: %v", m.Name, err)
		}
		if seen[m.IDNumber] {
			t.Errorf("%s: 公民身份号码 used twice", m.Name)
		}
		seen[m.IDNumber] = true
	}
	checkNothingAfter(t, s, fixedNow)
}

func TestNothingAfterAsOf(t *testing.T) {
	asOf := time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)
	s, _ := generate(t, Options{Members: 150, Seed: 3, AsOf: asOf})
	checkNothingAfter(t, s, asOf)
}

// checkNothingAfter fails for any date, year or month after asOf.
func checkNothingAfter(t *testing.T, s *data.Store, asOf time.Time) {
	t.Helper()
	rows, month := 0, asOf.Format("2006-01")
	eachRow(t, s, func(table, _ string, fields []data.Field) {
		rows++
		for _, f := range fields {
			switch v := f.Ptr.(type) {
			case *data.Date:
				// A 处分's 影响期 runs on past today: its end is filled
				// from the kind, not an event of the demo.
				if v.After(asOf) && !(table == "disciplines" && f.Col == "effect_until") {
					t.Errorf("%s.%s is %s, after %s", table, f.Col, v, asOf.Format(time.DateOnly))
				}
			case *int:
				if f.Col == "year" && *v > asOf.Year() {
					t.Errorf("%s.year is %d", table, *v)
				}
			case *string:
				if f.Col == "month" && *v > month {
					t.Errorf("%s.month is %s", table, *v)
				}
			}
		}
	})
	if rows < 1000 {
		t.Errorf("only %d rows", rows)
	}
}

// TestTextsAsTheSheetsReadThem: every text the demo writes is as a sheet
// import reads it back (field.Text: Chinese text with its own
// punctuation, codes folded to half-width), so that an export imported
// again changes nothing.
func TestTextsAsTheSheetsReadThem(t *testing.T) {
	s, _ := generate(t, Options{Members: 150, Seed: 5})
	eachRow(t, s, func(table, _ string, fields []data.Field) {
		for _, f := range fields {
			v, ok := f.Ptr.(*string)
			if !ok || field.Text(*v) == *v {
				continue
			}
			t.Errorf("%s.%s %q reads back as %q", table, f.Col, *v, field.Text(*v))
		}
	})
}

func TestSameSeedSameData(t *testing.T) {
	o := Options{Members: 120, Seed: 42, AsOf: time.Date(2026, 10, 9, 0, 0, 0, 0, time.UTC)}
	s1, _ := generate(t, o)
	s2, _ := generate(t, o)
	a, b := dump(t, s1), dump(t, s2)
	if len(a) != len(b) {
		t.Fatalf("%d rows, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("row %d differs:\n%s\n%s", i, a[i], b[i])
		}
	}
	o.Seed = 43
	s3, _ := generate(t, o)
	if slices.Equal(a, dump(t, s3)) {
		t.Error("another seed gave the same data")
	}
}

// TestCheckFindsEveryRule: the default demo gives findings under every
// rule id but those of 发展党员, whatever the seed, and under at least
// minDevKinds of those (DEV-); and a row of every record the member file
// and 实践锻炼 added.
func TestCheckFindsEveryRule(t *testing.T) {
	for _, seed := range []int64{1, 3} {
		s, _ := generate(t, Options{Seed: seed})
		if missing := rulesWithout(t, s); len(missing) > 0 {
			t.Errorf("seed %d: no finding under %v", seed, missing)
		}
	}
	s, sum := generate(t, Options{Seed: 2})
	if missing := rulesWithout(t, s); len(missing) > 0 {
		t.Errorf("seed 2: no finding under %v", missing)
	}
	for name, n := range map[string]int{"先锋岗和责任区": sum.PracticePosts, "承诺践诺": sum.Pledges,
		"志愿服务": sum.VolunteerServices, "宣传": sum.Publicity, "表彰奖励": sum.Rewards, "党纪处分": sum.Disciplines,
		"限期改正": sum.Corrections, "党籍处置": sum.Dispositions, "党内职务": sum.PostTerms, "党员状态": sum.Episodes,
		"党校教师": sum.SchoolTeachers, "党校课程": sum.SchoolCourses} {
		if n == 0 {
			t.Errorf("no %s", name)
		}
	}
	ctx := context.Background()
	trainings, err := s.Trainings.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, tr := range trainings {
		if tr.CourseID != "" {
			linked++
		}
	}
	attendees, err := s.TrainingAttendees.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	certified := 0
	for _, a := range attendees {
		if a.Certificate != "" {
			certified++
		}
	}
	if linked == 0 || certified == 0 {
		t.Errorf("%d trainings linked to a course, %d attendees with a certificate", linked, certified)
	}
}

// minDevKinds is how many of the rules of 发展党员 (DEV-) the demo's
// pipeline gives findings under at least: a talk overdue, 思想汇报 and
// 考察 overdue, a 党委 approval overdue, a 预备期 ended without a 转正
// vote … (pipeline.go). The others need a step recorded against the rules,
// which the demo does not record.
const minDevKinds = 4

// rulesWithout lists the rule ids without a finding in the demo as of
// fixedNow: every rule id but DEV- ones, and the DEV- ones too when fewer
// than minDevKinds of them have one.
func rulesWithout(t *testing.T, s *data.Store) []vocab.RuleID {
	t.Helper()
	findings, err := s.Check(context.Background(), fixedNow.Year(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	perRule := map[vocab.RuleID]int{}
	for _, f := range findings {
		perRule[f.Rule]++
	}
	var missing, devMissing []vocab.RuleID
	devKinds := 0
	for _, id := range vocab.RuleIDs {
		switch {
		case id.IsDev() && perRule[id] > 0:
			devKinds++
		case id.IsDev():
			devMissing = append(devMissing, id)
		case perRule[id] == 0:
			missing = append(missing, id)
		}
	}
	if devKinds < minDevKinds {
		t.Logf("findings of 发展党员 under %d rules, want %d", devKinds, minDevKinds)
		missing = append(missing, devMissing...)
	}
	return missing
}

func TestCancelLeavesNothing(t *testing.T) {
	s := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Generate(ctx, s, Options{Members: 200, Progress: func(done, total int) {
		if done > total/3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	for _, count := range []func(context.Context, ...data.Cond) (int, error){s.Members.Count, s.Branches.Count, s.Meetings.Count} {
		if n, err := count(context.Background()); err != nil || n != 0 {
			t.Errorf("%d rows left (err %v)", n, err)
		}
	}
}

func TestRefusals(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := Generate(ctx, s, Options{Members: 5}); err == nil {
		t.Error("5 members accepted")
	}
	if _, err := Generate(ctx, s, Options{AsOf: fixedNow.AddDate(0, 0, 1)}); err == nil {
		t.Error("AsOf after the store's today accepted")
	}
	if _, err := Generate(ctx, s, Options{Members: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(ctx, s, Options{Members: 10}); err == nil {
		t.Error("a second demo in the same database accepted")
	}
}

// TestAcrossTheYear generates small demos on awkward days, each with the
// store's clock on that day: the first and last of a year, a leap day, the
// end of July (no branch founded this year yet).
func TestAcrossTheYear(t *testing.T) {
	for i, asOf := range []time.Time{
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		members := []int{10, 23, 80, 60}[i]
		s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), fmt.Sprint(i, ".db")), "测试学院党委", "T",
			data.WithClock(func() time.Time { return asOf.Add(20 * time.Hour) }))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		sum, err := Generate(context.Background(), s, Options{Members: members, Seed: int64(i)})
		if err != nil {
			t.Fatalf("%s: %v", asOf.Format(time.DateOnly), err)
		}
		if sum.Members != members || sum.Branches != 2 {
			t.Errorf("%s: %d members in %d branches", asOf.Format(time.DateOnly), sum.Members, sum.Branches)
		}
		if _, err := s.Check(context.Background(), asOf.Year(), asOf); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLateJoinerReviewedAfterPledging: a member who joined in December
// pledged in December; the demo of the year's last day reviews the pledge
// on or after it (the 260-member demo of seed 1 reviewed one before it, and
// the store refused the whole demo).
func TestLateJoinerReviewedAfterPledging(t *testing.T) {
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return asOf.Add(20 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Generate(context.Background(), s, Options{Members: 260, Seed: 1}); err != nil {
		t.Fatal(err)
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 21: "二十一", 105: "一百零五", 110: "一百一十", 2003: "二千零三"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %s, want %s", n, got, want)
		}
	}
}

func BenchmarkGenerate20000(b *testing.B) {
	if testing.Short() {
		b.Skip("20,000 members take a while")
	}
	for range b.N {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		start := time.Now()
		sum, err := Generate(context.Background(), s, Options{Members: 20000, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(sum.Rows)/time.Since(start).Seconds(), "rows/s")
		b.ReportMetric(float64(sum.Rows), "rows")
	}
}
