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
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Securities, prices and the VIX through HTTP against the embedded MariaDB. Attributes are those of
 * rules/reference/securities.csv, so that other test classes sharing the database see the same security master;
 * prices are written for 2026-09-30, a date no other test prices.
 */
@MicronautTest(transactional = false)
class SecuritiesApiTest {
    static final String SECURITIES = """
            [
              {"symbol": "VTI", "name": "Vanguard Total Stock Market ETF", "type": "ETF", "assetClass": "US_TOTAL_MARKET",
               "issuer": "Vanguard", "sector": "diversified", "esgTags": [], "washSaleGroup": "CRSP_US_TOTAL",
               "price": 301.37, "priceDate": "2026-09-30"},
              {"symbol": "ITOT", "name": "iShares Core S&P Total U.S. Stock Market ETF", "type": "ETF", "assetClass": "US_TOTAL_MARKET",
               "issuer": "BlackRock", "sector": "diversified", "esgTags": [], "washSaleGroup": "SP_TMI",
               "price": 134.62, "priceDate": "2026-09-30"},
              {"symbol": "VEA", "name": "Vanguard FTSE Developed Markets ETF", "type": "ETF", "assetClass": "INTL_DEVELOPED",
               "issuer": "Vanguard", "sector": "diversified", "esgTags": [], "washSaleGroup": "FTSE_DEV_ALLCAP_XUS",
               "price": 55.81, "priceDate": "2026-09-30"},
              {"symbol": "IEFA", "name": "iShares Core MSCI EAFE ETF", "type": "ETF", "assetClass": "INTL_DEVELOPED",
               "issuer": "BlackRock", "sector": "diversified", "esgTags": [], "washSaleGroup": "MSCI_EAFE_IMI",
               "price": 81.07, "priceDate": "2026-09-30"},
              {"symbol": "BND", "name": "Vanguard Total Bond Market ETF", "type": "ETF", "assetClass": "US_AGG_BOND",
               "issuer": "Vanguard", "sector": "fixed_income", "esgTags": [], "washSaleGroup": "BBG_US_AGG_FLOAT_ADJ",
               "price": 73.94, "priceDate": "2026-09-30"},
              {"symbol": "AGG", "name": "iShares Core U.S. Aggregate Bond ETF", "type": "ETF", "assetClass": "US_AGG_BOND",
               "issuer": "BlackRock", "sector": "fixed_income", "esgTags": [], "washSaleGroup": "BBG_US_AGG",
               "price": 99.88, "priceDate": "2026-09-30"},
              {"symbol": "SGOV", "name": "iShares 0-3 Month Treasury Bond ETF", "type": "ETF", "assetClass": "CASH",
               "issuer": "BlackRock", "sector": "fixed_income", "esgTags": [], "washSaleGroup": "ICE_TBILL_0_3M",
               "price": 100.41, "priceDate": "2026-09-30"},
              {"symbol": "FXAIX", "name": "Fidelity 500 Index Fund", "type": "MUTUAL_FUND", "assetClass": "US_LARGE_CAP",
               "issuer": "Fidelity", "sector": "diversified", "esgTags": [], "washSaleGroup": "SP500",
               "price": 221.05, "priceDate": "2026-09-30"},
              {"symbol": "IVV", "name": "iShares Core S&P 500 ETF", "type": "ETF", "assetClass": "US_LARGE_CAP",
               "issuer": "BlackRock", "sector": "diversified", "esgTags": [], "washSaleGroup": "SP500",
               "price": 612.40, "priceDate": "2026-09-30"},
              {"symbol": "XOM", "name": "Exxon Mobil Corp.", "type": "STOCK", "assetClass": "US_LARGE_CAP",
               "issuer": "Exxon Mobil Corp.", "sector": "energy", "esgTags": ["fossil_fuels"], "washSaleGroup": "XOM",
               "price": 112.0625, "priceDate": "2026-09-30"},
              {"symbol": "AAPL", "name": "Apple Inc.", "type": "STOCK", "assetClass": "US_LARGE_CAP",
               "issuer": "Apple Inc.", "sector": "information_technology", "esgTags": [], "washSaleGroup": "AAPL",
               "price": 254.63, "priceDate": "2026-09-30"}
            ]""";

