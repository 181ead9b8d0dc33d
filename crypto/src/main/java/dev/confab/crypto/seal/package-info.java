/** End-to-end sealing of one chat message for one recipient device. */
package dev.confab.crypto.seal;
