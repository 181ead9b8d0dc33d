/** Contacts: requests (with auto-accept), the contact list, blocks, user search and the rules for who may interact. */
package dev.confab.server.contacts;
