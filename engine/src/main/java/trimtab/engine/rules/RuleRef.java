package trimtab.engine.rules;

/** Where a rule comes from: the workbook row a compliance officer can open and read. */
public record RuleRef(String workbook, String sheet, int row, String ruleId) {
    @Override
    public String toString() {
        return workbook + ", sheet " + sheet + ", row " + row + ", rule " + ruleId;
    }
}
