/**
 * The synthetic advisory firm: a seeded generator of a realistic book ({@link trimtab.api.demo.SyntheticFirm}) for
 * the service's demo database and for scale benchmarks. Households get accounts of every registration, positions in
 * the reference securities with tax lots bought over ten years at believable prices, models and drift, cash flows,
 * life events, restrictions, investment-policy ranges and recent trades, so that every trigger and guardrail family
 * has something to act on. Plain Java with no framework; the same seed always gives the same book.
 */
package trimtab.api.demo;
