/** Contacts with their presence, contact requests both ways, and blocks, kept current from REST and events. */
package dev.confab.client.core.contacts;
