package pulse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import static pulse.server.web.ControllerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaUnavailableException;
import pulse.server.security.Account;
import pulse.server.security.Accounts;
import pulse.server.security.Role;
import pulse.server.security.Sender;
import pulse.server.web.ControllerClient;
import pulse.server.web.ProjectNotFoundException;

/**
 * The write API's web layer alone: no broker, no topology. The ingest service and the accounts are
 * stubbed; what is real is the routing, the security (tokens signed and checked as in production),
 * the reading of bodies and paths, and the answers Pulse gives for what the service refuses. Each
 * test checks the event the controller hands the service, or that a refused request hands it nothing.
 */
@MicronautTest
@Property(name = KafkaBacked.ENABLED, value = "false")
@Property(name = "pulse.security.jwt-secret", value = WriteControllerTest.SECRET)
class WriteControllerTest {

    static final String SECRET = "a-signing-secret-for-the-controller-tests-only";
    private static final Account UNIT = new Account("zhujian", "hash", Role.UNIT, "县住建局", "admin", Instant.EPOCH);
    private static final Account ADMIN = new Account("office", "hash", Role.ADMIN, null, "admin", Instant.EPOCH);
    private static final Account VIEWER = new Account("screen", "hash", Role.VIEWER, null, "admin", Instant.EPOCH);
    private static final Accepted ACCEPTED = new Accepted(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "InvestmentReported", "TZ-1", 2, 41);

    @Inject
    IngestService ingest;
    @Inject
    Accounts accounts;
    @Inject
    ControllerClient client;

    @BeforeEach
    void threeAccountsAndAServiceThatAccepts() {
        reset(ingest, accounts);
        for (Account account : List.of(UNIT, ADMIN, VIEWER)) {
            when(accounts.find(account.username())).thenReturn(Optional.of(account));
        }
        when(ingest.submit(any(), any())).thenReturn(ACCEPTED);
    }