    @Inject
    @Client("/")
    HttpClient client;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(client);
    }

    /** The securities the book tests use, priced on 2026-09-30. */
    static void load(Http http) {
        http.ok(Http.put("/api/v1/securities", SECURITIES), WriteReceipt.class);
    }

    @Test
    void securitiesWrittenInBulkReadBackWithTheirExactPricesAndTags() {
        WriteReceipt receipt = http.ok(Http.put("/api/v1/securities", SECURITIES), WriteReceipt.class);
        assertThat(receipt.written()).isEqualTo(11);
        assertThat(receipt.auditSeq()).isPositive();

        SecurityJson xom = http.get("/api/v1/securities/XOM?asOf=2026-09-30", SecurityJson.class);
        assertThat(xom).isEqualTo(new SecurityJson("XOM", "Exxon Mobil Corp.", "STOCK", "US_LARGE_CAP", "Exxon Mobil Corp.", "energy",
                List.of("fossil_fuels"), "XOM", new BigDecimal("112.0625"), LocalDate.of(2026, 9, 30)));
        SecurityJson vti = http.get("/api/v1/securities/vti?asOf=2026-10-15", SecurityJson.class);
        assertThat(vti.price()).isEqualByComparingTo("301.37");
        assertThat(vti.price().toPlainString()).isEqualTo("301.37");
        assertThat(vti.priceDate()).isEqualTo(LocalDate.of(2026, 9, 30));

        List<SecurityJson> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/securities?asOf=2026-09-30"),
                Argument.listOf(SecurityJson.class));
        assertThat(all).extracting(SecurityJson::symbol).contains("AAPL", "FXAIX", "SGOV", "VTI").isSorted();
        assertThat(all).filteredOn(s -> s.symbol().equals("FXAIX")).singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo("MUTUAL_FUND");
                    assertThat(s.price().toPlainString()).isEqualTo("221.05");
                });
    }

    @Test
    void aPriceBeforeTheFirstOneRecordedIsUnknown() {
        load(http);
        SecurityJson early = http.get("/api/v1/securities/VTI?asOf=2001-01-02", SecurityJson.class);
        assertThat(early.price()).isNull();
        assertThat(early.priceDate()).isNull();
    }

    @Test
    void anUnknownSecurityIs404() {
        Problem problem = http.refused(HttpRequest.GET("/api/v1/securities/NOPE1"), HttpStatus.NOT_FOUND);
        assertThat(problem.detail()).isEqualTo("security NOPE1 does not exist");
    }

    @Test
    void anUnknownFieldIs400NamingItsPath() {
        Problem problem = http.refused(Http.put("/api/v1/securities", """
                [{"symbol": "VTI", "type": "ETF", "assetClass": "US_TOTAL_MARKET"},
                 {"symbol": "ITOT", "type": "ETF", "assetClass": "US_TOTAL_MARKET", "washSaleGrop": "SP_TMI"}]"""), HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$[1].washSaleGrop");
        assertThat(problem.errors().get(0).message()).startsWith("unknown field 'washSaleGrop'");
    }

    @Test
    void malformedJsonAndWrongKindsAre400() {
        Problem syntax = http.refused(Http.put("/api/v1/securities", "[{\"symbol\": \"VTI\",]"), HttpStatus.BAD_REQUEST);
        assertThat(syntax.detail()).startsWith("the body is not valid JSON");

        Problem kinds = http.refused(Http.put("/api/v1/securities", """
                [{"symbol": "VTI", "type": "ETF", "assetClass": "US_TOTAL_MARKET", "price": "cheap", "priceDate": "2026-02-30"}]"""),
                HttpStatus.BAD_REQUEST);
        assertThat(kinds.errors()).extracting(Problem.FieldError::path, Problem.FieldError::message).containsExactly(
                tuple("$[0].price", "must be a number"),
                tuple("$[0].priceDate", "'2026-02-30' is not a date as YYYY-MM-DD"));
    }

    @Test
    void unacceptableSecuritiesAre422WithEveryPathAndNothingIsWritten() {
        Problem problem = http.refused(Http.put("/api/v1/securities", """
                [{"symbol": "ZZBA1", "type": "ETF", "assetClass": "US_TOTAL_MARKET", "washSaleGroup": "ZZBA1"},
                 {"symbol": "ZZBA2", "type": "BOND", "assetClass": "US_AGG_BOND"},
                 {"symbol": "ZZBA3", "type": "STOCK", "assetClass": "US_LARGE_CAP", "price": -4.10, "priceDate": "2026-09-30"},
                 {"symbol": "zzba1", "type": "ETF", "assetClass": "US_TOTAL_MARKET"}]"""), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path)
                .containsExactly("$[1].type", "$[2].price", "$[3].symbol");
        assertThat(problem.errors().get(0).message()).isEqualTo("'BOND' is not one of STOCK, ETF, MUTUAL_FUND");
        assertThat(problem.errors().get(1).message()).isEqualTo("-4.10 must be positive");
        http.refused(HttpRequest.GET("/api/v1/securities/ZZBA1"), HttpStatus.NOT_FOUND);
    }

    @Test
    void pricesOfUnknownSymbolsAreRefusedWhole() {
        load(http);
        Problem problem = http.refused(Http.put("/api/v1/market/prices", """
                [{"symbol": "VTI", "date": "2026-09-29", "price": 299.99},
                 {"symbol": "QQQZ", "date": "2026-09-29", "price": 480.12}]"""), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$[1].symbol");
        assertThat(problem.errors().get(0).message())
                .isEqualTo("security QQQZ is not in the security master; add it with PUT /api/v1/securities first");
        assertThat(http.get("/api/v1/securities/VTI?asOf=2026-09-29", SecurityJson.class).priceDate()).isNotEqualTo("2026-09-29");

        WriteReceipt receipt = http.ok(Http.put("/api/v1/market/prices", """
                [{"symbol": "VTI", "date": "2026-09-29", "price": 299.99},
                 {"symbol": "AGG", "date": "2026-09-29", "price": 99.7}]"""), WriteReceipt.class);
        assertThat(receipt.written()).isEqualTo(2);
        assertThat(http.get("/api/v1/securities/VTI?asOf=2026-09-29", SecurityJson.class).price().toPlainString()).isEqualTo("299.99");
        assertThat(http.get("/api/v1/securities/AGG?asOf=2026-09-29", SecurityJson.class).price().toPlainString()).isEqualTo("99.70");
    }

    @Test
    void theVixIsReadAsOfADate() {
        http.ok(Http.put("/api/v1/market/vix", "{\"asOf\": \"2026-09-30\", \"vix\": 16.85}"), VixJson.class);
        http.ok(Http.put("/api/v1/market/vix", "{\"asOf\": \"2026-09-28\", \"vix\": 22.1}"), VixJson.class);
        assertThat(http.get("/api/v1/market/vix?asOf=2026-09-29", VixJson.class))
                .isEqualTo(new VixJson(LocalDate.of(2026, 9, 28), new BigDecimal("22.1")));
        assertThat(http.get("/api/v1/market/vix?asOf=2026-09-30", VixJson.class).vix()).isEqualByComparingTo("16.85");
        http.refused(HttpRequest.GET("/api/v1/market/vix?asOf=1990-01-02"), HttpStatus.NOT_FOUND);
        Problem negative = http.refused(Http.put("/api/v1/market/vix", "{\"asOf\": \"2026-09-30\", \"vix\": -1}"),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(negative.errors()).extracting(Problem.FieldError::path).containsExactly("$.vix");
    }
}
