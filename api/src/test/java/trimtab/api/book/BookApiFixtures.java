package trimtab.api.book;

import io.micronaut.http.client.HttpClient;

/** The book API's test data for tests of other packages: securities priced on 2026-09-30 and the BA- models. */
public final class BookApiFixtures {
    private BookApiFixtures() {
    }

    public static void securitiesAndModels(HttpClient client) {
        Http http = new Http(client);
        SecuritiesApiTest.load(http);
        ModelsApiTest.load(http);
    }

    public static void put(HttpClient client, String uri, String json) {
        new Http(client).ok(Http.put(uri, json), WriteReceipt.class);
    }
}
