/** The Confab signaling server: its entry point and the wiring of its features. */
package dev.confab.server;
