/** The main window: the contact list beside the open conversation, the connection banner and the menus. */
package dev.confab.client.ui.main;