    @Test
    void shouldHandTheServiceAReportWithItsProjectAndPeriodFromThePathAndTheSendersAccount() throws Exception {
        HttpResponse<String> answer = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":88.80}", token(UNIT), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("eventId").asText()).isEqualTo(ACCEPTED.eventId().toString());
        assertThat(json(answer).get("offset").asLong()).isEqualTo(41);
        JsonNode event = submitted(new Sender("zhujian", Role.UNIT, "县住建局"));
        assertThat(event.get("type").asText()).isEqualTo("InvestmentReported");
        assertThat(event.get("projectId").asText()).isEqualTo("TZ-1");
        assertThat(event.get("period").asText()).isEqualTo("2022-05");
        assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("88.80");
    }

    @Test
    void shouldAnswerARegistrationWith201AndTheProjectsAddress() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/projects", "{\"projectId\":\"TZ-1\",\"name\":\"城南污水处理厂\"}", token(ADMIN), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).contains("/api/projects/TZ-1");
        JsonNode event = submitted(new Sender("office", Role.ADMIN, null));
        assertThat(event.get("type").asText()).isEqualTo("ProjectRegistered");
        assertThat(event.get("name").asText()).isEqualTo("城南污水处理厂");
    }

    @Test
    void shouldPassAPlanYearAsANumberAndAnythingElseAsTextForTheValidationToName() throws Exception {
        send("PUT", "/api/projects/TZ-1/plans/2023", "{\"annualPlan\":3800.00}", token(ADMIN), null);
        JsonNode numbered = submitted(new Sender("office", Role.ADMIN, null));
        assertThat(numbered.get("year").isInt()).isTrue();
        assertThat(numbered.get("year").asInt()).isEqualTo(2023);

        clearInvocations(ingest);
        send("PUT", "/api/projects/TZ-1/plans/next", "{\"annualPlan\":3800.00}", token(ADMIN), null);
        JsonNode named = submitted(new Sender("office", Role.ADMIN, null));
        assertThat(named.get("year").isTextual()).isTrue();
        assertThat(named.get("year").asText()).isEqualTo("next");
        assertThat(named.get("type").asText()).isEqualTo("AnnualPlanSet");
    }

    @Test
    void shouldTakeTheMilestoneFromThePath() throws Exception {
        send("PUT", "/api/projects/TZ-1/milestones/STARTED", "{\"date\":\"2022-03-18\"}", token(UNIT), null);

        JsonNode event = submitted(new Sender("zhujian", Role.UNIT, "县住建局"));
        assertThat(event.get("type").asText()).isEqualTo("MilestoneReached");
        assertThat(event.get("milestone").asText()).isEqualTo("STARTED");
        assertThat(event.get("date").asText()).isEqualTo("2022-03-18");
    }

    /** Bodies that are not one JSON object: refused naming {@code body}, and the service is never asked. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"amount\":", "[1,2]", "", "\"text\"", "NESTED"})
    void shouldRefuseABodyThatIsNotOneJsonObjectNamingTheBody(String body) throws Exception {
        String sent = body.equals("NESTED") ? "[".repeat(100_000) + "]".repeat(100_000) : body;

        HttpResponse<String> answer = send("PUT", "/api/projects/TZ-1/investments/2022-05", sent, token(UNIT), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode error = json(answer).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("expected").asText()).isNotBlank();
        assertThat(json(answer).get("message").asText()).startsWith("输入有误");
        verifyNoInteractions(ingest);
    }

    @Test
    void shouldAnswerWhatTheServiceRefusesInPulsesErrorShapeAndTheRequestsLanguage() throws Exception {
        when(ingest.submit(any(), any())).thenThrow(new InvalidInputException(
                new FieldError("amount", "12.345", Text.of("json.object"))));

        HttpResponse<String> chinese = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":12.345}", token(UNIT), null);
        HttpResponse<String> english = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":12.345}", token(UNIT), "en");

        assertThat(chinese.statusCode()).isEqualTo(400);
        JsonNode error = json(chinese).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("amount");
        assertThat(error.get("value").asText()).isEqualTo("12.345");
        assertThat(error.get("expected").asText()).isEqualTo("JSON 对象");
        assertThat(json(chinese).get("message").asText()).contains("amount", "12.345");
        assertThat(json(english).get("errors").get(0).get("expected").asText()).isEqualTo("a JSON object");
    }

    @Test
    void shouldAnswer404ForAnUnknownProjectAnd503WithRetryAfterWhenKafkaDidNotAcknowledge() throws Exception {
        when(ingest.submit(any(), any())).thenThrow(new ProjectNotFoundException("NOPE"));
        HttpResponse<String> notFound = send("PUT", "/api/projects/NOPE/investments/2022-05", "{\"amount\":1}", token(UNIT), null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound).get("message").asText()).contains("NOPE", "POST /api/projects");

        reset(ingest);
        when(ingest.submit(any(), any())).thenThrow(new KafkaUnavailableException("no broker answered in 30 s", null));
        HttpResponse<String> unavailable = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":1}", token(UNIT), null);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("5");
        assertThat(json(unavailable).get("message").asText()).contains("Kafka", "no broker answered in 30 s");
    }

    @Test
    void shouldRefuseAWriteWithoutAValidTokenAndHandTheServiceNothing() throws Exception {
        String path = "/api/projects/TZ-1/investments/2022-05";
        Map<String, String> tokensAndWords = Map.of(
                "", "POST /login",
                signed(SECRET, Instant.now().minusSeconds(60)), "过期",
                signed("not-the-secret-of-this-server-but-long-enough", Instant.now().plusSeconds(600)), "非本系统签发",
                new PlainJWT(claims(Instant.now().plusSeconds(600))).serialize(), "非本系统签发");

        for (Map.Entry<String, String> sent : tokensAndWords.entrySet()) {
            HttpResponse<String> answer = send("PUT", path, "{\"amount\":1.00}", sent.getKey().isEmpty() ? null : sent.getKey(), null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(json(answer).get("message").asText()).as(answer.body()).contains(sent.getValue(), "PUT " + path);
        }
        verifyNoInteractions(ingest);
    }

    @Test
    void shouldRefuseAViewerAndADeletedAccountNamingWhoWasRefused() throws Exception {
        HttpResponse<String> viewer = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":1.00}", token(VIEWER), null);
        assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(403);
        assertThat(json(viewer).get("message").asText()).contains("screen", "viewer");

        String deletedToken = token(UNIT);
        when(accounts.find("zhujian")).thenReturn(Optional.empty());
        HttpResponse<String> deleted = send("PUT", "/api/projects/TZ-1/investments/2022-05", "{\"amount\":1.00}", deletedToken, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(403);
        assertThat(json(deleted).get("errors").get(0).get("field").asText()).isEqualTo("account");
        assertThat(json(deleted).get("errors").get(0).get("value").asText()).isEqualTo("\"zhujian\"");
        verifyNoInteractions(ingest);
    }

    private JsonNode submitted(Sender sender) {
        ArgumentCaptor<JsonNode> event = ArgumentCaptor.forClass(JsonNode.class);
        verify(ingest).submit(event.capture(), org.mockito.ArgumentMatchers.eq(sender));
        return event.getValue();
    }

    private String token(Account account) {
        return client.token(account.username(), account.role());
    }

    private static JWTClaimsSet claims(Instant expires) {
        return new JWTClaimsSet.Builder().subject("office").claim("roles", List.of(Role.ADMIN))
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).build();
    }

    private static String signed(String secret, Instant expires) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(expires));
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String language) {
        return client.send(method, path, body, token, language);
    }
}
