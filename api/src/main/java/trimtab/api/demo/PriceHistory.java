package trimtab.api.demo;

import java.util.HashMap;
import java.util.Map;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;

/**
 * A made-up monthly price history of every security over the ten years before the book's date, ending at the
 * reference price, so that tax lots get believable cost bases: two households that bought VTI in the same month
 * paid about the same, funds tracking one index move together, bonds bought before the rise in rates sit at a
 * loss, and lots bought near a recent market peak are under water (the losses tax-loss harvesting is for).
 *
 * <p>The history is drawn from the seed, so each seed has its own market past.
 */
final class PriceHistory {
    static final int MONTHS = 120;
    private static final double DAYS_PER_MONTH = 30.4375;
    /** Cost per share is kept to four decimals, as custodians report it. */
    static final int PRICE_SCALE = 4;
    private static final long RATIO_UNITS = 100_000_000L;

    /** Annual price return over the decade and volatility by asset class: rough history, not forecasts. */
    private record Assumption(double annualReturn, double volatility) {
    }

    private static final Map<String, Assumption> BY_CLASS = Map.ofEntries(
            Map.entry("US_TOTAL_MARKET", new Assumption(0.10, 0.16)),
            Map.entry("US_LARGE_CAP", new Assumption(0.11, 0.16)),
            Map.entry("US_SMALL_CAP", new Assumption(0.06, 0.21)),
            Map.entry("INTL_DEVELOPED", new Assumption(0.045, 0.16)),
            Map.entry("EMERGING_MARKETS", new Assumption(0.03, 0.19)),
            Map.entry("REIT", new Assumption(0.025, 0.20)),
            Map.entry("TARGET_DATE", new Assumption(0.06, 0.12)),
            // bond ETFs pay out their income, so their price drifts down over a decade of rising rates
            Map.entry("US_AGG_BOND", new Assumption(-0.006, 0.055)),
            Map.entry("US_TREASURY_SHORT", new Assumption(-0.002, 0.015)),
            Map.entry("TIPS", new Assumption(-0.003, 0.045)),
            Map.entry("US_MUNI", new Assumption(-0.004, 0.04)),
            Map.entry("CASH", new Assumption(0.0, 0.002)));
    private static final Assumption OTHER_EQUITY = new Assumption(0.06, 0.17);
    private static final Assumption OTHER_FIXED_INCOME = new Assumption(-0.005, 0.05);
    /** How far the monthly path strays from the decade's trend, as a share of the class's volatility; bonds
     *  follow the rate cycle (the peak and trough below) more than chance. */
    private static final double EQUITY_WANDER = 0.35;
    private static final double BOND_WANDER = 0.15;
    /** a single company's price strays far more than an index's */
    private static final double STOCK_WANDER = 0.8;

    /** Price then / price now by month back (1 at month 0), and today's price in ten-thousandths. */
    private record Path(double[] ratio, long priceUnits) {
    }

    private final Map<Symbol, Path> paths = new HashMap<>();

    PriceHistory(SecurityUniverse universe, RandomDraws draws) {
        double[] equityMarket = normals(draws);
        double[] rates = normals(draws);
        // the recent peak the market has since fallen from, and the years when bond prices were higher
        int equityPeak = draws.between(4, 30);
        double equityPeakSize = draws.uniform(0.08, 0.16);
        int bondPeak = draws.between(40, 70);
        double bondPeakSize = draws.uniform(0.05, 0.10);
        // ... and the trough after rates rose, when bonds were cheaper than today
        int bondTrough = draws.between(18, 32);
        double bondTroughSize = draws.uniform(0.05, 0.09);
        Map<String, double[]> idiosyncratic = new HashMap<>();
        for (Security security : universe.securities()) {
            if (security.price() == null) {
                continue; // never held: it cannot be valued
            }
            AssetClass assetClass = security.assetClass();
            boolean fixedIncome = universe.isFixedIncome(assetClass);
            boolean stock = security.type() == SecurityType.STOCK;
            Assumption assumption = stock ? new Assumption(draws.uniform(0.04, 0.18), draws.uniform(0.22, 0.45))
                    : BY_CLASS.getOrDefault(assetClass.code(), fixedIncome ? OTHER_FIXED_INCOME : OTHER_EQUITY);
            double[] common = fixedIncome ? rates : equityMarket;
            double loading = assetClass.isCash() ? 0.0 : stock ? 0.6 : 0.85;
            // funds of one class share their class's own moves; a stock has its own
            String key = stock ? "stock:" + security.washSaleGroup() : "class:" + assetClass.code();
            double[] own = idiosyncratic.computeIfAbsent(key, k -> normals(draws));
            double monthlyVol = assumption.volatility() / StrictMath.sqrt(12);
            double peakScale = assumption.volatility() / (fixedIncome ? 0.055 : 0.16);
            double[] walk = new double[MONTHS + 1];
            for (int m = 1; m <= MONTHS; m++) {
                double shock = loading * common[m] + StrictMath.sqrt(1 - loading * loading) * own[m];
                walk[m] = walk[m - 1] + monthlyVol * shock;
            }
            // a bridge: the decade's return is the assumption's, the months in between wander around it
            double wander = stock ? STOCK_WANDER : fixedIncome ? BOND_WANDER : EQUITY_WANDER;
            double[] path = new double[MONTHS + 1];
            for (int m = 1; m <= MONTHS; m++) {
                path[m] = -assumption.annualReturn() * m / 12 + wander * (walk[m] - walk[MONTHS] * m / MONTHS);
            }
            if (!assetClass.isCash()) {
                if (fixedIncome) {
                    bump(path, bondPeak, 20, bondPeakSize * peakScale);
                    bump(path, bondTrough, 10, -bondTroughSize * peakScale);
                } else {
                    bump(path, equityPeak, 6, equityPeakSize * peakScale * (stock ? 1.3 : 1.0));
                }
            }
            double[] ratio = new double[MONTHS + 1];
            for (int m = 0; m <= MONTHS; m++) {
                ratio[m] = StrictMath.exp(path[m]);
            }
            paths.put(security.symbol(), new Path(ratio, FixedPoint.units(security.price(), PRICE_SCALE)));
        }
    }

    /**
     * What one share cost {@code daysAgo} days before the book's date, in ten-thousandths of a dollar: the month's
     * price, interpolated, give or take the day's move.
     */
    long costPerShareUnits(Security security, int daysAgo, RandomDraws draws) {
        Path path = paths.get(security.symbol());
        double month = Math.min(MONTHS, daysAgo / DAYS_PER_MONTH);
        int before = (int) month;
        int after = Math.min(MONTHS, before + 1);
        double fraction = month - before;
        double ratio = (path.ratio[before] * (1 - fraction) + path.ratio[after] * fraction) * (1 + draws.uniform(-0.008, 0.008));
        return FixedPoint.multiplyDivide(path.priceUnits, Math.round(ratio * RATIO_UNITS), RATIO_UNITS);
    }

    /** Adds a triangular bump of {@code size} (in log price) centred {@code month} months back. */
    private static void bump(double[] path, int month, int width, double size) {
        for (int m = 1; m <= MONTHS; m++) {
            path[m] += size * Math.max(0.0, 1.0 - Math.abs(m - month) / (double) width);
        }
    }

    /** Today's price in ten-thousandths of a dollar. */
    long priceUnits(Security security) {
        return paths.get(security.symbol()).priceUnits;
    }

    private static double[] normals(RandomDraws draws) {
        double[] values = new double[MONTHS + 1];
        for (int m = 1; m <= MONTHS; m++) {
            values[m] = draws.gaussian();
        }
        return values;
    }
}
