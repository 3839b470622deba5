/**
 * Reviewing rule-set versions: which version of each table is in force and who put it there, every version's
 * particulars and lifecycle (DRAFT, APPROVED, ACTIVE, RETIRED, derived from its events), the exact workbook bytes
 * as uploaded, the rules generated from them, and a diff of two versions' cells and generated rules — what an
 * approver reads before a second pair of eyes lets a version into force.
 */
package trimtab.api.rulesets.review;
