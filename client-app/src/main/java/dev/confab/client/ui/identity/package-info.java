/** A contact's identity on screen: the safety number to compare, its trust state, and the warning when keys change. */
package dev.confab.client.ui.identity;
