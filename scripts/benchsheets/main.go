// Command benchsheets writes large, valid members and training sheets for
// benchmarking `dangjian import`, each both as .xlsx (the import's input)
// and as .csv with the same values (the input of the sqlite3 shell's
// `.import`, the floor the import is compared with):
//
//	go run ./scripts/benchsheets -members 20000 -training 200000 -out DIR
//
// writes DIR/members.xlsx, DIR/members.csv, DIR/training.xlsx and
// DIR/training.csv. The headers are exactly those of the import templates
// (reports/sheets/kinds.go). Every row is meant to import without a
// problem into a fresh database (members first, then training), so an
// import error points at this generator or at the import.
//
// Members: unique valid 公民身份号码 (dangjian/data/field.MakeIDNumber)
// over varied 6-digit region codes, births 1960–2003 agreeing with the
// number (出生日期 and the gender parity of 性别), 入党日期 after the 18th
// birthday and before 2026-01-01, 转正日期 a year later for 正式党员, a few
// 预备党员 received in December 2025 without 转正日期, about 40 branches.
// Training: rows naming those members by 公民身份号码 and 姓名, grouped into
// sessions, one per (日期, 主题) with a single 学时, 形式 and 主办单位, dates
// in 2026-01-01..2026-10-31, no member twice in a session.
//
// The output is deterministic: a fixed seed (-seed) gives the same bytes
// in the CSV files and the same cell values in the workbooks. Dates, the
// 公民身份号码, 工号或学号 and 联系电话 are text cells (format "@"); 学时
// and 党费基数 are numbers.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data/field"
	"dangjian/data/vocab"
)

// The templates' headers, in order (reports/sheets/kinds.go) and the
// templates' sheet names.
var (
	memberHeaders = []string{"姓名", "性别", "民族", "出生日期", "公民身份号码", "籍贯", "学历", "人员类别",
		"工号或学号", "单位职务或院系班级", "所在支部", "入党日期", "转正日期", "党员类别", "党内职务",
		"党员领导干部", "联系电话", "困难党员", "党费基数"}
	trainingHeaders = []string{"公民身份号码", "姓名", "日期", "学时", "形式", "主题", "主办单位"}
)

const (
	membersSheet  = "党员信息"
	trainingSheet = "学习培训"
	dateLayout    = "2006-01-02"
)

// Columns written as text cells; the others are text too unless their value
// is a number.
var textColumns = map[string]bool{
	"出生日期": true, "公民身份号码": true, "工号或学号": true, "入党日期": true, "转正日期": true,
	"联系电话": true, "日期": true,
}

func main() {
	members := flag.Int("members", 20000, "党员行数")
	training := flag.Int("training", 200000, "学习培训行数")
	out := flag.String("out", "", "输出目录(必填)")
	seed := flag.Uint64("seed", 20260101, "随机数种子")
	flag.Parse()
	if *out == "" || *members < 1 || *training < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "用法: go run ./scripts/benchsheets -members N -training N -out DIR [-seed S]")
		os.Exit(2)
	}
	if err := run(*members, *training, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchsheets:", err)
		os.Exit(1)
	}
}

func run(nMembers, nTraining int, seed uint64, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := &gen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), ids: map[string]bool{}}
	people := g.members(nMembers)
	memberRows := make([][]any, len(people))
	for i, p := range people {
		memberRows[i] = p.row()
	}
	if err := writeBoth(dir, "members", membersSheet, memberHeaders, memberRows); err != nil {
		return err
	}
	trainingRows := g.training(people, nTraining)
	return writeBoth(dir, "training", trainingSheet, trainingHeaders, trainingRows)
}

// writeBoth writes DIR/NAME.xlsx and DIR/NAME.csv.
func writeBoth(dir, name, sheet string, headers []string, rows [][]any) error {
	if err := writeXLSX(filepath.Join(dir, name+".xlsx"), sheet, headers, rows); err != nil {
		return fmt.Errorf("%s.xlsx: %w", name, err)
	}
	if err := writeCSV(filepath.Join(dir, name+".csv"), headers, rows); err != nil {
		return fmt.Errorf("%s.csv: %w", name, err)
	}
	return nil
}

