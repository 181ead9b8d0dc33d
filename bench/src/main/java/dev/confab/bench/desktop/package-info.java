/** The desktop app's benchmark: cold start to the sign-in window and to the contact list, and its memory. */
package dev.confab.bench.desktop;
