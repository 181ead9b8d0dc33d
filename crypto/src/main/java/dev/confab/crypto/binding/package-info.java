/** Binding a call's DTLS fingerprint to the callers' identity keys: the signed statement that travels with the SDP. */
package dev.confab.crypto.binding;
