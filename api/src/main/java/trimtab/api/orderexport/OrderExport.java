package trimtab.api.orderexport;

import trimtab.api.run.RunAccess;
import trimtab.api.security.Caller;

import jakarta.inject.Singleton;
import trimtab.api.run.Decimals;
import trimtab.api.run.ProposedTrades;
import trimtab.api.run.RunStatus;
import trimtab.api.run.StoredRun;
import trimtab.api.run.StoredTrade;
import trimtab.api.web.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a run's order file: its tradable trades grouped into block orders by custodian, side and security (sells
 * first, since their proceeds fund the buys), each block's allocations by account. Only a finished run that is not
 * a dry run has an order file; a trade pending approval, rejected or blocked is never in it.
 */
@Singleton
final class OrderExport {
    static final List<String> COLUMNS = List.of("block_id", "custodian", "side", "symbol", "block_quantity", "account_id",
            "household_id", "allocated_quantity", "price", "notional", "trade_id");

    private final RunAccess runs;
    private final ProposedTrades trades;

    OrderExport(RunAccess runs, ProposedTrades trades) {
        this.runs = runs;
        this.trades = trades;
    }

    /** The caller's blocks: an advisor's file holds only their own households' trades. */
    List<BlockOrder> blocks(String runId, Caller caller) {
        StoredRun run = runs.require(runId, caller);
        if (run.dryRun()) {
            throw ApiException.conflict("run " + runId + " is a dry run: its trades are not exported");
        }
        if (run.status() != RunStatus.FINISHED) {
            throw ApiException.conflict("run " + runId + " is " + run.status() + ": only a finished run's orders are exported");
        }
        List<StoredTrade> tradable = trades.ofRun(runId, null, null, null, Integer.MAX_VALUE, caller.households()).stream().filter(StoredTrade::tradable)
                .sorted(Comparator.comparing(StoredTrade::custodian).thenComparing(t -> t.side().equals("SELL") ? 0 : 1)
                        .thenComparing(StoredTrade::symbol).thenComparing(StoredTrade::accountId).thenComparing(StoredTrade::tradeId))
                .toList();
        Map<String, List<StoredTrade>> grouped = new LinkedHashMap<>();
        for (StoredTrade trade : tradable) {
            grouped.computeIfAbsent(trade.custodian() + "\u0000" + trade.side() + "\u0000" + trade.symbol(), k -> new ArrayList<>()).add(trade);
        }
        List<BlockOrder> blocks = new ArrayList<>();
        String prefix = runId.substring(0, Math.min(8, runId.length()));
        for (List<StoredTrade> allocations : grouped.values()) {
            StoredTrade first = allocations.get(0);
            blocks.add(new BlockOrder(prefix + "-B" + String.format("%03d", blocks.size() + 1), first.custodian(), first.side(),
                    first.symbol(), allocations));
        }
        return blocks;
    }

    /** The blocks as CSV: a header, then one line per allocation (see docs/order-export.md). */
    String csv(String runId, Caller caller) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (BlockOrder block : blocks(runId, caller)) {
            for (StoredTrade allocation : block.allocations()) {
                csv.append(String.join(",", cell(block.blockId()), cell(block.custodian()), cell(block.side()), cell(block.symbol()),
                        Decimals.stripped(block.quantity()).toPlainString(), cell(allocation.accountId()), cell(allocation.householdId()),
                        allocation.quantity().toPlainString(), allocation.price().toPlainString(), allocation.notional().toPlainString(),
                        cell(allocation.tradeId()))).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
