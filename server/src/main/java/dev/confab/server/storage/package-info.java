/** Storage: connection pools, schema migrations, transactions and small JDBC helpers shared by the repositories. */
package dev.confab.server.storage;
