package trimtab.api.rulesets.upload;

import trimtab.engine.rules.RuleBuildError;

import java.util.List;

/** An uploaded workbook that does not compile or fails a check: nothing was stored and the rules in force are unchanged. */
final class WorkbookRefusedException extends RuntimeException {
    private final String fileName;
    private final List<RuleBuildError> errors;

    WorkbookRefusedException(String fileName, List<RuleBuildError> errors) {
        super(fileName + " was not stored: " + errors.size() + " problem(s)");
        this.fileName = fileName;
        this.errors = List.copyOf(errors);
    }

    String fileName() {
        return fileName;
    }

    List<RuleBuildError> errors() {
        return errors;
    }
}
