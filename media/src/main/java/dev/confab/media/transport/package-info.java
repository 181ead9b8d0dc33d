/** The secure transport under the call engine (ICE, then DTLS-SRTP over the selected pair, then SRTP both ways) and its SDP side: candidates and transport attributes. */
package dev.confab.media.transport;
