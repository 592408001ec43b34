package org.celltrial.common.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JsonJdbcType;

import io.vertx.core.json.JsonArray;

/**
 * A {@code jsonb} column holding an array, mapped to a list:
 * {@code @JdbcTypeCode(SqlTypes.JSON) @JdbcType(JsonArrayColumn.class) List<…>}. Hibernate Reactive's own JSON type
 * binds and reads JSON objects only (hibernate/hibernate-reactive#4156): the reactive PostgreSQL client takes and gives
 * a {@code jsonb} array as a Vert.x {@link JsonArray}. The list is written and read by the JSON format mapper
 * ({@link JsonColumns}), as every typed JSON column is.
 */
public class JsonArrayColumn extends JsonJdbcType {

    public JsonArrayColumn() {
        super(null);
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {

            @Override
            protected void doBind(PreparedStatement statement, X value, int index, WrapperOptions options)
                    throws SQLException {
                statement.setObject(index, array(value, options));
            }

            @Override
            protected void doBind(CallableStatement statement, X value, String name, WrapperOptions options)
                    throws SQLException {
                statement.setObject(name, array(value, options));
            }

            private JsonArray array(X value, WrapperOptions options) {
                return new JsonArray(JsonArrayColumn.this.toString(value, getJavaType(), options));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {

            @Override
            protected X doExtract(ResultSet rows, int index, WrapperOptions options) throws SQLException {
                return list(rows.getObject(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return list(statement.getObject(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return list(statement.getObject(name), options);
            }

            private X list(Object array, WrapperOptions options) throws SQLException {
                return array == null ? null
                        : JsonArrayColumn.this.fromString(((JsonArray) array).encode(), getJavaType(), options);
            }
        };
    }
}
