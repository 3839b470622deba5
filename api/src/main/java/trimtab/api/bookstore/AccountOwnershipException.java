package trimtab.api.bookstore;

/** A write would move an account from one household to another. */
public final class AccountOwnershipException extends RuntimeException {
    public AccountOwnershipException(String message) {
        super(message);
    }
}
