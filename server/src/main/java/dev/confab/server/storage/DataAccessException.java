package dev.confab.server.storage;

import java.sql.SQLException;

/**
 * A database failure the caller cannot fix; answered {@code 500 internal_error} or {@code 503 unavailable}. Thrown
 * on the thread that ran the work; like any exception, safe to hand to another thread once thrown.
 */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps a JDBC failure, keeping unique-key violations apart so repositories can turn them into 409s. */
    public static DataAccessException of(SQLException e) {
        return isUniqueViolation(e) ? new UniqueViolation(e) : new DataAccessException(e.getMessage(), e);
    }

    private static boolean isUniqueViolation(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == 19 && (message.contains("UNIQUE") || message.contains("PRIMARY KEY"));
    }

    /** An insert collided with an existing row of the same key. */
    public static final class UniqueViolation extends DataAccessException {
        UniqueViolation(SQLException cause) {
            super("unique key violated", cause);
        }
    }
}
