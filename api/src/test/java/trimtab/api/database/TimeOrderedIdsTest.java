package trimtab.api.database;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {
    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        // 2025-11-25T12:00:00.123Z = 1,764,072,000,123 ms = 0x019a_bae2_8a7b: the id starts "019abae2-8a7b-7"
        long millis = Instant.parse("2025-11-25T12:00:00.123Z").toEpochMilli();
        assertThat(millis).isEqualTo(1_764_072_000_123L);
        UUID id = TimeOrderedIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith("019abae2-8a7b-7");
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        String earlier = TimeOrderedIds.at(1_764_072_000_123L).toString();
        String later = TimeOrderedIds.at(1_764_072_000_124L).toString();
        assertThat(later).isGreaterThan(earlier);
        assertThat(TimeOrderedIds.next()).isGreaterThan(later);
    }
}
