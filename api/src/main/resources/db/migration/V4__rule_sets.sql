-- Rule-set versions and their lifecycle. A version is the exact bytes a compliance officer uploaded (never
-- altered), with who, when and why; what happens to it afterwards (approval by a second officer, activation,
-- rollback) is a row in rule_set_event, never a change to the version. The version in force for a table is the
-- one named by its latest ACTIVATED event; every service instance polls that and swaps within seconds.

CREATE TABLE rule_set_version (
    table_kind  VARCHAR(20)   NOT NULL,
    version     INT           NOT NULL,
    file_name   VARCHAR(200)  NOT NULL,
    content     LONGBLOB      NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    rule_count  INT           NOT NULL,
    uploaded_by VARCHAR(100)  NOT NULL,
    uploaded_at TIMESTAMP(6)  NOT NULL,
    comment     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (table_kind, version)
) ENGINE = InnoDB;

CREATE TABLE rule_set_event (
    event_id    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_kind  VARCHAR(20)   NOT NULL,
    version     INT           NOT NULL,
    event_type  VARCHAR(20)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    occurred_at TIMESTAMP(6)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    audit_seq   BIGINT        NOT NULL,
    KEY ix_rule_set_event_kind (table_kind, event_type, event_id),
    CONSTRAINT fk_rule_set_event_version FOREIGN KEY (table_kind, version) REFERENCES rule_set_version (table_kind, version)
) ENGINE = InnoDB;

CREATE TRIGGER rule_set_version_no_update BEFORE UPDATE ON rule_set_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set versions are never altered';
CREATE TRIGGER rule_set_version_no_delete BEFORE DELETE ON rule_set_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set versions are never deleted';
CREATE TRIGGER rule_set_event_no_update BEFORE UPDATE ON rule_set_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set events are append-only';
CREATE TRIGGER rule_set_event_no_delete BEFORE DELETE ON rule_set_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set events are append-only';
