-- The whole member file and the rest of the policy: the fields the
-- 全国党员管理信息系统 asks, 实践锻炼 (先锋岗/责任区, 承诺践诺, 志愿服务),
-- 宣传, 奖惩 and 处置, 党内职务 history, status episodes, and the 二级党校's
-- teachers and courses.

ALTER TABLE members ADD COLUMN degree TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN school TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN household_place TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN residence TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN archive_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN work_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN lost_circumstance TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN lost_date TEXT;

ALTER TABLE training_attendees ADD COLUMN certificate TEXT NOT NULL DEFAULT '';

-- 二级党校
CREATE TABLE school_teachers (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT REFERENCES members(id),
    unit TEXT NOT NULL DEFAULT '',
    subjects TEXT NOT NULL DEFAULT '',
    since TEXT,
    until TEXT
);

CREATE TABLE school_courses (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    plan_id TEXT NOT NULL REFERENCES training_plans(id),
    teacher_id TEXT REFERENCES school_teachers(id),
    title TEXT NOT NULL,
    hours REAL NOT NULL DEFAULT 0,
    audience TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

ALTER TABLE trainings ADD COLUMN course_id TEXT REFERENCES school_courses(id);

-- 党员先锋岗 / 党员责任区
CREATE TABLE practice_posts (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT,
    duties TEXT NOT NULL DEFAULT ''
);

-- 承诺践诺
CREATE TABLE pledges (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    year INTEGER NOT NULL,
    content TEXT NOT NULL,
    pledged_date TEXT NOT NULL,
    review TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    review_date TEXT
);

-- 志愿服务
CREATE TABLE volunteer_services (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    date TEXT NOT NULL,
    activity TEXT NOT NULL,
    hours REAL NOT NULL DEFAULT 0,
    organizer TEXT NOT NULL DEFAULT ''
);

-- 宣传
CREATE TABLE publicity (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    branch_id TEXT REFERENCES branches(id),
    channel TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

-- 表彰奖励
CREATE TABLE rewards (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    title TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL
);

-- 党纪处分
CREATE TABLE disciplines (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    effect_until TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);

-- 限期改正
CREATE TABLE corrections (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    date TEXT NOT NULL,
    deadline TEXT,
    reason TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    outcome_date TEXT
);

-- 停止党籍 / 恢复党籍 / 除名
CREATE TABLE dispositions (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);

-- 党内职务 history
CREATE TABLE post_terms (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    branch_id TEXT REFERENCES branches(id),
    organ TEXT NOT NULL,
    post TEXT NOT NULL,
    from_date TEXT NOT NULL,
    until TEXT,
    elected TEXT
);

-- 失联 / 流动外出 / 出国（境）学习研究 / 毕业生组织关系保留
CREATE TABLE episodes (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT,
    place TEXT NOT NULL DEFAULT '',
    circumstances TEXT NOT NULL DEFAULT '',
    searches TEXT NOT NULL DEFAULT '',
    last_contact TEXT,
    note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX school_courses_plan ON school_courses(plan_id);
CREATE INDEX practice_posts_member ON practice_posts(member_id);
CREATE INDEX pledges_member_year ON pledges(member_id, year);
CREATE INDEX volunteer_services_member_date ON volunteer_services(member_id, date);
CREATE INDEX publicity_date ON publicity(date);
CREATE INDEX rewards_member ON rewards(member_id);
CREATE INDEX disciplines_member ON disciplines(member_id);
CREATE INDEX corrections_member ON corrections(member_id);
CREATE INDEX dispositions_member ON dispositions(member_id);
CREATE INDEX post_terms_member ON post_terms(member_id);
CREATE INDEX post_terms_branch ON post_terms(branch_id);
CREATE INDEX episodes_member ON episodes(member_id);
