package dev.confab.client.core;

/**
 * What a one-shot {@link ConfabClient#sync()} did. Immutable; safe to share between threads.
 *
 * @param received inbox items handled (messages and receipts)
 * @param sent queued messages sent
 * @param failed queued messages refused for good
 * @param waiting queued messages still waiting
 */
public record SyncResult(int received, int sent, int failed, int waiting) {}
