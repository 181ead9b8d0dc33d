/** The secure transport under the call engine: ICE, then DTLS-SRTP over the selected pair, then SRTP both ways. */
package dev.confab.media.transport;
