-- A counter of changes to the book's reference data: securities, prices, the VIX, models and the firm's
-- restricted list. Order screening keeps that data in memory and reads this one row in the same transaction
-- (the same consistent snapshot) as the households it screens: the same number means the tables read in that
-- transaction are the ones it keeps, so a decision is never made on reference data older than a committed change,
-- whichever instance or path made it. Triggers bump it in the writing transaction itself, so no writer can forget.
CREATE TABLE reference_data_version (
    id      TINYINT NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
) ENGINE = InnoDB;

INSERT INTO reference_data_version (id, version) VALUES (1, 0);

CREATE TRIGGER security_changed_ins AFTER INSERT ON security FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER security_changed_upd AFTER UPDATE ON security FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER security_changed_del AFTER DELETE ON security FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER security_price_changed_ins AFTER INSERT ON security_price FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER security_price_changed_upd AFTER UPDATE ON security_price FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER security_price_changed_del AFTER DELETE ON security_price FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER market_vix_changed_ins AFTER INSERT ON market_vix FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER market_vix_changed_upd AFTER UPDATE ON market_vix FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER market_vix_changed_del AFTER DELETE ON market_vix FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER model_portfolio_changed_ins AFTER INSERT ON model_portfolio FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER model_portfolio_changed_upd AFTER UPDATE ON model_portfolio FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER model_portfolio_changed_del AFTER DELETE ON model_portfolio FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;

CREATE TRIGGER model_target_changed_ins AFTER INSERT ON model_target FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER model_target_changed_upd AFTER UPDATE ON model_target FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER model_target_changed_del AFTER DELETE ON model_target FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1;

-- Only the firm's list is reference data; a household's restrictions are read with the household each time.
CREATE TRIGGER restriction_changed_ins AFTER INSERT ON restriction FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1 AND NEW.scope = 'FIRM';
CREATE TRIGGER restriction_changed_upd AFTER UPDATE ON restriction FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1 AND (NEW.scope = 'FIRM' OR OLD.scope = 'FIRM');
CREATE TRIGGER restriction_changed_del AFTER DELETE ON restriction FOR EACH ROW
    UPDATE reference_data_version SET version = version + 1 WHERE id = 1 AND OLD.scope = 'FIRM';