// writeXLSX streams the rows into a one-sheet workbook.
func writeXLSX(path, sheet string, headers []string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@"
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	cells := make([]any, len(headers))
	for r, row := range rows {
		for i, v := range row {
			if textColumns[headers[i]] {
				cells[i] = excelize.Cell{StyleID: text, Value: v}
			} else {
				cells[i] = v
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := f.Write(file); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// writeCSV writes the same values as UTF-8 CSV with a header row.
func writeCSV(path string, headers []string, rows [][]any) error {
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(file)
	_ = w.Write(headers)
	rec := make([]string, len(headers))
	for _, row := range rows {
		for i, v := range row {
			rec[i] = csvValue(v)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

func csvValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	}
	panic(fmt.Sprintf("benchsheets: unexpected cell value %T", v))
}

// gen holds the random source and the numbers already given out.
type gen struct {
	rng *rand.Rand
	ids map[string]bool
}

func (g *gen) pick(list []string) string { return pick(g.rng, list) }

// pick returns a random element of a non-empty list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// between returns a uniformly random date in [from, to].
func (g *gen) between(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.rng.IntN(days+1))
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// person is one members row.
type person struct {
	name, gender, ethnicity, id, nativePlace, education, personType string
	staffNo, position, branch, category, post, leader, phone, poor  string
	birth, joined, confirmed                                        time.Time
	duesBase                                                        float64
}

func (p *person) row() []any {
	confirmed := ""
	if !p.confirmed.IsZero() {
		confirmed = p.confirmed.Format(dateLayout)
	}
	return []any{p.name, p.gender, p.ethnicity, p.birth.Format(dateLayout), p.id, p.nativePlace, p.education,
		p.personType, p.staffNo, p.position, p.branch, p.joined.Format(dateLayout), confirmed, p.category,
		p.post, p.leader, p.phone, p.poor, p.duesBase}
}

// members makes n members spread over the branches.
func (g *gen) members(n int) []*person {
	people := make([]*person, n)
	posts := map[string]int{} // branch → 党内职务 given so far
	for i := range people {
		p := &person{}
		switch r := g.rng.IntN(100); {
		case r < 45:
			g.staffMember(p, i)
		case r < 88:
			g.student(p, i)
		default:
			g.retiree(p, i)
		}
		g.identity(p)
		g.partyDates(p)
		// The first members of each branch make its committee.
		switch k := posts[p.branch]; {
		case k < len(committeePosts):
			p.post = committeePosts[k]
			posts[p.branch]++
		case g.rng.IntN(60) == 0:
			p.post = "党小组长"
		}
		p.leader = "否"
		if p.personType == string(vocab.PersonStaff) && g.rng.IntN(25) == 0 {
			p.leader = "是"
		}
		p.poor = "否"
		if g.rng.IntN(100) == 0 {
			p.poor = "是"
		}
		p.phone = fmt.Sprintf("1%d%09d", 3+g.rng.IntN(7), g.rng.IntN(1_000_000_000))
		people[i] = p
	}
	return people
}

// The 40 branches: per school two of staff, one of undergraduates and one
// of graduate students (32); four of the administration; four of retirees.
const (
	staffBranches = 2
	adminBranches = 4
	retireeGroups = 4
)

func (g *gen) staffMember(p *person, i int) {
	p.personType = string(vocab.PersonStaff)
	p.birth = g.between(date(1962, 1, 1), date(1996, 12, 31))
	p.education = g.pick([]string{string(vocab.EduPostgraduate), string(vocab.EduPostgraduate), string(vocab.EduPostgraduate), string(vocab.EduBachelor), string(vocab.EduBachelor), string(vocab.EduCollege)})
	p.staffNo = fmt.Sprintf("T%06d", 100000+i)
	if g.rng.IntN(5) == 0 {
		p.branch = fmt.Sprintf("机关第%s党支部", ordinals[g.rng.IntN(adminBranches)])
		p.position = g.pick(offices) + g.pick([]string{"处长", "副处长", "科长", "科员", "科员"})
	} else {
		u := g.pick(units)
		p.branch = fmt.Sprintf("%s教工第%s党支部", u, ordinals[g.rng.IntN(staffBranches)])
		p.position = u + g.pick(titles)
	}
	p.duesBase = float64(4000 + 10*g.rng.IntN(1600))
}

func (g *gen) student(p *person, i int) {
	p.personType = string(vocab.PersonStudent)
	u := g.pick(units)
	var grade int
	if g.rng.IntN(2) == 0 {
		p.birth = g.between(date(1994, 1, 1), date(2001, 12, 31))
		grade = min(p.birth.Year()+22, 2025)
		p.education = string(vocab.EduBachelor) // the degree held; studying for a master's or doctorate
		p.branch = u + "研究生党支部"
		p.position = fmt.Sprintf("%s%d级硕士%d班", u, grade, 1+g.rng.IntN(4))
	} else {
		p.birth = g.between(date(2002, 1, 1), date(2003, 12, 31))
		grade = p.birth.Year() + 19
		p.education = string(vocab.EduHighSchool)
		p.branch = u + "本科生党支部"
		p.position = fmt.Sprintf("%s%d级本科%d班", u, grade, 1+g.rng.IntN(8))
	}
	p.staffNo = fmt.Sprintf("%d%06d", grade, i)
	p.duesBase = 0
}

func (g *gen) retiree(p *person, i int) {
	p.personType = string(vocab.PersonRetired)
	p.birth = g.between(date(1960, 1, 1), date(1965, 12, 31))
	p.branch = fmt.Sprintf("离退休第%s党支部", ordinals[g.rng.IntN(retireeGroups)])
	p.education = g.pick([]string{string(vocab.EduPostgraduate), string(vocab.EduBachelor), string(vocab.EduBachelor), string(vocab.EduCollege), string(vocab.EduTechnical), string(vocab.EduHighSchool)})
	p.staffNo = fmt.Sprintf("R%06d", 100000+i)
	p.position = "原" + g.pick(append(units[:len(units):len(units)], offices...)) + "退休"
	p.duesBase = float64(3000 + 10*g.rng.IntN(700))
}

// identity gives the name, gender, ethnicity, native place and a
// 公民身份号码 not given before.
func (g *gen) identity(p *person) {
	male := g.rng.IntN(2) == 0
	p.gender = map[bool]string{true: string(vocab.Male), false: string(vocab.Female)}[male]
	given := givenFemale
	if male {
		given = givenMale
	}
	p.name = g.pick(surnames) + g.pick(given)
	if g.rng.IntN(3) > 0 {
		p.name += g.pick(given)
	}
	p.ethnicity = "汉族"
	if g.rng.IntN(12) == 0 {
		p.ethnicity = g.pick(ethnicities)
	}
	reg := regions[g.rng.IntN(len(regions))]
	p.nativePlace = reg.place
	for {
		id := field.MakeIDNumber(reg.code, p.birth, g.rng.IntN(500), male)
		if !g.ids[id] {
			g.ids[id] = true
			p.id = id
			return
		}
	}
}

// partyDates sets 入党日期, 转正日期 and 党员类别: about 2% are 预备党员
// received in December 2025; the others joined after their 18th birthday
// and before 2025 and were confirmed a year later.
func (g *gen) partyDates(p *person) {
	adult := p.birth.AddDate(18, 0, 1)
	if g.rng.IntN(50) == 0 {
		p.category = string(vocab.CategoryProbation)
		p.joined = g.between(date(2025, 12, 1), date(2025, 12, 31))
		return
	}
	p.category = string(vocab.CategoryFull)
	last := date(2024, 12, 31)
	from := adult
	if p.personType != string(vocab.PersonStudent) {
		from = adult.AddDate(2, 0, 0) // most staff join after their studies
		if from.After(last) {
			from = adult
		}
	}
	p.joined = g.between(from, last)
	p.confirmed = p.joined.AddDate(1, 0, 0)
}

// session is one (日期, 主题) training.
type session struct {
	date             time.Time
	topic, form, org string
	hours            float64
}

// training makes n rows: sessions of 20–300 distinct members until n rows.
func (g *gen) training(people []*person, n int) [][]any {
	topics := trainingTopics()
	rows := make([][]any, 0, n)
	used := map[string]bool{} // date|topic
	first, last := date(2026, 1, 1), date(2026, 10, 31)
	in := make(map[int]bool)
	for len(rows) < n {
		s := session{form: g.pick(forms), org: g.pick(organizers), hours: pick(g.rng, hours)}
		for {
			s.date, s.topic = g.between(first, last), g.pick(topics)
			if key := s.date.Format(dateLayout) + "|" + s.topic; !used[key] {
				used[key] = true
				break
			}
		}
		size := min(20+g.rng.IntN(281), n-len(rows), len(people))
		clear(in)
		for len(in) < size {
			in[g.rng.IntN(len(people))] = true
		}
		// Visit attendees in member order, so the rows do not depend on
		// map iteration order.
		for i := range people {
			if in[i] {
				p := people[i]
				rows = append(rows, []any{p.id, p.name, s.date.Format(dateLayout), s.hours, s.form, s.topic, s.org})
			}
		}
	}
	return rows
}

// region is a 6-digit administrative code and the 籍贯 it stands for.
type region struct{ code, place string }

var regions = []region{
	{"110101", "北京东城"}, {"110108", "北京海淀"}, {"120101", "天津和平"}, {"130102", "河北石家庄"},
	{"140105", "山西太原"}, {"150102", "内蒙古呼和浩特"}, {"210102", "辽宁沈阳"}, {"220102", "吉林长春"},
	{"230102", "黑龙江哈尔滨"}, {"310104", "上海徐汇"}, {"320102", "江苏南京"}, {"320505", "江苏苏州"},
	{"330106", "浙江杭州"}, {"340102", "安徽合肥"}, {"350102", "福建福州"}, {"360102", "江西南昌"},
	{"370102", "山东济南"}, {"370202", "山东青岛"}, {"410105", "河南郑州"}, {"420102", "湖北武汉"},
	{"420106", "湖北武汉"}, {"420502", "湖北宜昌"}, {"430102", "湖南长沙"}, {"440106", "广东广州"},
	{"440305", "广东深圳"}, {"450102", "广西南宁"}, {"460105", "海南海口"}, {"500103", "重庆渝中"},
	{"510107", "四川成都"}, {"520102", "贵州贵阳"}, {"530102", "云南昆明"}, {"610113", "陕西西安"},
	{"620102", "甘肃兰州"}, {"630102", "青海西宁"}, {"640104", "宁夏银川"}, {"650102", "新疆乌鲁木齐"},
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
		"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
		"田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
		"姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方",
		"欧阳", "司马", "诸葛"}
	givenMale = []string{"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
		"飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国",
		"志", "文", "博", "晨", "昊", "然", "睿", "泽", "轩", "航", "锋", "峰", "毅", "诚", "海", "亮", "松"}
	givenFemale = []string{"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "莹", "洁",
		"琳", "倩", "颖", "欣", "怡", "佳", "悦", "晶", "梅", "兰", "红", "萍", "璐", "瑶", "琪", "雯", "蕾",
		"薇", "丹", "月", "晓", "彤", "萱", "涵", "妍", "思", "雨", "宁", "文", "华", "玉", "秀", "春", "云"}
	ethnicities = []string{"回族", "满族", "壮族", "蒙古族", "土家族", "苗族", "朝鲜族", "藏族", "维吾尔族", "彝族"}
	units       = []string{"计算机学院", "机械工程学院", "经济管理学院", "外国语学院", "马克思主义学院", "材料学院",
		"化学化工学院", "土木工程学院"}
	offices        = []string{"党委办公室", "组织部", "宣传部", "人事处", "教务处", "科研处", "学生工作处", "财务处"}
	ordinals       = []string{"一", "二", "三", "四"}
	titles         = []string{"教授", "副教授", "讲师", "助教", "实验师", "辅导员", "副院长", "办公室主任", "科员"}
	committeePosts = []string{"支部书记", "组织委员", "宣传委员", "纪检委员"}
	forms          = []string{string(vocab.FormCourse), string(vocab.FormLecture), string(vocab.FormReport), string(vocab.FormSeminar), string(vocab.FormGroupStudy), string(vocab.FormOnline)}
	organizers     = []string{"二级党校", "学院党委", "校党委组织部", "校党委宣传部", "马克思主义学院", "所在党支部"}
	hours          = []float64{1, 1.5, 2, 2, 2, 2.5, 3, 3, 3.5, 4, 4, 4.5, 5, 6, 6, 7, 8, 8}
)

// trainingTopics returns 200 topics: 40 subjects, each in 5 kinds of
// session.
func trainingTopics() []string {
	subjects := []string{"党的二十大精神", "党的二十届三中全会精神", "党的二十届四中全会精神", "党章", "《中国共产党纪律处分条例》",
		"《中国共产党支部工作条例》", "习近平新时代中国特色社会主义思想", "全面从严治党", "党史", "新中国史", "改革开放史",
		"社会主义发展史", "中央八项规定精神", "教育强国建设", "科技自立自强", "新质生产力", "中国式现代化",
		"总体国家安全观", "意识形态工作", "师德师风建设", "立德树人", "课程思政", "铸牢中华民族共同体意识",
		"党的组织建设", "基层党建工作", "党员发展工作", "党费收缴使用管理", "组织生活制度", "民主集中制",
		"廉洁文化建设", "红色家风", "伟大建党精神", "抗战胜利80周年", "长征精神", "科学家精神", "劳模精神",
		"乡村振兴", "生态文明建设", "高质量发展", "网络安全"}
	kinds := []string{"专题辅导", "学习交流", "宣讲报告", "研讨会", "读书班"}
	topics := make([]string, 0, len(subjects)*len(kinds))
	for _, s := range subjects {
		for _, k := range kinds {
			topics = append(topics, s+k)
		}
	}
	return topics
}
