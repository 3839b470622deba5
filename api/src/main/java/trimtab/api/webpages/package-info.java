/**
 * The web pages' entry: the pages themselves are static files (HTML, CSS, ES modules, no build step) in
 * {@code src/main/resources/web}, served under /app/ and calling the JSON API with the signed-in user's token;
 * this package only sends a browser that opens the service's root to them.
 */
package trimtab.api.webpages;
