/**
 * The key directory: contacts' device keys fetched from the server, checked, pinned on first use, and every later
 * change held back until the user trusts it after comparing safety numbers.
 */
package dev.confab.client.core.keys;
