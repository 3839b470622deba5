-- What the service found when a rule-set version was uploaded: its warnings and which scenarios of the suite
-- change outcome against the rules in force at that moment, kept as the JSON the uploader was answered with. It is
-- written with the version, in the same transaction, and never altered: a later look at the version shows what its
-- approver was told, whatever has been activated since.

CREATE TABLE rule_set_validation (
    table_kind      VARCHAR(20)   NOT NULL,
    version         INT           NOT NULL,
    checked_at      TIMESTAMP(6)  NOT NULL,
    -- the rule sets in force it was compared with, as recorded with decisions: "TRIGGERS:1:<sha256>;TAX_POLICY:..."
    checked_against VARCHAR(1000) NOT NULL,
    report          LONGTEXT      NOT NULL,
    PRIMARY KEY (table_kind, version),
    CONSTRAINT fk_rule_set_validation_version FOREIGN KEY (table_kind, version)
        REFERENCES rule_set_version (table_kind, version)
) ENGINE = InnoDB;

CREATE TRIGGER rule_set_validation_no_update BEFORE UPDATE ON rule_set_validation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set validation reports are never altered';
CREATE TRIGGER rule_set_validation_no_delete BEFORE DELETE ON rule_set_validation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rule-set validation reports are never deleted';
