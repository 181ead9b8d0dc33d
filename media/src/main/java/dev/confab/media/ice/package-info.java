/** Confab's ICE agent (RFC 8445 with trickle, consent freshness and restart): candidates, checks and the selected path. */
package dev.confab.media.ice;
