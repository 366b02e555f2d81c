package kr.chamyeo.governance.youthbudget;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/**
 * Mirrors budget-service's YOUTH cycles: adopted projects start with their budgeted amount, execution
 * reports fill in granted (교부) and spent (집행). Resident cycles are not the TF's business and are ignored.
 * Re-applying a report sets the same values again, so duplicates change nothing; an older report
 * (earlier reportedOn) than the stored one is ignored.
 */
@ApplicationScoped
public class YouthBudgetHandler implements EventHandler {

    @Override
    public String topic() {
        return "budget.cycles";
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode d = event.data();
        if (!"YOUTH".equals(d.path("kind").asText())) {
            return;
        }
        String cycleId = d.path("cycleId").asText();
        switch (event.type()) {
            case "ProjectsAdopted" -> {
                for (JsonNode a : d.path("adopted")) {
                    YouthBudgetProject p = find(cycleId, a.path("proposalId").asText());
                    if (p == null) {
                        p = create(cycleId, a.path("proposalId").asText(), d);
                        p.title = a.path("title").asText();
                        p.budgeted = a.path("amount").asLong();
                        p.persist();
                    }
                }
            }
            case "ExecutionReported" -> {
                LocalDate reportedOn = d.hasNonNull("reportedOn") ? LocalDate.parse(d.get("reportedOn").asText()) : null;
                YouthBudgetProject p = find(cycleId, d.path("proposalId").asText());
                if (p == null) {
                    p = create(cycleId, d.path("proposalId").asText(), d);
                    p.persist();
                } else if (p.reportedOn != null && reportedOn != null && reportedOn.isBefore(p.reportedOn)) {
                    return;
                }
                p.title = d.path("title").asText(p.title);
                p.budgeted = d.path("budgeted").asLong(p.budgeted);
                p.granted = d.hasNonNull("granted") ? d.get("granted").asLong() : p.granted;
                p.spent = d.hasNonNull("spent") ? d.get("spent").asLong() : p.spent;
                p.status = d.hasNonNull("status") ? d.get("status").asText() : p.status;
                p.reportedOn = reportedOn;
            }
            default -> {
            }
        }
    }

    private static YouthBudgetProject find(String cycleId, String proposalId) {
        return YouthBudgetProject.findById(new YouthBudgetProject.Key(cycleId, proposalId));
    }

    private static YouthBudgetProject create(String cycleId, String proposalId, JsonNode d) {
        YouthBudgetProject p = new YouthBudgetProject();
        p.cycleId = cycleId;
        p.proposalId = proposalId;
        p.district = d.path("district").asText();
        p.fiscalYear = d.path("fiscalYear").asInt();
        p.title = "";
        return p;
    }
}
