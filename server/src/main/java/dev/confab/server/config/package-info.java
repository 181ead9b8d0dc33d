/** Server configuration: the known keys, loading them from defaults, file, environment and flags, and typed values. */
package dev.confab.server.config;
