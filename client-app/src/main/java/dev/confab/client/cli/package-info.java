/** The headless {@code confab} command-line client (picocli) on top of the client core. */
package dev.confab.client.cli;
