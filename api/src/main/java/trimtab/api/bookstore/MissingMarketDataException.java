package trimtab.api.bookstore;

/** The book cannot be evaluated on a date because market data it needs (the VIX) was never recorded. */
public final class MissingMarketDataException extends RuntimeException {
    public MissingMarketDataException(String message) {
        super(message);
    }
}
