package kr.chamyeo.platform.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

@ApplicationScoped
public class ProbeHandler implements EventHandler {

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return "probe.effects";
    }

    /** Markers whose effect fails for now, as a handler does until a bug is mended. */
    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> producers() {
        return Set.of("/chamyeo/test");
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        return !event.data().path("marker").asText().startsWith("elsewhere");
    }

    @Override
    public void handle(ReceivedEvent event) {
        String marker = event.data().path("marker").asText();
        if (marker.startsWith("poison") || FAILING.contains(marker)) {
            throw new IllegalArgumentException("poison event");
        }
        em.createNativeQuery("insert into probe_effect (marker) values (?1)").setParameter(1, marker).executeUpdate();
    }
}
