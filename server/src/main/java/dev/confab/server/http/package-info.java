/** HTTP plumbing: authenticated routes, JSON bodies, error mapping, request guards and the access log. */
package dev.confab.server.http;
