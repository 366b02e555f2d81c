package kr.chamyeo.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** Tells an unreachable database (retry later: 503, or wait) apart from a real error. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
                    || t.getClass().getName().startsWith("io.agroal")) {
                return true;
            }
        }
        return false;
    }
}
