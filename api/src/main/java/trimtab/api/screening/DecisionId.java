package trimtab.api.screening;

import trimtab.api.database.AsciiKeys;

import java.util.Optional;

/**
 * A decision's id, "{@code <request id>-<line>}": the request it was made in and the order's line (from 1). The
 * decision row is filed under exactly that pair, so the id is its key, parsed rather than stored and indexed.
 */
record DecisionId(String requestId, int line) {

    DecisionId {
        if (line < 1) {
            throw new IllegalArgumentException("a decision's line counts from 1, not " + line);
        }
    }

    /** The id as the order system and advisors see it; empty for text that is not one (no such decision). */
    static Optional<DecisionId> parse(String text) {
        if (!AsciiKeys.couldBeOne(text)) {
            return Optional.empty();
        }
        int dash = text.lastIndexOf('-');
        // a line has 1 to 6 digits (a request holds at most 1,000 orders): a UUID's last group has 12 characters
        if (dash <= 0 || dash == text.length() - 1 || text.length() - dash > 7) {
            return Optional.empty();
        }
        if (text.charAt(dash + 1) == '0') {
            return Optional.empty(); // one id per decision: "-7", never "-07"
        }
        for (int i = dash + 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        int line = Integer.parseInt(text, dash + 1, text.length(), 10);
        return line < 1 ? Optional.empty() : Optional.of(new DecisionId(text.substring(0, dash), line));
    }

    @Override
    public String toString() {
        return requestId + "-" + line;
    }
}
