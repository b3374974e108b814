-- What the committee (学校党委组织部) published through its signed channel,
-- as the organization received and verified it: one row per object, the
-- signed index and the body kept byte for byte, so that the next ones are
-- checked against them (no rollback, no replay, no fork) and so that they
-- travel in the organization's snapshots.
CREATE TABLE committee_objects (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    published_at TEXT NOT NULL,
    index_sha256 TEXT NOT NULL,
    prev TEXT NOT NULL DEFAULT '',
    task_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    deadline TEXT,
    thresholds TEXT NOT NULL DEFAULT '',
    signed TEXT NOT NULL,
    body TEXT NOT NULL
);

-- 任务完成情况: the organization's mark that it did a task the committee
-- gave, with an optional note (an attachment hangs on the row).
CREATE TABLE task_completions (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    task_id TEXT NOT NULL,
    done_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE UNIQUE INDEX committee_objects_seq ON committee_objects(org_id, seq) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX task_completions_task ON task_completions(org_id, task_id) WHERE deleted_at IS NULL;
