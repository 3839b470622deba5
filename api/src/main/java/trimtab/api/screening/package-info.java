/**
 * Pre-trade screening of the order system's orders: {@code POST /api/v1/orders/screen} judges a batch against the
 * guardrails in force on a snapshot of the households owning its accounts, answers every order in the same
 * request, and records every decision before answering; {@code GET /api/v1/decisions/{id}} explains one decision
 * to an advisor and {@code GET /api/v1/screenings/{id}} returns a stored answer.
 *
 * <p>How a request is recorded, in one transaction: one {@code screening_request} row holding the exact response
 * bytes (an idempotent retry returns them unchanged), one {@code order_decision} row per order (one multi-row
 * insert), and one audit append: a {@code SCREENING_REQUEST} entry (subject the request id, input hash the request
 * hash, payload with the SHA-256 of the stored response) and an {@code ORDER_DECISION} entry per order (subject its
 * decision id, input hash over the order as received and the snapshot facts it was judged on). Screening and JSON
 * building happen before that transaction opens, so the audit chain's head is locked only for the inserts.
 * Requests waiting to be recorded at the same moment share that transaction ({@link trimtab.api.screening.ScreeningCommits},
 * group commit), each answered only once it has committed.
 *
 * <p>The book (reference data, and the households screened) is kept in memory between requests and checked
 * against two versions the database bumps whenever it changes ({@link trimtab.api.screening.KeptBook}): a request
 * whose accounts are kept reads nothing before it is screened, and the write transaction's first statement checks
 * that the versions are still those (otherwise nothing is written and the request is screened again, read afresh).
 *
 * <p>A bad order (negative quantity, unknown side, unknown account) is not refused: it gets a BLOCK verdict from
 * the guardrails' Data rows and is recorded like any decision. Only a request that cannot be read (400) or whose
 * shape is unacceptable (no orders, more than 1,000, an order without an id, two orders with one id: 422) is
 * refused, and then nothing is written.
 */
package trimtab.api.screening;
