package trimtab.api.rulesets.upload;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.database.MultiRowInsert;
import trimtab.engine.rules.TableKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The validation report of each uploaded version, stored once beside it (table rule_set_validation) as JSON. */
@Singleton
public final class ValidationReports {
    private final JsonMapper json;

    ValidationReports(JsonMapper json) {
        this.json = json;
    }

    /** Stores a version's report on the caller's connection, in the transaction that stores the version. */
    void add(Connection connection, TableKind kind, ValidationReport report, String checkedAgainst) throws SQLException {
        MultiRowInsert.into("rule_set_validation", "table_kind", "version", "checked_at", "checked_against", "report")
                .row(kind.name(), report.version(), report.checkedAt(), checkedAgainst, write(report))
                .execute(connection);
    }

    public Optional<ValidationReport> find(Connection connection, TableKind kind, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT report FROM rule_set_validation WHERE table_kind = ? AND version = ?")) {
            statement.setString(1, kind.name());
            statement.setInt(2, version);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private String write(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ValidationReport read(String text) {
        try {
            return json.readValue(text, ValidationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored validation report cannot be read", e);
        }
    }
}
