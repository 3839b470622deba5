package trimtab.api.run;

/** Where a run is, as told by its latest event. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED;

    static RunStatus ofEvent(String eventType) {
        return switch (eventType) {
            case "FINISHED" -> FINISHED;
            case "FAILED" -> FAILED;
            default -> RUNNING;
        };
    }
}
