package dev.confab.protocol.inbox;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something waiting for one device in the server's store-and-forward inbox: a sealed message or a receipt.
 * Items are delivered in order and kept until the device acknowledges them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InboxMessage.class, name = "message"),
    @JsonSubTypes.Type(value = InboxReceipt.class, name = "receipt")
})
public sealed interface InboxItem permits InboxMessage, InboxReceipt {}
