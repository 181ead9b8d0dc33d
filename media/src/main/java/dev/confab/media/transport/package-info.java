/** The secure transport under the call engine (ICE, DTLS-SRTP, SRTP) and its SDP side: candidates and attributes. */
package dev.confab.media.transport;
