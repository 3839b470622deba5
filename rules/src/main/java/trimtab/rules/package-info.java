/**
 * Access to the workbooks and reference data shipped in {@code rules/}: the defaults a new installation
 * starts with and the ones the scenario suite tests.
 */
package trimtab.rules;
