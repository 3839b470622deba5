-- A counter of changes to the book's households: the household rows and everything hanging off them (accounts,
-- lots, cash flows, life events, client restrictions, IPS bounds, executed trades). Order screening keeps the
-- households it has screened in memory and reads this row (with reference_data_version, V8) in the statement that
-- looks up the request's Idempotency-Key: the same number means no household changed since they were read, so a
-- request whose accounts are all kept needs no other read. As in V8, triggers bump it in the writing transaction
-- itself, so no writer, on any instance or by plain SQL, can forget; any change empties the whole kept set (a
-- counter per household would cost a lookup of the account's household in every lot trigger, for a book that
-- changes a few times a day while orders are screened all day). Rows removed by a foreign key's ON DELETE CASCADE
-- fire no trigger in MariaDB, but every cascade here starts from a delete of an account or household row, whose own
-- trigger bumps the version in the same transaction.
CREATE TABLE household_data_version (
    id      TINYINT NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
) ENGINE = InnoDB;

INSERT INTO household_data_version (id, version) VALUES (1, 0);


CREATE TRIGGER household_changed_ins AFTER INSERT ON household FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER household_changed_upd AFTER UPDATE ON household FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER household_changed_del AFTER DELETE ON household FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER account_changed_ins AFTER INSERT ON account FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER account_changed_upd AFTER UPDATE ON account FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER account_changed_del AFTER DELETE ON account FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER tax_lot_changed_ins AFTER INSERT ON tax_lot FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER tax_lot_changed_upd AFTER UPDATE ON tax_lot FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER tax_lot_changed_del AFTER DELETE ON tax_lot FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER cash_flow_changed_ins AFTER INSERT ON cash_flow FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER cash_flow_changed_upd AFTER UPDATE ON cash_flow FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER cash_flow_changed_del AFTER DELETE ON cash_flow FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER life_event_changed_ins AFTER INSERT ON life_event FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER life_event_changed_upd AFTER UPDATE ON life_event FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER life_event_changed_del AFTER DELETE ON life_event FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER ips_bound_changed_ins AFTER INSERT ON ips_bound FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER ips_bound_changed_upd AFTER UPDATE ON ips_bound FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER ips_bound_changed_del AFTER DELETE ON ips_bound FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER executed_trade_changed_ins AFTER INSERT ON executed_trade FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER executed_trade_changed_upd AFTER UPDATE ON executed_trade FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER executed_trade_changed_del AFTER DELETE ON executed_trade FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1;

-- A client restriction belongs to its household; the firm's list is reference data (V8).
CREATE TRIGGER client_restriction_changed_ins AFTER INSERT ON restriction FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1 AND NEW.scope <> 'FIRM';
CREATE TRIGGER client_restriction_changed_upd AFTER UPDATE ON restriction FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1 AND (NEW.scope <> 'FIRM' OR OLD.scope <> 'FIRM');
CREATE TRIGGER client_restriction_changed_del AFTER DELETE ON restriction FOR EACH ROW
    UPDATE household_data_version SET version = version + 1 WHERE id = 1 AND OLD.scope <> 'FIRM';
