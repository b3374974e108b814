-- 发展党员: the people in the pipeline from the 入党申请书 to 转正 (not
-- members until the 党委 approves the 接收), every step taken for them, and
-- the versions of the rules of the pipeline added in 设置.

CREATE TABLE applicants (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    branch_id TEXT NOT NULL REFERENCES branches(id),
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
    phone TEXT NOT NULL DEFAULT '',
    member_id TEXT REFERENCES members(id),
    note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX applicants_branch ON applicants(branch_id);
CREATE INDEX applicants_id_number ON applicants(id_number);

CREATE TABLE dev_steps (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    applicant_id TEXT NOT NULL REFERENCES applicants(id),
    step TEXT NOT NULL,
    date TEXT NOT NULL,
    until TEXT,
    person_id TEXT REFERENCES members(id),
    person2_id TEXT REFERENCES members(id),
    people TEXT NOT NULL DEFAULT '',
    eligible INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 0,
    votes_for INTEGER NOT NULL DEFAULT 0,
    votes_against INTEGER NOT NULL DEFAULT 0,
    abstain INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT '',
    extend_months INTEGER NOT NULL DEFAULT 0,
    hours REAL NOT NULL DEFAULT 0,
    days REAL NOT NULL DEFAULT 0,
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX dev_steps_applicant ON dev_steps(applicant_id, date);

CREATE TABLE dev_rule_versions (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version_name TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
