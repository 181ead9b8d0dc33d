/** SRTP and SRTCP (RFC 3711, RFC 7714) on the JCE: protection profiles, key derivation and per-SSRC contexts. */
package dev.confab.crypto.srtp;
