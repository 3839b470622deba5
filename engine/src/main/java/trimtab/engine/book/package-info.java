/**
 * The book: the facts Trimtab reasons about. Securities and their prices, households with their tax
 * profile, accounts, tax lots, model portfolios and their assignment, scheduled cash flows, life events
 * and the market snapshot, all frozen into one immutable {@link trimtab.engine.book.BookSnapshot}.
 *
 * <p>Values are records with typed ids; money and quantities are {@link java.math.BigDecimal}. Constructors
 * reject impossible data (a negative quantity, a model whose targets do not sum to 100 %) with an
 * {@link trimtab.engine.book.InvalidBookException} that names the item, so that bad data never reaches
 * a computation as a {@code NullPointerException}.
 */
package trimtab.engine.book;
