package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.ModelPortfolio;

import java.util.List;

/** A model portfolio: target weights by asset class that sum to 100 %. Households and accounts name it by id. */
@Serdeable
@Schema(name = "Model")
public record ModelJson(@Schema(example = "BALANCED_60_40") String modelId, String name, List<TargetJson> targets) {

    static ModelJson of(ModelPortfolio model) {
        return new ModelJson(model.id().value(), model.name(), model.targets().stream().map(TargetJson::of).toList());
    }
}
