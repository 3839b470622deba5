-- The people and systems that may use the service. A username is the user's id: it is never changed or reused
-- (users are disabled, not deleted), so the audit trail and the four-eyes rule can compare usernames.
-- Passwords are stored only as bcrypt hashes. token_generation is raised whenever a user is disabled or their
-- password or roles change: tokens carry the generation they were issued under, and older ones stop working.
CREATE TABLE app_user (
    username         VARCHAR(40)  NOT NULL PRIMARY KEY,
    display_name     VARCHAR(200) NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    roles            VARCHAR(200) NOT NULL,
    advisor_id       VARCHAR(40)  NULL,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins    INT          NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP(6) NULL,
    token_generation INT          NOT NULL DEFAULT 1,
    created_at       TIMESTAMP(6) NOT NULL,
    created_by       VARCHAR(40)  NOT NULL,
    changed_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_user_kind CHECK (kind IN ('PERSON', 'SERVICE'))
) ENGINE = InnoDB;
