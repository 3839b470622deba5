package trimtab.engine.bookfile;

import java.util.List;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.Security;

/** The firm's shared data a book file builds on: the security master and the model portfolios. */
public record ReferenceData(List<Security> securities, List<ModelPortfolio> models) {
    public ReferenceData {
        securities = List.copyOf(securities);
        models = List.copyOf(models);
    }

    public static final ReferenceData EMPTY = new ReferenceData(List.of(), List.of());
}
