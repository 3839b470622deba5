package trimtab.engine.guardrail;

/**
 * An order as it arrives, before anything is trusted: text fields exactly as sent, so that a missing
 * account, an unknown side or a quantity of "-5" becomes a readable violation rather than an exception.
 *
 * @param quantity   shares, as a decimal number
 * @param limitPrice optional price per share; when absent the security's last price is used
 * @param automated  true when a machine (the planner, a model rebalance) generated it, not a person
 */
public record OrderRequest(String orderId, String account, String symbol, String side, String quantity,
                           String limitPrice, boolean automated) {

    public static OrderRequest buy(String orderId, String account, String symbol, String quantity) {
        return new OrderRequest(orderId, account, symbol, "BUY", quantity, null, false);
    }

    public static OrderRequest sell(String orderId, String account, String symbol, String quantity) {
        return new OrderRequest(orderId, account, symbol, "SELL", quantity, null, false);
    }
}
