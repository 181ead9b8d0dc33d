package dev.confab.server.it;

/** The two databases the behaviour suite runs on. */
enum Db { SQLITE, POSTGRES }
