package dev.confab.server.chat;

import dev.confab.protocol.Fields;
import dev.confab.protocol.rest.InboxAck;
import dev.confab.protocol.rest.ReadReceiptRequest;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;

/** REST routes of chat: send, read receipts, history, inbox. Stateless. */
public final class ChatRoutes {
    private ChatRoutes() {}

    public static void addTo(Api api, ChatService chat) {
        api.post("/api/v1/messages", (ctx, p) -> {
            ChatService.Sent sent = chat.send(p, Http.body(ctx, SendMessageRequest.class));
            Http.json(ctx, sent.created() ? 201 : 200, sent.response());
        });
        api.post("/api/v1/messages/read", (ctx, p) -> {
            chat.read(p, Http.body(ctx, ReadReceiptRequest.class).messageIds());
            Http.noContent(ctx);
        });
        api.get("/api/v1/conversations/{userId}/messages", (ctx, p) -> {
            String before = ctx.queryParam("before");
            if (before != null) {
                Fields.bounded(before, "before", 512);
            }
            Http.ok(ctx, chat.history(p, Http.idParam(ctx, "userId"), before,
                    Http.queryInt(ctx, "limit", 1, 100, 50)));
        });
        api.get("/api/v1/inbox", (ctx, p) -> Http.ok(ctx, chat.inbox(p, Http.queryInt(ctx, "limit", 1, 500, 100))));
        api.post("/api/v1/inbox/ack", (ctx, p) -> {
            chat.ack(p, Http.body(ctx, InboxAck.class).upToSeq());
            Http.noContent(ctx);
        });
    }
}
