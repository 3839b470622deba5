package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import trimtab.api.web.Problems;
import trimtab.engine.rules.RuleBuildError;

/** Answers a refused workbook with 422 and every problem located, in words a compliance officer can act on. */
@Produces
@Singleton
final class WorkbookRefusalHandler implements ExceptionHandler<WorkbookRefusedException, HttpResponse<WorkbookProblem>> {

    @Override
    public HttpResponse<WorkbookProblem> handle(HttpRequest request, WorkbookRefusedException refusal) {
        int count = refusal.errors().size();
        String detail = refusal.fileName() + " was not stored: " + (count == 1 ? "1 problem" : count + " problems")
                + " to fix, listed below by sheet and cell. The rules in force are unchanged.";
        WorkbookProblem problem = new WorkbookProblem("/problems/invalid-workbook", HttpStatus.UNPROCESSABLE_ENTITY.getReason(),
                HttpStatus.UNPROCESSABLE_ENTITY.getCode(), detail, request.getPath(),
                refusal.errors().stream().map(WorkbookRefusalHandler::error).toList());
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem).contentType(Problems.MEDIA_TYPE);
    }

    static WorkbookProblem.WorkbookError error(RuleBuildError error) {
        return new WorkbookProblem.WorkbookError(path(error), error.message(), error.workbook(), blankToNull(error.sheet()),
                blankToNull(error.cell()), error.row() > 0 ? error.row() : null, blankToNull(error.ruleId()));
    }

    /** "sheet Trading, cell G8 (row 8, rule TRADE-MIN-01)", "sheet Drift, row 7 (rule DRIFT-REL-01)", "sheet Drift", or "file". */
    static String path(RuleBuildError error) {
        if (error.sheet().isEmpty()) {
            return "file";
        }
        StringBuilder path = new StringBuilder("sheet ").append(error.sheet());
        String rule = error.ruleId().isEmpty() ? "" : "rule " + error.ruleId();
        if (!error.cell().isEmpty()) {
            path.append(", cell ").append(error.cell()).append(" (row ").append(error.row())
                    .append(rule.isEmpty() ? "" : ", " + rule).append(')');
        } else if (error.row() > 0) {
            path.append(", row ").append(error.row()).append(rule.isEmpty() ? "" : " (" + rule + ")");
        }
        return path.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
