/** Where the client's logs go: a file people can send along, never the terminal or the window. */
package dev.confab.client.logging;
