/**
 * Uploading a rule workbook as a new draft version of its table: the file is compiled and checked (every problem
 * located by sheet, cell, row and rule id, nothing stored when there is one), run through the scenario suite
 * against the rules in force to report which scenarios change outcome, then stored byte for byte with its audit
 * entry and validation report in one transaction. Nothing here puts a version in force: that is approval and
 * activation's job.
 */
package trimtab.api.rulesets.upload;
