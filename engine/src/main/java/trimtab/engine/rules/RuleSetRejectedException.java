package trimtab.engine.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A workbook was refused: nothing was compiled and the rule set in force is unchanged. */
public class RuleSetRejectedException extends RuntimeException {
    private final List<RuleBuildError> errors;

    public RuleSetRejectedException(List<RuleBuildError> errors) {
        super(errors.size() + " problem(s):\n" + errors.stream().map(RuleBuildError::located)
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleBuildError> errors() {
        return errors;
    }
}
