/** Request and response bodies of the REST API under {@code /api/v1}, one record per body. */
package dev.confab.protocol.rest;
