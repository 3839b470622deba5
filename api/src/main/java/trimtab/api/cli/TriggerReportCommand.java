package trimtab.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerReport;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/**
 * {@code ./trimtab triggers [--workbook FILE] [BOOK.yaml]}: evaluates the triggers workbook (the shipped
 * one unless another is given) against a book (the demo book unless one is given) and prints the report.
 * Exit status 0 on success, 2 when the book or workbook cannot be used.
 */
public final class TriggerReportCommand {
    private TriggerReportCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        Workbook workbook = ShippedRules.workbook(TableKind.TRIGGERS);
        String bookName = "demo/book.yaml (the demo book)";
        String bookText = demoBook();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--workbook") && i + 1 < args.length) {
                Path file = Path.of(args[++i]);
                workbook = new Workbook(file.getFileName().toString(), Files.readAllBytes(file));
            } else {
                bookName = args[i];
                bookText = Files.readString(Path.of(args[i]));
            }
        }
        long start = System.nanoTime();
        CompiledRuleSet triggers;
        try {
            triggers = new RuleSetCompiler(TriggerVocabulary.get()).compile(TableKind.TRIGGERS, 1, workbook);
        } catch (RuleSetRejectedException e) {
            out.println("The workbook " + workbook.fileName() + " was refused:");
            e.errors().forEach(error -> out.println("  " + error.located()));
            return 2;
        }
        long compiledMs = (System.nanoTime() - start) / 1_000_000;
        BookSnapshot book;
        try {
            book = BookYaml.read(bookText, bookName, ShippedRules.referenceData());
        } catch (BookFileException e) {
            out.println("The book cannot be read: " + e.getMessage());
            return 2;
        }
        start = System.nanoTime();
        TriggerReport report = new TriggerEvaluator(triggers).evaluate(book);
        long evaluatedMs = (System.nanoTime() - start) / 1_000_000;

        out.printf("Trimtab trigger evaluation of %s as of %s, VIX %s%n", bookName, book.asOf(),
                book.market().vix().toPlainString());
        out.printf("Rule set %s from %s: %d rules, compiled in %d ms; %d households evaluated in %d ms%n%n",
                triggers.version(), triggers.workbookName(), triggers.ruleCount(), compiledMs,
                report.households().size(), evaluatedMs);
        new TriggerReportPrinter(out).print(report);
        return 0;
    }

    private static String demoBook() throws IOException {
        try (InputStream in = TriggerReportCommand.class.getResourceAsStream("/demo/book.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
