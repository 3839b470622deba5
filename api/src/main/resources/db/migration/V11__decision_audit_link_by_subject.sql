-- A decision row no longer names its audit entry's sequence number: the entry is found by its subject (the
-- decision id, indexed by ix_audit_subject). Knowing the number meant inserting the decisions after the audit
-- append, while the audit chain's head is locked; without it a request's rows are written before the head is
-- taken, so two writers can insert at once and only the chain append and the commit are serial.
ALTER TABLE order_decision DROP COLUMN audit_seq;
