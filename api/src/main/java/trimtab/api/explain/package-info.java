/**
 * How explanations leave the service: the engine's explanations and violations as JSON views an advisor can
 * read (the sentence with its numbers, the workbook row, the rule-set version, the facts seen). Screening and
 * runs both store and answer with these, so "why" reads the same whichever path decided.
 */
package trimtab.api.explain;
