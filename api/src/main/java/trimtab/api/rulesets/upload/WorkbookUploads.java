package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetCompilers;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Stores an uploaded workbook as the next draft version of its table, if and only if it compiles and passes every
 * check. The flow: read the request's particulars (a comment is required; the name must end .xlsx or .csv; at most
 * 5 MB), take the rules in force once, compile with the next version number, run the scenario suite against it,
 * then in one transaction store the exact bytes, the RULE_SET_UPLOADED audit entry and the validation report.
 * Finally the compiled set is handed to {@link RuleSetsInForce#prepared} so that activating it later is immediate.
 *
 * <p>The name is kept as given. It need not end {@code .drl.xlsx}: that suffix matters only when Drools picks a
 * resource's type from its name, and the compiler here parses the workbook itself ({@link Workbook#format()} looks
 * only at {@code .csv}) and hands Drools the generated DRL; compiling under the stored name keeps every explanation
 * naming the file the officer uploaded, on every instance that compiles it again.
 */
@Singleton
public final class WorkbookUploads {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbookUploads.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    private static final int MAX_COMMENT = 1000;
    private static final int MAX_FILE_NAME = 200;
    /** Concurrent uploads to one table may take the number compiled in; compiling again with the next is rare. */
    private static final int ATTEMPTS = 5;

    private final Transactions transactions;
    private final RuleSetStore store;
    private final AuditTrail audit;
    private final RuleSetsInForce rules;
    private final CandidateValidation validation;
    private final ValidationReports reports;
    private final JsonMapper json;

