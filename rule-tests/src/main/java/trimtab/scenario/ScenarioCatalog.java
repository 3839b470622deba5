package trimtab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import trimtab.engine.rules.TableKind;

/**
 * The scenario files packaged in this jar: {@code rule-tests/scenarios/} is copied to {@code trimtab/scenarios/} on
 * the class path, with {@code index.txt} listing every file (one path a line, e.g.
 * {@code guardrails/concentration.yaml}) written by the build, so a service can run the suite without the source
 * tree. Read once: the files do not change while the jar is loaded.
 */
public final class ScenarioCatalog {
    /** Where the files are on the class path. */
    public static final String BASE = "/trimtab/scenarios/";

    private static volatile List<ScenarioFile> packaged;

    private ScenarioCatalog() {
    }

    /** Every packaged scenario file, in index (name) order. */
    public static List<ScenarioFile> packaged() {
        List<ScenarioFile> files = packaged;
        if (files == null) {
            synchronized (ScenarioCatalog.class) {
                if (packaged == null) {
                    packaged = read();
                }
                files = packaged;
            }
        }
        return files;
    }

    /** The packaged files of one table: the folder triggers, guardrails, or planner (tax policy). */
    public static List<ScenarioFile> packaged(TableKind table) {
        return packaged().stream().filter(f -> f.table() == table).toList();
    }

    /** The paths the index lists, relative to {@link #BASE}. */
    public static List<String> index() {
        String text = resource("index.txt");
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String path = line.strip().replace('\\', '/');
            if (!path.isEmpty() && !path.startsWith("#")) {
                paths.add(path);
            }
        }
        return paths.stream().sorted().toList();
    }

    private static List<ScenarioFile> read() {
        List<ScenarioFile> files = new ArrayList<>();
        for (String path : index()) {
            files.add(ScenarioFile.parse(Path.of(path), resource(path)));
        }
        return List.copyOf(files);
    }

    private static String resource(String path) {
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("the rule-tests jar lacks " + BASE + path + "; rebuild the rule-tests module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
