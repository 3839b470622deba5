-- The firm's book: securities and their prices, models, households with their accounts, lots, cash flows,
-- life events, restrictions, IPS bounds and recent trades, and market data. Amounts are DECIMAL, never FLOAT.
-- Lists that are only ever read whole with their owner (ESG tags, no-buy lists, plan menus, alternates) are
-- stored as comma-separated text.

CREATE TABLE security (
    symbol          VARCHAR(16)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    security_type   VARCHAR(16)  NOT NULL,
    asset_class     VARCHAR(40)  NOT NULL,
    issuer          VARCHAR(200) NOT NULL DEFAULT '',
    sector          VARCHAR(100) NOT NULL DEFAULT '',
    esg_tags        VARCHAR(500) NOT NULL DEFAULT '',
    wash_sale_group VARCHAR(40)  NOT NULL
) ENGINE = InnoDB;

-- Closing prices by date; a snapshot as of a date uses each security's latest price on or before it.
CREATE TABLE security_price (
    symbol     VARCHAR(16)    NOT NULL,
    price_date DATE           NOT NULL,
    price      DECIMAL(19, 6) NOT NULL,
    PRIMARY KEY (symbol, price_date),
    CONSTRAINT fk_price_security FOREIGN KEY (symbol) REFERENCES security (symbol)
) ENGINE = InnoDB;

CREATE TABLE market_vix (
    as_of DATE          NOT NULL PRIMARY KEY,
    vix   DECIMAL(9, 4) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE model_portfolio (
    model_id VARCHAR(40)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE model_target (
    model_id          VARCHAR(40)   NOT NULL,
    asset_class       VARCHAR(40)   NOT NULL,
    target_pct        DECIMAL(9, 4) NOT NULL,
    absolute_band_pts DECIMAL(9, 4) NULL,
    relative_band_pct DECIMAL(9, 4) NULL,
    primary_symbol    VARCHAR(16)   NULL,
    alternates        VARCHAR(200)  NOT NULL DEFAULT '',
    PRIMARY KEY (model_id, asset_class),
    CONSTRAINT fk_target_model FOREIGN KEY (model_id) REFERENCES model_portfolio (model_id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE household (
    household_id          VARCHAR(40)    NOT NULL PRIMARY KEY,
    name                  VARCHAR(200)   NOT NULL,
    advisor_id            VARCHAR(40)    NOT NULL,
    model_id              VARCHAR(40)    NULL,
    last_rebalance        DATE           NULL,
    short_term_rate       DECIMAL(6, 4)  NOT NULL DEFAULT 0,
    long_term_rate        DECIMAL(6, 4)  NOT NULL DEFAULT 0,
    realised_short_term_ytd DECIMAL(19, 2) NOT NULL DEFAULT 0,
    realised_long_term_ytd  DECIMAL(19, 2) NOT NULL DEFAULT 0,
    loss_carry_forward    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    KEY ix_household_advisor (advisor_id),
    CONSTRAINT fk_household_model FOREIGN KEY (model_id) REFERENCES model_portfolio (model_id)
) ENGINE = InnoDB;

CREATE TABLE account (
    account_id        VARCHAR(40)    NOT NULL PRIMARY KEY,
    household_id      VARCHAR(40)    NOT NULL,
    account_type      VARCHAR(20)    NOT NULL,
    custodian         VARCHAR(40)    NOT NULL DEFAULT '',
    cash              DECIMAL(19, 2) NOT NULL DEFAULT 0,
    fractional_shares BOOLEAN        NOT NULL DEFAULT FALSE,
    model_id          VARCHAR(40)    NULL,
    no_buy            VARCHAR(500)   NOT NULL DEFAULT '',
    no_sell           VARCHAR(500)   NOT NULL DEFAULT '',
    esg_exclusions    VARCHAR(500)   NOT NULL DEFAULT '',
    plan_menu         VARCHAR(1000)  NOT NULL DEFAULT '',
    KEY ix_account_household (household_id),
    CONSTRAINT fk_account_household FOREIGN KEY (household_id) REFERENCES household (household_id),
    CONSTRAINT fk_account_model FOREIGN KEY (model_id) REFERENCES model_portfolio (model_id)
) ENGINE = InnoDB;

CREATE TABLE tax_lot (
    lot_id     VARCHAR(60)    NOT NULL PRIMARY KEY,
    account_id VARCHAR(40)    NOT NULL,
    symbol     VARCHAR(16)    NOT NULL,
    quantity   DECIMAL(24, 8) NOT NULL,
    cost_basis DECIMAL(19, 4) NOT NULL,
    acquired   DATE           NOT NULL,
    KEY ix_lot_account (account_id),
    CONSTRAINT fk_lot_account FOREIGN KEY (account_id) REFERENCES account (account_id) ON DELETE CASCADE,
    CONSTRAINT fk_lot_security FOREIGN KEY (symbol) REFERENCES security (symbol)
) ENGINE = InnoDB;

CREATE TABLE cash_flow (
    cash_flow_id BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   VARCHAR(40)    NOT NULL,
    flow_date    DATE           NOT NULL,
    amount       DECIMAL(19, 2) NOT NULL,
    note         VARCHAR(200)   NOT NULL DEFAULT '',
    KEY ix_cash_flow_account (account_id),
    CONSTRAINT fk_cash_flow_account FOREIGN KEY (account_id) REFERENCES account (account_id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE life_event (
    life_event_id BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id  VARCHAR(40)  NOT NULL,
    event_type    VARCHAR(30)  NOT NULL,
    event_date    DATE         NOT NULL,
    note          VARCHAR(200) NOT NULL DEFAULT '',
    KEY ix_life_event_household (household_id),
    CONSTRAINT fk_life_event_household FOREIGN KEY (household_id) REFERENCES household (household_id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- scope is 'FIRM' for the firm's restricted list, otherwise the household id of a client restriction
CREATE TABLE restriction (
    scope  VARCHAR(40)  NOT NULL,
    symbol VARCHAR(16)  NOT NULL,
    reason VARCHAR(200) NOT NULL,
    PRIMARY KEY (scope, symbol)
) ENGINE = InnoDB;

CREATE TABLE ips_bound (
    household_id VARCHAR(40)   NOT NULL,
    asset_class  VARCHAR(40)   NOT NULL,
    min_pct      DECIMAL(9, 4) NOT NULL,
    max_pct      DECIMAL(9, 4) NOT NULL,
    PRIMARY KEY (household_id, asset_class),
    CONSTRAINT fk_ips_household FOREIGN KEY (household_id) REFERENCES household (household_id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Executed trades of the last weeks: the history the wash-sale rules look back over.
CREATE TABLE executed_trade (
    executed_trade_id BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        VARCHAR(40)    NOT NULL,
    symbol            VARCHAR(16)    NOT NULL,
    side              VARCHAR(4)     NOT NULL,
    quantity          DECIMAL(24, 8) NOT NULL,
    price             DECIMAL(19, 6) NOT NULL,
    trade_date        DATE           NOT NULL,
    realised_gain     DECIMAL(19, 2) NULL,
    KEY ix_executed_trade_account (account_id, trade_date),
    CONSTRAINT fk_executed_trade_account FOREIGN KEY (account_id) REFERENCES account (account_id) ON DELETE CASCADE
) ENGINE = InnoDB;
