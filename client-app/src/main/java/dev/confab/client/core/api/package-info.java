/** The server's REST API over OkHttp: one typed method per endpoint, failures as {@link dev.confab.client.core.api.ApiException}. */
package dev.confab.client.core.api;
