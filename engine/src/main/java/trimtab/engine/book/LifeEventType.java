package trimtab.engine.book;

/** Events in a client's life that call for a review of the plan, whatever the drift. */
public enum LifeEventType {
    RETIREMENT, INHERITANCE, DEATH_OF_SPOUSE, DIVORCE, MARRIAGE, JOB_CHANGE, BIRTH_OF_CHILD
}
