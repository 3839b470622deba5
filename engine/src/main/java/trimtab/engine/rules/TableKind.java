package trimtab.engine.rules;

/** The kinds of rule table a firm maintains; each has its own workbook and its own version history. */
public enum TableKind {
    TRIGGERS("Rebalancing triggers"),
    TAX_POLICY("Tax policy"),
    GUARDRAILS("Trading guardrails");

    private final String title;

    TableKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
