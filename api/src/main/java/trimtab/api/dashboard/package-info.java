/**
 * The firm dashboard: the measures a firm judges its rebalancing by (drift before and after runs, cycle time,
 * tax-loss-harvest capture, wash sales that got through, trades blocked and held by each rule), computed in SQL
 * from what the runs recorded, so the numbers are the firm's own and can be re-derived from the tables.
 */
package trimtab.api.dashboard;