    WorkbookUploads(Transactions transactions, RuleSetStore store, AuditTrail audit, RuleSetsInForce rules,
                    CandidateValidation validation, ValidationReports reports, JsonMapper json) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
        this.rules = rules;
        this.validation = validation;
        this.reports = reports;
        this.json = json;
    }

    /**
     * @throws WorkbookRefusedException 422 with every located problem when it does not compile or fails a check
     * @throws ApiException             422 for a missing comment, file or bad name; 413 above 5 MB
     */
    public UploadReceipt upload(TableKind kind, UploadedFile file, String comment, Actor actor) {
        String why = comment(comment);
        Workbook workbook = workbook(kind, file);
        RulesInForce inForce = rules.current();
        for (int attempt = 1; ; attempt++) {
            List<StoredRuleSet> stored = transactions.read(connection -> store.versions(connection, kind));
            int next = stored.isEmpty() ? 1 : stored.get(0).version() + 1;
            CompiledRuleSet compiled;
            try {
                compiled = RuleSetCompilers.compile(kind, next, workbook);
            } catch (RuleSetRejectedException e) {
                throw new WorkbookRefusedException(workbook.fileName(), e.errors());
            }
            ValidationReport report = validation.check(compiled, inForce, stored);
            try {
                UploadReceipt receipt = store(kind, workbook, compiled, report, why, actor, inForce);
                rules.prepared(compiled);
                return receipt;
            } catch (VersionTaken e) {
                LOG.info("Version {} of the {} table was taken by another upload while {} was checked; compiling it again",
                        next, RuleSetTables.slug(kind), workbook.fileName());
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict("other uploads to the " + RuleSetTables.slug(kind) + " table took version " + next
                            + " while this one was checked; send it again");
                }
            }
        }
    }

    private UploadReceipt store(TableKind kind, Workbook workbook, CompiledRuleSet compiled, ValidationReport report, String comment,
                                Actor actor, RulesInForce inForce) {
        int version = compiled.version().version();
        String table = RuleSetTables.slug(kind);
        String payload = write(new UploadRecord(table, version, workbook.fileName(), workbook.sha256(), compiled.ruleCount(), comment,
                report.scenarios().changes().size(), report.warnings().size()));
        try {
            return transactions.write(connection -> {
                queueBehindOtherUploads(connection, kind);
                int stored = store.addVersion(connection, kind, workbook, compiled.ruleCount(), actor.name(), comment);
                if (stored != version) {
                    throw new VersionTaken();
                }
                long seq = audit.append(connection, List.of(new AuditRecord("RULE_SET_UPLOADED", kind + ":" + version, actor.name(),
                        RulesInForce.recorded(compiled.version()), workbook.sha256(), payload))).get(0);
                reports.add(connection, kind, report, inForce.recorded());
                StoredRuleSet row = store.version(connection, kind, version).orElseThrow();
                return new UploadReceipt(table, version, "DRAFT", row.fileName(), row.sha256(), row.ruleCount(), row.uploadedBy(),
                        row.uploadedAt(), row.comment(), seq, report, UploadReceipt.Links.of(table, version));
            });
        } catch (RuntimeException e) {
            if (causedBy(e, VersionTaken.class) || causedBy(e, SQLTransactionRollbackException.class)) {
                throw new VersionTaken();
            }
            throw e;
        }
    }

    /**
     * Makes concurrent uploads to one table take turns, on a record lock of the table's version 1 (installed on first
     * start): {@link RuleSetStore#addVersion}'s {@code SELECT MAX(version) ... FOR UPDATE} also locks the gap after the
     * table's last version, and two transactions holding that gap deadlock when both insert into it. Held only for the
     * short write transaction, after the slow compile and scenario run.
     */
    private static void queueBehindOtherUploads(Connection connection, TableKind kind) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT version FROM rule_set_version WHERE table_kind = ? AND version = 1 FOR UPDATE")) {
            lock.setString(1, kind.name());
            lock.executeQuery().close();
        }
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment", "a comment is required: say what changed in the workbook and why (it is kept"
                    + " with the version and shown to the approver)");
        }
        String text = comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment", "the comment has " + text.length() + " characters; at most " + MAX_COMMENT
                    + " are kept");
        }
        return text;
    }

    private static Workbook workbook(TableKind kind, UploadedFile file) {
        if (file.bytes() == null) {
            throw ApiException.invalid("file", "no file: send the workbook as the multipart part 'file', or as the request body");
        }
        String name = fileName(kind, file.fileName(), file.contentType());
        if (file.bytes().length > RuleSetCompiler.MAX_WORKBOOK_BYTES) {
            String detail = String.format(Locale.ROOT, "%s is %.1f MB; a rule workbook may be at most %d MB", name,
                    file.bytes().length / 1048576.0, RuleSetCompiler.MAX_WORKBOOK_BYTES / 1048576);
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", detail,
                    List.of(new trimtab.api.web.Problem.FieldError("file", detail)));
        }
        return new Workbook(name, file.bytes());
    }

    /**
     * The name to store: the last segment of what the client sent (browsers may send a whole path), or the table's
     * own name when none was given; it must end .xlsx or .csv, which decides how the file is read.
     */
    static String fileName(TableKind kind, String given, String contentType) {
        String name = given == null ? "" : given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CSV);
            return RuleSetTables.slug(kind) + (csv ? ".drl.csv" : ".drl.xlsx");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xlsx") && !lower.endsWith(".csv")) {
            throw ApiException.invalid("fileName", "'" + name + "' is neither an Excel workbook (.xlsx) nor a CSV table (.csv);"
                    + " save it as .xlsx and name it like " + RuleSetTables.slug(kind) + ".drl.xlsx");
        }
        if (name.length() > MAX_FILE_NAME || name.chars().anyMatch(c -> c < 0x20)) {
            throw ApiException.invalid("fileName", "the file name must be at most " + MAX_FILE_NAME
                    + " characters, without control characters");
        }
        return name;
    }

    private String write(UploadRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The audit entry's payload: what was stored and what validation found. */
    @Serdeable
    record UploadRecord(String table, int version, String fileName, String sha256, int ruleCount, String comment,
                        int scenariosChanged, int warnings) {
    }

    /** Another upload stored the version number this one was compiled with. */
    private static final class VersionTaken extends RuntimeException {
        VersionTaken() {
            super(null, null, false, false);
        }
    }
}
