package dev.confab.client.ui.chat;

/**
 * Tells the user about a new incoming message they are not looking at (the window is not focused, or another
 * conversation is shown): the app shows a system notification or plays a sound. Called on the UI thread; must not
 * block.
 */
@FunctionalInterface
public interface MessageNotifier {
    /**
     * @param fromName the sender's name as the contact list shows it
     * @param preview the start of the text (or a sentence saying the message could not be opened)
     * @param peerUserId the conversation to open when the user clicks the notification
     */
    void newMessage(String fromName, String preview, String peerUserId);
}
