/** Key derivation: HKDF-SHA256 (RFC 5869). */
package dev.confab.crypto.kdf;
