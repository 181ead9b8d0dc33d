package dev.confab.testkit.net;

/** One end of a lab link: a network device in a namespace. An immutable value. */
public record LinkEnd(String namespace, String device) {}
