package trimtab.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import trimtab.engine.bookfile.ModelsCsv;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.bookfile.SecurityMasterCsv;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

/** The workbooks and reference data in {@code rules/}, read from the class path. */
public final class ShippedRules {
    private static final String BASE = "/trimtab/rules/";

    private ShippedRules() {
    }

    /** The shipped workbook of a table kind. */
    public static Workbook workbook(TableKind kind) {
        String name = switch (kind) {
            case TRIGGERS -> "triggers.drl.xlsx";
            case TAX_POLICY -> "tax-policy.drl.xlsx";
            case GUARDRAILS -> "guardrails.drl.xlsx";
        };
        return new Workbook(name, read(name));
    }

    /** The reference security master and model portfolios ({@code rules/reference/}). */
    public static ReferenceData referenceData() {
        try (InputStream securities = open("reference/securities.csv"); InputStream models = open("reference/models.csv")) {
            return new ReferenceData(SecurityMasterCsv.read(securities, "reference/securities.csv"),
                    ModelsCsv.read(models, "reference/models.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ShippedRules.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("the rules jar lacks " + name + "; rebuild the rules module");
        }
        return in;
    }
}
