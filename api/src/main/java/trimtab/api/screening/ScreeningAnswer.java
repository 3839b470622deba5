package trimtab.api.screening;

/**
 * The bytes a screening request is answered with, and whether they were stored by an earlier request with the
 * same Idempotency-Key (a replay writes nothing).
 */
record ScreeningAnswer(byte[] body, boolean replayed) {
}
