/** Server-side password hashing with Argon2id (RFC 9106) in the PHC string format. */
package dev.confab.crypto.password;
