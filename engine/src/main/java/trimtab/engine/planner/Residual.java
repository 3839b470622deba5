package trimtab.engine.planner;

import java.math.BigDecimal;
import trimtab.engine.book.AssetClass;

/** Drift the proposal leaves outside its band, and why it could not be traded away. */
public record Residual(AssetClass assetClass, BigDecimal driftPts, String reason) {
}
