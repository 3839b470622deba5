/**
 * Rule scenarios: YAML files in {@code rule-tests/scenarios/} that give a book and expect trigger hits,
 * run against a workbook. The same runner backs the JUnit suite and the {@code ./trimtab scenario}
 * command a compliance officer uses to check one file. The format is in {@code rule-tests/README.md}.
 */
package trimtab.scenario;
