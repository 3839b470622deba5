package trimtab.api.custodianimport;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The payload of an IMPORT audit entry: what a position file changed. The file itself is identified by its hash. */
@Serdeable
record ImportRecord(String kind, List<String> custodians, int lines, int lots, List<String> accounts, List<String> accountsCreated,
                    List<String> households) {
    static final String ENTRY_TYPE = "IMPORT";
}
