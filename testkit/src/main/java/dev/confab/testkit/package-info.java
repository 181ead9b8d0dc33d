/** Test-only launchers for the real things Confab's tests run against: the server process and PostgreSQL. */
package dev.confab.testkit;
