package trimtab.engine.drift;

/** Which of an asset class's bands its drift has crossed. */
public enum BandBreach {
    NONE, ABSOLUTE, RELATIVE, BOTH;

    static BandBreach of(boolean absolute, boolean relative) {
        if (absolute && relative) {
            return BOTH;
        }
        return absolute ? ABSOLUTE : relative ? RELATIVE : NONE;
    }

    public boolean isBreach() {
        return this != NONE;
    }
}
