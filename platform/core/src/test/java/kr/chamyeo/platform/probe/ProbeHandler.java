package kr.chamyeo.platform.probe;

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

    @Override
    public boolean concerns(ReceivedEvent event) {
        return !event.data().path("marker").asText().startsWith("elsewhere");
    }

    @Override
    public void handle(ReceivedEvent event) {
        String marker = event.data().path("marker").asText();
        if (marker.startsWith("poison")) {
            throw new IllegalArgumentException("poison event");
        }
        em.createNativeQuery("insert into probe_effect (marker) values (?1)").setParameter(1, marker).executeUpdate();
    }
}
