package kr.chamyeo.platform.config;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Unremovable;

/**
 * Production has no database password of its own (issue 23): a service's application.properties sets
 * {@code quarkus.datasource.password=${QUARKUS_DATASOURCE_PASSWORD}} (and Flyway's) outside the dev and test profiles.
 * Quarkus reads those properties as optional, so an unset variable would surface only as PostgreSQL's "no password
 * was provided"; required here, they stop the start before any connection, naming the variable to set.
 */
@Singleton
@Unremovable
public class DatabasePasswords {

    @ConfigProperty(name = "quarkus.datasource.password")
    String datasource;

    @ConfigProperty(name = "quarkus.flyway.password")
    String flyway;
}
