-- What the printed ledgers and forms need besides what was recorded:
-- 地点 of a training session and of a meeting, the reason a member was
-- 请假 or 缺席, and an appraisal's 民主测评 vote counts with the superior
-- organization's opinion.
ALTER TABLE trainings ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_attendance ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE appraisals ADD COLUMN votes_excellent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appraisals ADD COLUMN votes_qualified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appraisals ADD COLUMN votes_basic INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appraisals ADD COLUMN votes_fail INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appraisals ADD COLUMN superior_opinion TEXT NOT NULL DEFAULT '';
