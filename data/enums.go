package data

// The allowed values of the enumerated fields, as the templates' drop-downs
// and the forms offer them.
var (
	Genders          = []string{"男", "女"}
	BranchTypes      = []string{"教工", "学生", "离退休", "混合"}
	PersonTypes      = []string{"在职教职工", "学生", "离退休", "其他"}
	Categories       = []string{"正式党员", "预备党员"}
	MemberStatuses   = []string{"正常", "停止党籍", "已转出", "出党", "去世"}
	Educations       = []string{"研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下"}
	TrainingForms    = []string{"培训班", "党课", "报告会", "专题研讨", "集体学习", "网络培训", "个人自学"}
	MeetingKinds     = []string{"支部党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议"}
	Attendances      = []string{"出席", "请假", "缺席"}
	Grades           = []string{"优秀", "合格", "基本合格", "不合格"}
	Completions      = []string{"完成", "部分完成", "未完成"}
	Directions       = []string{"转出", "转入"}
	CareKinds        = []string{"困难帮扶", "走访慰问", "其他"}
	LiaisonKinds     = []string{"群众", "困难学生", "支部", "班级"}
	SupervisionKinds = []string{"个人事项报告", "述职述廉", "谈话诫勉", "个人重大事项报告"}
	FeedbackChannels = []string{"意见箱", "邮箱", "热线", "面谈", "其他"}
	FeedbackStatuses = []string{"待处理", "处理中", "已办结"}
	FundDirections   = []string{"收入", "支出"}
)

// CategoryAliases maps the short forms accepted on input to 党员类别 values.
var CategoryAliases = map[string]string{"正式": "正式党员", "预备": "预备党员"}

// ActiveStatuses are the 党籍状态 values of members still on the rolls;
// 公民身份号码 is unique among them.
var ActiveStatuses = []string{"正常", "停止党籍"}
