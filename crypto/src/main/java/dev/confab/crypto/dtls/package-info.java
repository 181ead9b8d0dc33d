/** DTLS 1.2 with use_srtp (RFC 5764) on Bouncy Castle: per-call certificates, fingerprints, the handshake and SRTP keys. */
package dev.confab.crypto.dtls;
