/** Presence: per-device chosen states of connected devices, combined per user and pushed to contacts. */
package dev.confab.server.presence;
