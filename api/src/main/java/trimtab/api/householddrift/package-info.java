/**
 * An advisor's morning view of their households: each household with the drift its latest (non-dry) run found,
 * worst first, so the web pages can chart every asset class against its band without reading run by run.
 */
package trimtab.api.householddrift;
