package trimtab.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/**
 * {@code ./trimtab scenario [--workbook my-triggers.drl.xlsx] FILE_OR_FOLDER...}: runs scenario files (triggers or guardrails)
 * and prints, for each scenario, what was expected and what the rules did. Exit status 0 when all pass,
 * 1 when a scenario fails, 2 when a file or the workbook cannot be read.
 */
public final class RunScenario {
    private RunScenario() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        Map<TableKind, Workbook> workbooks = new EnumMap<>(TableKind.class);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--workbook") && i + 1 < args.length) {
                Path file = Path.of(args[++i]);
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                TableKind kind = name.contains("guardrail") ? TableKind.GUARDRAILS : name.contains("trigger") ? TableKind.TRIGGERS
                        : name.contains("tax-policy") ? TableKind.TAX_POLICY : null;
                if (kind == null) {
                    out.println("Cannot tell which table " + file.getFileName() + " is: its name must contain 'triggers',"
                            + " 'tax-policy' or 'guardrails' (e.g. my-guardrails.drl.xlsx)");
                    return 2;
                }
                workbooks.put(kind, new Workbook(file.getFileName().toString(), Files.readAllBytes(file)));
                out.println("Using " + file + " as the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " workbook");
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            out.println("usage: ./trimtab scenario [--workbook FILE.drl.xlsx] SCENARIO_FILE_OR_FOLDER...");
            out.println("  a --workbook whose name contains 'guardrails' replaces the guardrails workbook; 'triggers', the triggers one");
            return 2;
        }
        Map<TableKind, ScenarioRunner> runners = new EnumMap<>(TableKind.class);
        int passed = 0;
        int failed = 0;
        for (Path file : scenarioFiles(paths)) {
            ScenarioFile scenarios;
            try {
                scenarios = ScenarioFile.read(file);
            } catch (BookFileException e) {
                out.println("CANNOT READ " + e.getMessage());
                return 2;
            }
            ScenarioRunner runner = runners.get(scenarios.table());
            if (runner == null) {
                Workbook workbook = workbooks.getOrDefault(scenarios.table(), ShippedRules.workbook(scenarios.table()));
                try {
                    runner = runnerFor(scenarios.table(), workbook, workbooks.getOrDefault(TableKind.GUARDRAILS,
                            ShippedRules.workbook(TableKind.GUARDRAILS)));
                } catch (RuleSetRejectedException e) {
                    out.println("The workbook " + workbook.fileName() + " was refused:");
                    e.errors().forEach(error -> out.println("  " + error.located()));
                    return 2;
                }
                runners.put(scenarios.table(), runner);
                out.println("Workbook " + workbook.fileName() + " (sha256 " + workbook.sha256().substring(0, 12) + ")\n");
            }
            out.println("== " + scenarios.title() + " (" + file + ")");
            for (ScenarioFile.Scenario scenario : scenarios.scenarios()) {
                ScenarioResult result = runner.run(scenarios, scenario);
                out.println(result.report());
                if (result.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Compiles a workbook and returns the runner for its table kind. */
    static ScenarioRunner runnerFor(TableKind kind, Workbook workbook, Workbook guardrails) {
        return switch (kind) {
            case TRIGGERS -> new TriggerScenarioRunner(
                    new RuleSetCompiler(TriggerVocabulary.get()).compile(kind, 1, workbook), ShippedRules.referenceData());
            case GUARDRAILS -> new GuardrailScenarioRunner(
                    new RuleSetCompiler(GuardrailVocabulary.get()).compile(kind, 1, workbook), ShippedRules.referenceData());
            case TAX_POLICY -> new PlannerScenarioRunner(
                    new RuleSetCompiler(trimtab.engine.taxpolicy.TaxPolicyResolver.vocabulary()).compile(kind, 1, workbook),
                    new RuleSetCompiler(GuardrailVocabulary.get()).compile(TableKind.GUARDRAILS, 1, guardrails),
                    ShippedRules.referenceData());
        };
    }

    /** The given files, and every *.yaml under the given folders, in name order. */
    public static List<Path> scenarioFiles(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
