/** The JavaFX desktop app: screens built as views bound to view-models that hold no JavaFX nodes. */
package dev.confab.client.ui;
