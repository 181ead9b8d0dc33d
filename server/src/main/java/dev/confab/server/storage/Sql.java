package dev.confab.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes the repositories need: run a statement with parameters, map rows, read one. Parameters
 * may be String, Long, Integer, byte[] or {@link #NULL_BYTES}/{@link #NULL_TEXT} for typed nulls (PostgreSQL
 * needs the type). Stateless.
 */
public final class Sql {
    /** A null BYTEA parameter. */
    public static final Object NULL_BYTES = new Object();
    /** A null TEXT parameter. */
    public static final Object NULL_TEXT = new Object();

    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        }
    }

    /** Runs a query and maps every row. */
    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** Runs a query and maps the first row, if any. */
    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    /** Whether a query returns at least one row. */
    public static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> Boolean.TRUE, params).isPresent();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                int index = i + 1;
                switch (p) {
                    case null -> st.setNull(index, Types.VARCHAR);
                    case String s -> st.setString(index, s);
                    case Long l -> st.setLong(index, l);
                    case Integer n -> st.setInt(index, n);
                    case byte[] b -> st.setBytes(index, b);
                    default -> {
                        if (p == NULL_BYTES) {
                            st.setNull(index, Types.BINARY);
                        } else if (p == NULL_TEXT) {
                            st.setNull(index, Types.VARCHAR);
                        } else {
                            throw new IllegalArgumentException("Unsupported parameter type " + p.getClass());
                        }
                    }
                }
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }
}
