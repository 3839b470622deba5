/**
 * Reading books from files: the security master and model CSVs (reference data) and YAML book files
 * (demo books and the "given" part of rule scenarios). Every error names its place: the CSV line and
 * column, or the path inside the YAML document ({@code households[0].accounts[1].lots[2].quantity}).
 */
package trimtab.engine.bookfile;
