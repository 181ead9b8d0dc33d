package dev.confab.client.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the client's logs to a file (the CLI's {@code confab.log} in the profile directory, the desktop app's beside
 * its profiles), never to the terminal: people see one sentence per problem, the log keeps the details. Thread-safe
 * (each method holds the class's lock); called once per command or app start.
 */
public final class LogFiles {
    private static final String APPENDER = "confab-profile-log";
    /** Held so the JDK keeps the level: OkHttp warns through java.util.logging, which prints to the terminal. */
    private static final java.util.logging.Logger OKHTTP = java.util.logging.Logger.getLogger("okhttp3");

    private LogFiles() {}

    /** For the real process: nothing on the terminal from any library, whatever logback found on the classpath. */
    public static synchronized void quietConsole() {
        OKHTTP.setLevel(java.util.logging.Level.OFF);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.setLevel(Level.OFF);
        }
    }

    /** Appends Confab's own INFO and above to {@code file}. */
    public static synchronized void toFile(Path file) {
        OKHTTP.setLevel(java.util.logging.Level.OFF);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger logger = context.getLogger("dev.confab");
        if (logger.getAppender(APPENDER) instanceof FileAppender<ILoggingEvent> existing
                && existing.getFile().equals(file.toString())) {
            return;
        }
        ch.qos.logback.core.Appender<ILoggingEvent> previous = logger.getAppender(APPENDER);
        if (previous != null) {
            logger.detachAppender(previous);
            previous.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }
}
