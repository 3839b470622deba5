-- What a run's status and summary add up without reading every household's stored result: each household's
-- estimated tax, harvested losses and trade count, and whether it could be evaluated. The rows stay append-only
-- (V2's triggers); these columns are written with the row and never changed.
ALTER TABLE run_household
    ADD COLUMN estimated_tax    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN harvested_losses DECIMAL(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN trade_count      INT            NOT NULL DEFAULT 0,
    ADD COLUMN failed           BOOLEAN        NOT NULL DEFAULT FALSE;

-- "Recent runs" is a list by request time.
CREATE INDEX ix_rebalance_run_requested ON rebalance_run (requested_at);
