package dev.confab.client.core.chat;

/**
 * One message of a conversation, as stored on this device: a snapshot. Immutable; safe to share between threads.
 *
 * @param messageId the sender-chosen id
 * @param peerUserId the other user of the conversation
 * @param outgoing whether this user sent it (from this device or another of theirs)
 * @param senderUserId who sent it
 * @param senderDeviceId the sending device
 * @param text the text; null when the message could not be opened (then {@link #problem()} says why)
 * @param composedAt the sender's clock when it was written (epoch ms)
 * @param serverTimestamp when the server stored it (epoch ms; 0 while sending)
 * @param state where it stands
 * @param problem why it failed to send, why it still waits (SENDING), or why it could not be opened; null otherwise
 * @param unverifiedSender it came from a sender device whose key this user has not trusted (new or changed)
 * @param cursor an opaque position in the conversation, for paging
 */
public record ChatMessage(String messageId, String peerUserId, boolean outgoing, String senderUserId,
        String senderDeviceId, String text, long composedAt, long serverTimestamp, MessageState state, String problem,
        boolean unverifiedSender, String cursor) {

    /** Whether the message arrived but could not be opened (recorded, never silently dropped). */
    public boolean undecryptable() {
        return !outgoing && text == null;
    }

    ChatMessage withState(MessageState next, long serverTs, String why) {
        return new ChatMessage(messageId, peerUserId, outgoing, senderUserId, senderDeviceId, text, composedAt,
                serverTs, next, why, unverifiedSender, cursor);
    }
}
