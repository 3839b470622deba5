package trimtab.api.orderexport;

import trimtab.api.run.StoredTrade;

import java.math.BigDecimal;
import java.util.List;

/**
 * One order to a custodian for one security and side, the sum of its allocations; each allocation is one proposed
 * trade in one account.
 */
record BlockOrder(String blockId, String custodian, String side, String symbol, List<StoredTrade> allocations) {
    BlockOrder {
        allocations = List.copyOf(allocations);
    }

    BigDecimal quantity() {
        return allocations.stream().map(StoredTrade::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
