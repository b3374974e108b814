-- 党费交至: the month a transfer-in letter says the member's dues are paid
-- up to ("2026-04"); the member owes dues here from the month after.
ALTER TABLE transfers ADD COLUMN dues_paid_until TEXT NOT NULL DEFAULT '';

-- The facts as of a past day read the members' recorded changes.
CREATE INDEX audit_log_table_action ON audit_log(tbl, action, at);

-- Where each organization's records begin: its first audit entry.
CREATE INDEX audit_log_org_at ON audit_log(org_id, at);
