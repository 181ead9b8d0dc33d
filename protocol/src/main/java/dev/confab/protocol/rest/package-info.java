/**
 * Request and response bodies of the REST API under {@code /api/v1}, one record per body.
 * Records here are immutable and thread-safe.
 */
package dev.confab.protocol.rest;
