package pulse.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import pulse.model.PulseJson;

/** Events as a unit writes them on the topic: flat JSON objects. */
final class TestEvents {

    private TestEvents() {}

    static ObjectNode event(String type, String projectId) {
        ObjectNode node = PulseJson.mapper().createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("type", type);
        node.put("projectId", projectId);
        node.put("occurredOn", "2022-01-01");
        node.put("reportedAt", "2023-12-31T00:00:00Z");
        return node;
    }

    static ObjectNode registration(String projectId, String unit, String township, String area, String annualPlan) {
        ObjectNode node = event("ProjectRegistered", projectId);
        node.put("name", "项目" + projectId);
        node.put("area", area);
        node.put("township", township);
        node.put("unitId", unit);
        node.put("level", "COUNTY");
        node.put("totalInvestment", new BigDecimal(annualPlan).multiply(BigDecimal.valueOf(2)));
        node.put("year", 2022);
        node.put("annualPlan", new BigDecimal(annualPlan));
        return node;
    }

    static ObjectNode annualPlan(String projectId, int year, String annualPlan) {
        ObjectNode node = event("AnnualPlanSet", projectId);
        node.put("year", year);
        node.put("annualPlan", new BigDecimal(annualPlan));
        return node;
    }

    static ObjectNode withMonthlyPlan(ObjectNode registration, int... months) {
        ArrayNode plan = registration.putArray("monthlyPlan");
        for (int month : months) {
            plan.add(BigDecimal.valueOf(month));
        }
        return registration;
    }

    static ObjectNode withPlannedMilestones(ObjectNode registration, Map<String, String> milestones) {
        ObjectNode planned = registration.putObject("plannedMilestones");
        milestones.forEach(planned::put);
        return registration;
    }

    static ObjectNode investment(String projectId, String period, String amount) {
        ObjectNode node = event("InvestmentReported", projectId);
        node.put("period", period);
        node.put("amount", new BigDecimal(amount));
        return node;
    }

    static ObjectNode milestone(String projectId, String milestone, String date) {
        ObjectNode node = event("MilestoneReached", projectId);
        node.put("milestone", milestone);
        node.put("date", date);
        return node;
    }

    static ObjectNode suspension(String type, String projectId, String reason) {
        ObjectNode node = event(type, projectId);
        node.put("reason", reason);
        return node;
    }

    static ObjectNode issueRaised(String projectId, String issueId, String ownerUnit, String dueDate) {
        ObjectNode node = event("IssueRaised", projectId);
        node.put("issueId", issueId).put("kind", "LAND").put("text", "临时用地未批复").put("occurredOn", "2022-05-02");
        node.put("ownerUnit", ownerUnit).put("dueDate", dueDate);
        return node;
    }

    static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
