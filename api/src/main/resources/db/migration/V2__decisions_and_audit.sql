-- What Trimtab decided, and the audit trail over it.
--
-- audit_entry is the append-only, hash-chained record of every decision, approval and run. Each entry
-- carries the rule-set versions it used, a SHA-256 of its inputs, and entry_hash = SHA-256(prev_hash | fields),
-- so that any row altered or removed afterwards breaks the chain at that row. The detail tables below are
-- append-only too; database triggers refuse UPDATE and DELETE on all of them, so the application has no
-- path to change history (a DBA who drops the triggers can, and the chain check then names the row).

CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    entry_type   VARCHAR(40)  NOT NULL,
    subject      VARCHAR(120) NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    rule_sets    VARCHAR(600) NOT NULL,
    input_hash   CHAR(64)     NOT NULL,
    payload      LONGTEXT     NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    entry_hash   CHAR(64)     NOT NULL,
    KEY ix_audit_subject (subject),
    KEY ix_audit_type (entry_type, seq)
) ENGINE = InnoDB;

-- The chain's head: the one row appenders lock (SELECT ... FOR UPDATE) so that entries get consecutive
-- sequence numbers and each links to the one before, across any number of service instances.
CREATE TABLE audit_chain_head (
    id        TINYINT  NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- One POST /api/v1/orders/screen. The response is kept verbatim so that a retry with the same
-- Idempotency-Key gets exactly the same answer.
CREATE TABLE screening_request (
    request_id        CHAR(36)     NOT NULL PRIMARY KEY,
    client_id         VARCHAR(100) NOT NULL,
    idempotency_key   VARCHAR(200) NULL,
    request_hash      CHAR(64)     NOT NULL,
    received_at       TIMESTAMP(6) NOT NULL,
    rule_set_version  INT          NOT NULL,
    rule_set_checksum CHAR(64)     NOT NULL,
    order_count       INT          NOT NULL,
    response          LONGTEXT     NOT NULL,
    UNIQUE KEY ux_screening_idempotency (client_id, idempotency_key)
) ENGINE = InnoDB;

-- One verdict per screened order. Order fields are kept as received (text), since a bad order is
-- answered with a BLOCK that says what is wrong with it rather than refused.
CREATE TABLE order_decision (
    decision_id       VARCHAR(60)  NOT NULL PRIMARY KEY,
    request_id        CHAR(36)     NOT NULL,
    line_no           INT          NOT NULL,
    order_id          VARCHAR(100) NOT NULL,
    account_id        VARCHAR(100) NOT NULL,
    household_id      VARCHAR(40)  NULL,
    symbol            VARCHAR(40)  NOT NULL,
    side              VARCHAR(20)  NOT NULL,
    quantity          VARCHAR(60)  NOT NULL,
    price             VARCHAR(60)  NOT NULL,
    verdict           VARCHAR(20)  NOT NULL,
    rule_set_version  INT          NOT NULL,
    rule_set_checksum CHAR(64)     NOT NULL,
    explanation       LONGTEXT     NOT NULL,
    decided_at        TIMESTAMP(6) NOT NULL,
    audit_seq         BIGINT       NOT NULL,
    KEY ix_order_decision_request (request_id, line_no),
    KEY ix_order_decision_household (household_id),
    CONSTRAINT fk_order_decision_request FOREIGN KEY (request_id) REFERENCES screening_request (request_id)
) ENGINE = InnoDB;

-- A rebalance run. Its state is told by its events (STARTED, FINISHED, FAILED) and its progress by the
-- households it has recorded, so nothing about a run is ever updated.
CREATE TABLE rebalance_run (
    run_id           CHAR(36)     NOT NULL PRIMARY KEY,
    requested_by     VARCHAR(100) NOT NULL,
    requested_at     TIMESTAMP(6) NOT NULL,
    as_of            DATE         NOT NULL,
    dry_run          BOOLEAN      NOT NULL,
    household_scope  LONGTEXT     NOT NULL,
    household_total  INT          NOT NULL,
    rule_sets        VARCHAR(600) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE run_event (
    run_event_id BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id       CHAR(36)     NOT NULL,
    event_type   VARCHAR(20)  NOT NULL,
    occurred_at  TIMESTAMP(6) NOT NULL,
    detail       LONGTEXT     NOT NULL,
    KEY ix_run_event_run (run_id, run_event_id),
    CONSTRAINT fk_run_event_run FOREIGN KEY (run_id) REFERENCES rebalance_run (run_id)
) ENGINE = InnoDB;

-- A household's result in a run: its drift, the trigger hits and decision, and the proposal's summary.
CREATE TABLE run_household (
    run_id       CHAR(36)     NOT NULL,
    household_id VARCHAR(40)  NOT NULL,
    advisor_id   VARCHAR(40)  NOT NULL,
    decision     VARCHAR(20)  NULL,
    result       LONGTEXT     NOT NULL,
    done_at      TIMESTAMP(6) NOT NULL,
    audit_seq    BIGINT       NOT NULL,
    PRIMARY KEY (run_id, household_id),
    KEY ix_run_household_advisor (advisor_id),
    CONSTRAINT fk_run_household_run FOREIGN KEY (run_id) REFERENCES rebalance_run (run_id)
) ENGINE = InnoDB;

CREATE TABLE proposed_trade (
    trade_id          VARCHAR(60)    NOT NULL PRIMARY KEY,
    run_id            CHAR(36)       NOT NULL,
    household_id      VARCHAR(40)    NOT NULL,
    account_id        VARCHAR(40)    NOT NULL,
    custodian         VARCHAR(40)    NOT NULL,
    symbol            VARCHAR(16)    NOT NULL,
    side              VARCHAR(4)     NOT NULL,
    quantity          DECIMAL(24, 8) NOT NULL,
    price             DECIMAL(19, 6) NOT NULL,
    notional          DECIMAL(19, 2) NOT NULL,
    purpose           VARCHAR(20)    NOT NULL,
    verdict           VARCHAR(20)    NOT NULL,
    rule_set_version  INT            NOT NULL,
    rule_set_checksum CHAR(64)       NOT NULL,
    explanation       LONGTEXT       NOT NULL,
    audit_seq         BIGINT         NOT NULL,
    KEY ix_proposed_trade_run (run_id, household_id),
    KEY ix_proposed_trade_verdict (run_id, verdict),
    CONSTRAINT fk_proposed_trade_run FOREIGN KEY (run_id) REFERENCES rebalance_run (run_id)
) ENGINE = InnoDB;

-- An advisor's approval or rejection of a trade that REQUIRES_APPROVAL. A later entry supersedes an
-- earlier one for the same trade only by being later; none is ever changed.
CREATE TABLE trade_approval (
    trade_approval_id BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trade_id          VARCHAR(60)  NOT NULL,
    decision          VARCHAR(10)  NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    decided_at        TIMESTAMP(6) NOT NULL,
    audit_seq         BIGINT       NOT NULL,
    KEY ix_trade_approval_trade (trade_id, trade_approval_id),
    CONSTRAINT fk_trade_approval_trade FOREIGN KEY (trade_id) REFERENCES proposed_trade (trade_id)
) ENGINE = InnoDB;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only';
CREATE TRIGGER screening_request_no_update BEFORE UPDATE ON screening_request FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'screening requests are append-only';
CREATE TRIGGER screening_request_no_delete BEFORE DELETE ON screening_request FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'screening requests are append-only';
CREATE TRIGGER order_decision_no_update BEFORE UPDATE ON order_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order decisions are append-only';
CREATE TRIGGER order_decision_no_delete BEFORE DELETE ON order_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order decisions are append-only';
CREATE TRIGGER rebalance_run_no_update BEFORE UPDATE ON rebalance_run FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'runs are append-only';
CREATE TRIGGER rebalance_run_no_delete BEFORE DELETE ON rebalance_run FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'runs are append-only';
CREATE TRIGGER run_event_no_update BEFORE UPDATE ON run_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'run events are append-only';
CREATE TRIGGER run_event_no_delete BEFORE DELETE ON run_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'run events are append-only';
CREATE TRIGGER run_household_no_update BEFORE UPDATE ON run_household FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'run results are append-only';
CREATE TRIGGER run_household_no_delete BEFORE DELETE ON run_household FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'run results are append-only';
CREATE TRIGGER proposed_trade_no_update BEFORE UPDATE ON proposed_trade FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'proposed trades are append-only';
CREATE TRIGGER proposed_trade_no_delete BEFORE DELETE ON proposed_trade FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'proposed trades are append-only';
CREATE TRIGGER trade_approval_no_update BEFORE UPDATE ON trade_approval FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'approvals are append-only';
CREATE TRIGGER trade_approval_no_delete BEFORE DELETE ON trade_approval FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'approvals are append-only';
