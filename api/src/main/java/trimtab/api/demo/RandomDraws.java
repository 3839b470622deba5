package trimtab.api.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeded random draws for the synthetic firm. The algorithm (SplitMix64) is written out here rather than
 * taken from {@code java.util.Random} or {@code SplittableRandom} so that a seed gives the same book on every
 * JDK, and transcendental functions go through {@link StrictMath}, whose results are the same on every
 * platform (a different last bit could round a cent the other way).
 *
 * <p>Draws are doubles; amounts are never kept as doubles: callers turn draws into cents, shares or
 * fixed-point weights at once.
 */
final class RandomDraws {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    RandomDraws(long seed) {
        this.state = seed;
    }

    /**
     * The draws of one household: independent of the other households, so that household {@code i} of a
     * seed does not change when the book is made larger (and households could be generated in parallel).
     */
    static RandomDraws forHousehold(long seed, int index) {
        return new RandomDraws(mix(seed ^ mix(index + 1L)));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return (int) (nextDouble() * bound);
    }

    /** Uniform in [low, high], both inclusive. */
    int between(int low, int high) {
        return low + below(high - low + 1);
    }

    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal (Box-Muller), clipped to ±3 so that one extreme draw cannot make an absurd price. */
    double gaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
        return Math.max(-3.0, Math.min(3.0, z));
    }

    <T> T pick(List<T> items) {
        return items.get(below(items.size()));
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    int weightedIndex(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A copy in random order (Fisher-Yates). */
    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = below(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
