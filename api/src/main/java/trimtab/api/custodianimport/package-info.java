/**
 * Importing a custodian's position file: a CSV of the tax lots (and cash) of the accounts it names, which
 * replaces those accounts' lots in the book. A file is checked whole before anything is written; one bad line
 * refuses the whole file, with every bad line listed by line and column. The column layout is documented in
 * docs/custodian-import.md.
 */
package trimtab.api.custodianimport;
