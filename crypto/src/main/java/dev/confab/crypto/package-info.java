/** Confab's cryptography: identity keys, sealed chat messages, key derivation, password hashing, store encryption. */
package dev.confab.crypto;
