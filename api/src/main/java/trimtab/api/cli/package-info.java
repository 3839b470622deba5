/**
 * The command line: evaluate the triggers workbook against a book file and print, per household, its
 * drift, the rows that fired with their plain-language reasons, and the decision. Until the service
 * exists this is how the demo book is evaluated ({@code ./trimtab triggers}).
 */
package trimtab.api.cli;
