/**
 * The book over HTTP ({@code /api/v1}): securities and prices, the VIX, models, households with everything they
 * own, and the firm's restricted list, written in bulk or item by item and read back in the same JSON shape.
 *
 * <p>Requests are read strictly (an unknown field or a value of the wrong kind is a 400 naming its JSON path),
 * then checked and converted to the engine's book records with the path of every offending item (422), and
 * written through {@code BookWriter} in one transaction together with an audit entry: a bulk request is written
 * whole or not at all. A household is always written whole, so its finer-grained changes (a cash flow, a life
 * event, its restrictions) read the stored household, change it and write it back through the same checks.
 */
package trimtab.api.book;
