package trimtab.api.cli;

/**
 * The header lines that say who sends the benchmark's API requests, and the name the service then records as the
 * actor. The health endpoint is sent without them.
 */
public interface RequestHeaders {
    /** Header lines, each ending in CRLF, for the service listening on {@code port}. */
    String lines(int port);

    /** The acting user the service records for these requests. */
    String actor();

    /** The acting-user header the service reads until authentication exists. */
    static RequestHeaders actingUser(String name) {
        return new RequestHeaders() {
            @Override
            public String lines(int port) {
                return "X-Trimtab-User: " + name + "\r\n";
            }

            @Override
            public String actor() {
                return name;
            }
        };
    }
}
