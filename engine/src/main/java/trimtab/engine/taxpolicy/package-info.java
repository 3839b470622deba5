/**
 * Tax policy: the tax-policy workbook decides, per account (by account type and household segment), the
 * lot method, the annual realised-gain budget, the short-term gain cap, the tax-loss-harvest thresholds,
 * the wash-sale scope and the rebalance mode. Rows are read top to bottom and layered: each setting comes
 * from the first matching row that fills it, so a specific row above a general one overrides only what it says.
 */
package trimtab.engine.taxpolicy;
