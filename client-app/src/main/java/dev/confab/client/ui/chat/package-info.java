/** One conversation: its history with paging, live messages and their states, the draft, sending, read marking. */
package dev.confab.client.ui.chat;
