/** Screenshots of the desktop app's screens, taken in real windows under Xvfb, light and dark. */
package dev.confab.client.ui.shots;
