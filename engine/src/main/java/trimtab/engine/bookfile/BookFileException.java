package trimtab.engine.bookfile;

/** A book or reference file could not be read; the message names the file and the place in it. */
public class BookFileException extends RuntimeException {
    private final String source;
    private final String location;

    public BookFileException(String source, String location, String problem) {
        super(source + (location.isEmpty() ? "" : ", " + location) + ": " + problem);
        this.source = source;
        this.location = location;
    }

    public String source() {
        return source;
    }

    /** "line 4, column 10 (price)" or "households[0].accounts[1].cash". */
    public String location() {
        return location;
    }
}
