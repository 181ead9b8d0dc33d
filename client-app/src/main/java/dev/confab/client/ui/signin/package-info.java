/** First run and signing in: choose the server, register or sign in, with progress and clear errors. */
package dev.confab.client.ui.signin;
