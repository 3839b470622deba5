package trimtab.api.book;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.web.Problem;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@MicronautTest(transactional = false)
class ModelsApiTest {
    static final String MODELS = """
            [
              {"modelId": "BA-BALANCED", "name": "Balanced 60/40 (book API test)", "targets": [
                {"assetClass": "US_TOTAL_MARKET", "targetPct": 40, "absoluteBandPts": 5, "relativeBandPct": 25, "primary": "VTI", "alternates": ["ITOT"]},
                {"assetClass": "INTL_DEVELOPED", "targetPct": 15, "absoluteBandPts": 5, "relativeBandPct": 25, "primary": "VEA", "alternates": ["IEFA"]},
                {"assetClass": "US_AGG_BOND", "targetPct": 40, "absoluteBandPts": 5, "relativeBandPct": 25, "primary": "BND", "alternates": ["AGG"]},
                {"assetClass": "CASH", "targetPct": 5, "absoluteBandPts": 2.5, "primary": "SGOV", "alternates": []}]},
              {"modelId": "BA-INCOME", "name": "Income 30/70 (book API test)", "targets": [
                {"assetClass": "US_AGG_BOND", "targetPct": 62.5, "relativeBandPct": 20, "primary": "AGG", "alternates": ["BND"]},
                {"assetClass": "US_TOTAL_MARKET", "targetPct": 32.5, "absoluteBandPts": 4, "primary": "VTI", "alternates": ["ITOT"]},
                {"assetClass": "CASH", "targetPct": 5, "absoluteBandPts": 2, "primary": "SGOV"}]}
            ]""";

    @Inject
    @Client("/")
    HttpClient client;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(client);
        SecuritiesApiTest.load(http);
    }

    static void load(Http http) {
        http.ok(Http.put("/api/v1/models", MODELS), WriteReceipt.class);
    }

    @Test
    void modelsWrittenInBulkReadBackWithTheirTargetsAndBands() {
        assertThat(http.ok(Http.put("/api/v1/models", MODELS), WriteReceipt.class).written()).isEqualTo(2);

        ModelJson income = http.get("/api/v1/models/BA-INCOME", ModelJson.class);
        assertThat(income).isEqualTo(new ModelJson("BA-INCOME", "Income 30/70 (book API test)", List.of(
                new TargetJson("CASH", new BigDecimal("5"), new BigDecimal("2"), null, "SGOV", List.of()),
                new TargetJson("US_AGG_BOND", new BigDecimal("62.5"), null, new BigDecimal("20"), "AGG", List.of("BND")),
                new TargetJson("US_TOTAL_MARKET", new BigDecimal("32.5"), new BigDecimal("4"), null, "VTI", List.of("ITOT")))));
        List<ModelJson> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/models"), Argument.listOf(ModelJson.class));
        assertThat(all).extracting(ModelJson::modelId).contains("BA-BALANCED", "BA-INCOME");
        assertThat(all).filteredOn(m -> m.modelId().equals("BA-BALANCED")).singleElement()
                .satisfies(m -> assertThat(m.targets()).extracting(TargetJson::assetClass, TargetJson::absoluteBandPts).contains(
                        tuple("CASH", new BigDecimal("2.5"))));
    }

    @Test
    void aModelsTargetsAreReplacedByTheOnesSent() {
        load(http);
        http.ok(Http.put("/api/v1/models", """
                [{"modelId": "BA-INCOME", "name": "Income, all bonds", "targets": [
                  {"assetClass": "US_AGG_BOND", "targetPct": 100, "absoluteBandPts": 5, "primary": "AGG"}]}]"""), WriteReceipt.class);
        ModelJson income = http.get("/api/v1/models/BA-INCOME", ModelJson.class);
        assertThat(income.name()).isEqualTo("Income, all bonds");
        assertThat(income.targets()).extracting(TargetJson::assetClass).containsExactly("US_AGG_BOND");
        load(http);
    }

    @Test
    void modelsTheEngineWouldRefuseAre422AtTheOffendingTarget() {
        Problem problem = http.refused(Http.put("/api/v1/models", """
                [{"modelId": "BA-BAD-1", "targets": [
                   {"assetClass": "US_LARGE_CAP", "targetPct": 60, "primary": "FXAIX", "alternates": ["IVV"]},
                   {"assetClass": "US_AGG_BOND", "targetPct": 40, "primary": "AGG"}]},
                 {"modelId": "BA-BAD-2", "targets": [
                   {"assetClass": "US_TOTAL_MARKET", "targetPct": 50, "primary": "VTI"},
                   {"assetClass": "US_AGG_BOND", "targetPct": 45, "primary": "BND"}]},
                 {"modelId": "BA-BAD-3", "targets": [
                   {"assetClass": "US_TOTAL_MARKET", "targetPct": 50, "primary": "VTI", "relativeBandPct": -25},
                   {"assetClass": "US_AGG_BOND", "targetPct": 30, "primary": "BND"},
                   {"assetClass": "CASH", "targetPct": 20, "primary": "QQQZ"}]}]"""), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path, Problem.FieldError::message).containsExactly(
                tuple("$[0].targets[0].alternates[0]", "substitute IVV is in the same wash-sale group (SP500) "
                        + "as the primary FXAIX, so it cannot replace it without a wash sale"),
                tuple("$[1].targets", "the targets sum to 95 %, not 100 %"),
                tuple("$[2].targets[0].relativeBandPct", "-25 must not be negative"),
                tuple("$[2].targets[2].primary",
                        "security QQQZ is not in the security master; add it with PUT /api/v1/securities first"));
        http.refused(HttpRequest.GET("/api/v1/models/BA-BAD-1"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aSecurityCannotJoinItsPrimarysWashSaleGroupWhileAModelUsesItAsASubstitute() {
        load(http);
        Problem problem = http.refused(Http.put("/api/v1/securities", """
                [{"symbol": "ITOT", "name": "iShares Core S&P Total U.S. Stock Market ETF", "type": "ETF", "assetClass": "US_TOTAL_MARKET",
                  "issuer": "BlackRock", "sector": "diversified", "esgTags": [], "washSaleGroup": "CRSP_US_TOTAL"}]"""),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).contains("$[0].washSaleGroup");
        assertThat(problem.errors()).extracting(Problem.FieldError::message).contains("model BA-BALANCED, US_TOTAL_MARKET: substitute "
                + "ITOT would be in the same wash-sale group (CRSP_US_TOTAL) as its primary VTI; change the model first");
        assertThat(http.get("/api/v1/securities/ITOT", SecurityJson.class).washSaleGroup()).isEqualTo("SP_TMI");
    }

    @Test
    void anUnknownModelIs404() {
        Problem problem = http.refused(HttpRequest.GET("/api/v1/models/BA-NO-SUCH"), HttpStatus.NOT_FOUND);
        assertThat(problem.detail()).isEqualTo("model BA-NO-SUCH does not exist");
    }
}
