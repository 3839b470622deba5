/**
 * The rule runtime: compiles a compliance officer's decision-table workbook (XLSX, or CSV for a single
 * table) into an executable rule set, refuses anything that is broken or empty, and records every rule
 * that fires as an {@link trimtab.engine.rules.Explanation} naming workbook, sheet, row and rule id.
 *
 * <p>Drools reads headers loosely and reports some mistakes only as errors in generated DRL, so the
 * compiler reads the workbook once through Drools' own parser while recording the grid it saw, checks
 * that grid itself (column types, fact fields, numbers, rule ids, descriptions and their placeholders),
 * and maps every Drools error back to a sheet and cell or row. Workbook conventions are in
 * {@code rules/README.md}.
 */
package trimtab.engine.rules;
