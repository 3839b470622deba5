-- The households of a running run as work any service instance can lease: an instance takes a slice of the open
-- households with SELECT ... FOR UPDATE SKIP LOCKED and marks them leased until a time (the database's clock); it
-- records their results and marks them done in the same transaction, which checks that its lease still holds. An
-- instance that dies leaves its lease to expire and another takes the households over. Unlike the run's record
-- (append-only), this table is working state and is updated; the record's primary keys (run_household) still refuse
-- a household decided twice.
CREATE TABLE run_work (
    run_id       CHAR(36)     NOT NULL,
    household_id VARCHAR(40)  NOT NULL,
    -- the household's position in the run (its trade ids carry it); leases go in this order
    ordinal      INT          NOT NULL,
    done         BOOLEAN      NOT NULL DEFAULT FALSE,
    leased_by    VARCHAR(100) NULL,
    lease_token  CHAR(36)     NULL,
    lease_until  TIMESTAMP(6) NULL,
    -- how many times the household was leased: more than one means a lease was taken over
    leases       INT          NOT NULL DEFAULT 0,
    done_by      VARCHAR(100) NULL,
    done_at      TIMESTAMP(6) NULL,
    PRIMARY KEY (run_id, household_id),
    UNIQUE KEY ux_run_work_ordinal (run_id, ordinal),
    KEY ix_run_work_next (run_id, done, ordinal),
    KEY ix_run_work_open (done, lease_until),
    CONSTRAINT fk_run_work_run FOREIGN KEY (run_id) REFERENCES rebalance_run (run_id)
) ENGINE = InnoDB;

-- A run ends once: whichever worker records the last households writes FINISHED (or one fails it), in the same
-- transaction as a row here, whose primary key refuses a second end of the same run.
CREATE TABLE run_end (
    run_id     CHAR(36)    NOT NULL PRIMARY KEY,
    event_type VARCHAR(20) NOT NULL,
    CONSTRAINT fk_run_end_run FOREIGN KEY (run_id) REFERENCES rebalance_run (run_id)
) ENGINE = InnoDB;
