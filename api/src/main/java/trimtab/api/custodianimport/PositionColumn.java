package trimtab.api.custodianimport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a position file, by their header names; see docs/custodian-import.md. */
enum PositionColumn {
    ACCOUNT_ID(true),
    HOUSEHOLD_ID(true),
    ACCOUNT_TYPE(true),
    CUSTODIAN(false),
    SYMBOL(true),
    LOT_ID(true),
    QUANTITY(true),
    COST_BASIS(true),
    ACQUIRED_DATE(true),
    CASH(false);

    /** Whether the header must have the column (its cells may still be empty on a cash row). */
    final boolean required;

    PositionColumn(boolean required) {
        this.required = required;
    }

    /** The header name: account_id, cost_basis, ... */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<PositionColumn> byHeader(String header) {
        String normal = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header().equals(normal)).findFirst();
    }

    static String all() {
        return Arrays.stream(values()).map(c -> c.header() + (c.required ? "" : " (optional)")).collect(Collectors.joining(", "));
    }
}
