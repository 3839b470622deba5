/**
 * An advisor's side of a proposed trade: why it is there and what was decided about it (the trigger rows that
 * started it, the planner's reason, its verdict and each violation with its workbook row, the rule-set versions,
 * the facts seen, the approval history), and the approval or rejection of a trade that requires approval — recorded
 * append-only with its audit entry in one transaction, once per trade.
 */
package trimtab.api.approval;
