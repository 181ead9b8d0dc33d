/** The desktop app itself: its launcher, the profiles it keeps, the theme and the window it opens. */
package dev.confab.client.ui.app;
