package trimtab.api.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.trigger.HouseholdTriggers;
import trimtab.engine.trigger.TriggerHit;
import trimtab.engine.trigger.TriggerReport;

/** Prints a trigger report for a person: drift tables, then each hit with its reason and its row. */
final class TriggerReportPrinter {
    private final PrintStream out;

    TriggerReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(TriggerReport report) {
        int triggered = 0;
        for (HouseholdTriggers household : report.households()) {
            print(household);
            if (household.triggered()) {
                triggered++;
            }
        }
        out.printf("%d of %d households triggered.%n", triggered, report.households().size());
    }

    private void print(HouseholdTriggers household) {
        out.printf("%s (advisor %s): %s%n", household.household(), household.advisor(),
                household.error().map(e -> "NOT EVALUATED: " + e)
                        .orElse(household.decision().map(Enum::name).orElse("no trigger")));
        for (PortfolioDrift drift : household.drifts()) {
            out.printf("  %s, model %s, market value %s%n", drift.scope(),
                    drift.model().map(Object::toString).orElse("none assigned"), money(drift.totalValue()));
            out.printf("    %-18s %9s %9s %9s %11s  %s%n", "asset class", "weight", "target", "drift", "band", "");
            for (AllocationDrift a : drift.allocations()) {
                out.printf("    %-18s %8s%% %8s%% %9s %11s  %s%n", a.assetClass(), pct(a.weightPct()), pct(a.targetPct()),
                        signed(a.absoluteDriftPts()), band(a), a.isOutOfBand() ? "OUT (" + a.breach().name().toLowerCase(Locale.ROOT) + ")" : "");
            }
        }
        for (TriggerHit hit : household.hits()) {
            out.printf("  [p%d] %s %s on %s%n", hit.priority(), hit.action(), hit.ruleId(), hit.scope());
            out.printf("       %s%n", hit.explanation().message());
            out.printf("       (%s, sheet %s, row %d)%n", hit.explanation().rule().workbook(),
                    hit.explanation().rule().sheet(), hit.explanation().rule().row());
        }
        out.println();
    }

    private static String band(AllocationDrift a) {
        String abs = a.absoluteBandPts().map(b -> "±" + pct(b)).orElse("");
        String rel = a.relativeBandPct().map(b -> "/" + b.stripTrailingZeros().toPlainString() + "%").orElse("");
        return abs + rel;
    }

    private static String pct(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String signed(BigDecimal value) {
        String text = pct(value);
        return value.signum() > 0 ? "+" + text : text;
    }

    private static String money(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(value);
    }
}
