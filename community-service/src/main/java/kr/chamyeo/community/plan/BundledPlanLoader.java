package kr.chamyeo.community.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Imports the plans shipped with the service (the 2nd Seoul village community plan) unless already stored. */
@jakarta.enterprise.context.ApplicationScoped
public class BundledPlanLoader {

    private static final Logger LOG = Logger.getLogger(BundledPlanLoader.class);
    public static final String SECOND_PLAN = "plans/village-community-2018-2022.json";

    @Inject
    PlanService plans;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "chamyeo.community.load-bundled-plans", defaultValue = "true")
    boolean enabled;

    @Transactional
    void load(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        PlanDocument document = read(SECOND_PLAN, mapper);
        if (Plan.byCode(document.code()) == null) {
            plans.importPlan(document);
            LOG.infof("Imported bundled plan %s", document.code());
        }
    }

    public static PlanDocument read(String resource, ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return mapper.readValue(in, PlanDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
