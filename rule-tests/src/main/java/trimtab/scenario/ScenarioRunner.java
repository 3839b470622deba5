package trimtab.scenario;

import trimtab.engine.book.BookSnapshot;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.bookfile.ReferenceData;

/** Runs one scenario of a file against one compiled workbook. */
public interface ScenarioRunner {

    ScenarioResult run(ScenarioFile file, ScenarioFile.Scenario scenario);

    /** The scenario's "given" book; errors name the scenario's place in the file. */
    static BookSnapshot book(ScenarioFile file, ScenarioFile.Scenario scenario, ReferenceData reference) {
        String source = file.path().toString();
        String path = "scenarios[" + file.scenarios().indexOf(scenario) + "].given";
        return BookYaml.toBook(BookYaml.convert(scenario.given(), source, path, BookYaml.BookDoc.class), source, path, reference);
    }
}
