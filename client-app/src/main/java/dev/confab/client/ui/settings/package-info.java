/** The settings screen and the app's persisted choices: devices, theme, notification sound, window geometry. */
package dev.confab.client.ui.settings;
