-- 0001: the initial schema: one table per record of DOMAIN.md.
-- Every table carries id (UUIDv7), org_id, version, updated_at and a deleted_at tombstone.

-- 二级党组织
CREATE TABLE orgs (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT ''
);

-- 党支部
CREATE TABLE branches (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    secretary TEXT NOT NULL DEFAULT '',
    founded TEXT,
    note TEXT NOT NULL DEFAULT ''
);

-- 党小组
CREATE TABLE party_groups (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    branch_id TEXT NOT NULL REFERENCES branches(id),
    name TEXT NOT NULL,
    leader TEXT NOT NULL DEFAULT ''
);

-- 设置
CREATE TABLE settings (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    key TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT ''
);

-- 党员
CREATE TABLE members (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    branch_id TEXT NOT NULL REFERENCES branches(id),
    group_id TEXT REFERENCES party_groups(id),
    name TEXT NOT NULL,
    gender TEXT NOT NULL,
    ethnicity TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    id_number TEXT NOT NULL,
    native_place TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    person_type TEXT NOT NULL DEFAULT '',
    staff_no TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    joined_date TEXT,
    confirmed_date TEXT,
    category TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '正常',
    party_post TEXT NOT NULL DEFAULT '',
    is_leader INTEGER NOT NULL DEFAULT 0,
    phone TEXT NOT NULL DEFAULT '',
    in_difficulty INTEGER NOT NULL DEFAULT 0,
    floating INTEGER NOT NULL DEFAULT 0,
    floating_to TEXT NOT NULL DEFAULT '',
    lost_contact INTEGER NOT NULL DEFAULT 0,
    dues_base INTEGER NOT NULL DEFAULT 0,
    dues_reduced INTEGER NOT NULL DEFAULT 0,
    dues_exempt_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

-- 学习培训
CREATE TABLE trainings (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    date TEXT NOT NULL,
    hours REAL NOT NULL DEFAULT 0,
    form TEXT NOT NULL,
    topic TEXT NOT NULL,
    organizer TEXT NOT NULL DEFAULT '',
    speaker_id TEXT REFERENCES members(id),
    note TEXT NOT NULL DEFAULT ''
);

-- 培训参加人员
CREATE TABLE training_attendees (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    training_id TEXT NOT NULL REFERENCES trainings(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    hours REAL NOT NULL DEFAULT 0
);

-- 培训计划
CREATE TABLE training_plans (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    year INTEGER NOT NULL,
    course TEXT NOT NULL,
    planned_hours REAL NOT NULL DEFAULT 0,
    target_group TEXT NOT NULL DEFAULT '',
    month INTEGER NOT NULL DEFAULT 0,
    organizer TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

-- 组织生活
CREATE TABLE meetings (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    branch_id TEXT NOT NULL REFERENCES branches(id),
    group_id TEXT REFERENCES party_groups(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    host_id TEXT REFERENCES members(id),
    recorder TEXT NOT NULL DEFAULT '',
    minutes TEXT NOT NULL DEFAULT ''
);

-- 出席情况
CREATE TABLE meeting_attendance (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    status TEXT NOT NULL
);

-- 民主评议
CREATE TABLE appraisals (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    year INTEGER NOT NULL,
    member_id TEXT NOT NULL REFERENCES members(id),
    self_assessment TEXT NOT NULL DEFAULT '',
    grade TEXT NOT NULL DEFAULT '',
    branch_opinion TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT ''
);

-- 目标管理责任书
CREATE TABLE agreements (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    year INTEGER NOT NULL,
    member_id TEXT NOT NULL REFERENCES members(id),
    signed_date TEXT,
    assessed_date TEXT,
    score REAL NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);

-- 责任书目标
CREATE TABLE agreement_targets (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    seq INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL,
    completion TEXT NOT NULL DEFAULT ''
);

-- 先进典型
CREATE TABLE honors (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    deed TEXT NOT NULL DEFAULT ''
);

-- 党费
CREATE TABLE dues (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    month TEXT NOT NULL,
    base INTEGER NOT NULL DEFAULT 0,
    rate TEXT NOT NULL DEFAULT '',
    due INTEGER NOT NULL DEFAULT 0,
    paid INTEGER NOT NULL DEFAULT 0,
    paid_date TEXT,
    note TEXT NOT NULL DEFAULT ''
);

-- 经费
CREATE TABLE funds (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    date TEXT NOT NULL,
    budget_line TEXT NOT NULL,
    direction TEXT NOT NULL,
    amount INTEGER NOT NULL DEFAULT 0,
    voucher TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT ''
);

-- 组织关系转接
CREATE TABLE transfers (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    direction TEXT NOT NULL,
    other_org TEXT NOT NULL,
    letter_no TEXT NOT NULL,
    issued_date TEXT NOT NULL,
    valid_days INTEGER NOT NULL DEFAULT 90,
    receipt_date TEXT,
    note TEXT NOT NULL DEFAULT ''
);

-- 谈心谈话
CREATE TABLE talks (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    date TEXT NOT NULL,
    talker TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT ''
);

-- 关心关爱
CREATE TABLE care_records (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL DEFAULT 0,
    handler TEXT NOT NULL DEFAULT ''
);

-- 联系群众
CREATE TABLE liaisons (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    contact TEXT NOT NULL,
    since TEXT,
    until TEXT,
    note TEXT NOT NULL DEFAULT ''
);

-- 联系记录
CREATE TABLE liaison_logs (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    liaison_id TEXT NOT NULL REFERENCES liaisons(id),
    date TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT ''
);

-- 干部监督
CREATE TABLE supervisions (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT ''
);

-- 意见建议
CREATE TABLE feedback (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    channel TEXT NOT NULL,
    received_date TEXT NOT NULL,
    submitter TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    handler TEXT NOT NULL DEFAULT '',
    reply TEXT NOT NULL DEFAULT '',
    replied_date TEXT,
    status TEXT NOT NULL DEFAULT '待处理'
);

-- 附件内容
CREATE TABLE blobs (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    content BLOB NOT NULL
);

-- 附件
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    owner_table TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL REFERENCES blobs(id)
);

-- 操作记录
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '{}'
);

-- Lookups the store and the rules make often.
CREATE UNIQUE INDEX settings_key ON settings(org_id, key) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX members_id_number_active ON members(org_id, id_number)
    WHERE deleted_at IS NULL AND status IN ('正常', '停止党籍');
CREATE INDEX members_branch ON members(branch_id);
CREATE INDEX members_id_number ON members(id_number);
CREATE INDEX party_groups_branch ON party_groups(branch_id);
CREATE INDEX trainings_date ON trainings(date, id, form) WHERE deleted_at IS NULL;
CREATE INDEX training_attendees_training ON training_attendees(training_id, member_id, hours) WHERE deleted_at IS NULL;
CREATE INDEX training_attendees_member ON training_attendees(member_id);
CREATE INDEX meetings_branch_date ON meetings(branch_id, date);
CREATE INDEX meetings_date ON meetings(date, id) WHERE deleted_at IS NULL;
CREATE INDEX meeting_attendance_meeting ON meeting_attendance(meeting_id, status, member_id) WHERE deleted_at IS NULL;
CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id);
CREATE INDEX appraisals_year_member ON appraisals(year, member_id);
CREATE INDEX agreements_year_member ON agreements(year, member_id);
CREATE INDEX agreement_targets_agreement ON agreement_targets(agreement_id);
CREATE INDEX dues_member_month ON dues(member_id, month, paid, due) WHERE deleted_at IS NULL;
CREATE INDEX dues_month ON dues(month);
CREATE UNIQUE INDEX dues_one_per_month ON dues(member_id, month) WHERE deleted_at IS NULL;
CREATE INDEX transfers_member ON transfers(member_id);
CREATE INDEX transfers_letter ON transfers(letter_no);
CREATE INDEX talks_member_date ON talks(member_id, date);
CREATE INDEX care_records_member ON care_records(member_id);
CREATE INDEX liaisons_member ON liaisons(member_id);
CREATE INDEX liaison_logs_liaison ON liaison_logs(liaison_id);
CREATE INDEX supervisions_member ON supervisions(member_id);
CREATE INDEX honors_member ON honors(member_id);
CREATE INDEX attachments_owner ON attachments(owner_table, owner_id);
CREATE INDEX audit_log_row ON audit_log(row_id);
