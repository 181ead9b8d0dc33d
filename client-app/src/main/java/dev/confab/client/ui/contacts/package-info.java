/** The contact list: contacts with presence and unread counts, search, requests, blocks, and the user's own presence. */
package dev.confab.client.ui.contacts;
