/** HTTPS and WSS served by the server itself: reading and checking the key material, the listener, and its reload. */
package dev.confab.server.tls;
