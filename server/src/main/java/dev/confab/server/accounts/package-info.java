/** Accounts: registration, username rules, password policy and hashing, password change and account deletion. */
package dev.confab.server.accounts;
