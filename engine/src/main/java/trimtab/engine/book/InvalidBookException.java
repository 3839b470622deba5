package trimtab.engine.book;

/**
 * The book contains data no computation can be trusted with. The message names the item
 * (account, lot, security, model) and what is wrong with it, in words an operations user can act on.
 */
public class InvalidBookException extends RuntimeException {
    public InvalidBookException(String message) {
        super(message);
    }
}
