/** Time from offer to ICE connected and to DTLS connected: Confab's side, cold and warm, and the table. */
package dev.confab.bench.ice;
