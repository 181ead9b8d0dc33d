/** What every screen shares: where view-models run their work, failures as sentences, theme and icons. */
package dev.confab.client.ui.fx;
