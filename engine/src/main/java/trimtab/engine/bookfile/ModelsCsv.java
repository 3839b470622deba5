package trimtab.engine.bookfile;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Symbol;

/**
 * Reads model portfolios from a CSV with one line per model and asset class:
 * {@code model,asset_class,target_pct,abs_band_pts,rel_band_pct,primary,alternates} (alternates separated by {@code ;}).
 */
public final class ModelsCsv {
    private ModelsCsv() {
    }

    public static List<ModelPortfolio> read(InputStream in, String source) {
        CsvTable table = CsvTable.read(in, source);
        table.requireColumns("model", "asset_class", "target_pct");
        Map<String, List<ModelTarget>> targets = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String model = row.required("model");
            firstLine.putIfAbsent(model, row.line());
            try {
                targets.computeIfAbsent(model, m -> new ArrayList<>()).add(new ModelTarget(
                        row.convert("asset_class", true, AssetClass::of, "an asset class"),
                        row.convert("target_pct", true, BigDecimal::new, "a percentage"),
                        Optional.ofNullable(row.convert("abs_band_pts", false, BigDecimal::new, "a number of points")),
                        Optional.ofNullable(row.convert("rel_band_pct", false, BigDecimal::new, "a percentage")),
                        Optional.ofNullable(row.convert("primary", false, Symbol::of, "a symbol")),
                        SecurityMasterCsv.tags(row.text("alternates")).stream().map(Symbol::of).toList()));
            } catch (InvalidBookException e) {
                throw new BookFileException(source, "line " + row.line(), "model " + model + ": " + e.getMessage());
            }
        }
        List<ModelPortfolio> models = new ArrayList<>();
        targets.forEach((id, list) -> {
            try {
                models.add(new ModelPortfolio(ModelId.of(id), id, list));
            } catch (InvalidBookException e) {
                throw new BookFileException(source, "line " + firstLine.get(id), e.getMessage());
            }
        });
        return models;
    }
}
