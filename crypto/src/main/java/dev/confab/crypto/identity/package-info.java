/** Device identity (Ed25519) and agreement (X25519) keys, their published form, and safety numbers. */
package dev.confab.crypto.identity;
