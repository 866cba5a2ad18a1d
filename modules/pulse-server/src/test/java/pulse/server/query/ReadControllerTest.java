package pulse.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import static pulse.server.web.ControllerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import pulse.model.Light;
import pulse.model.Warning;
import pulse.model.WorkArea;
import pulse.server.kafka.KafkaBacked;
import pulse.server.security.Role;
import pulse.server.web.ControllerClient;
import pulse.server.web.Listing;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;

/**
 * The read API's web layer alone, on a stubbed {@link QueryService} ({@code StubbedServices}): how paths and parameters are
 * read (and refused, naming the parameter), what a missing group or project answers, and how a
 * list is paged. What the figures are is the topology's business, tested with it.
 */
@MicronautTest
@Property(name = KafkaBacked.ENABLED, value = "false")
@Property(name = "pulse.security.jwt-secret", value = "a-signing-secret-for-the-controller-tests-only")
class ReadControllerTest {

    @Inject
    QueryService query;
    @Inject
    ControllerClient client;

    @BeforeEach
    void thisYear() {
        reset(query);
        when(query.year(isNull())).thenReturn(2022);
        when(query.year(anyInt())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void shouldRefuseADimensionItDoesNotKnowListingTheOnesItDoes() throws Exception {
        HttpResponse<String> answer = get("/api/totals/planet/火星");

        JsonNode error = refused(answer, 400, "dimension");
        assertThat(error.get("value").asText()).isEqualTo("\"planet\"");
        for (Dimension dimension : Dimension.values()) {
            assertThat(error.get("expected").asText()).contains(dimension.path());
        }
    }

    @Test
    void shouldAnswer404NamingTheGroupAndYearWhenAGroupHasNoProject() throws Exception {
        when(query.totals(any(GroupKey.class))).thenReturn(Optional.empty());

        HttpResponse<String> answer = get("/api/totals/unit/" + URLEncoder.encode("县气象局", StandardCharsets.UTF_8) + "?year=2023");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).get("message").asText()).contains("unit/县气象局", "2023");
        verify(query).totals(new GroupKey(2023, Dimension.UNIT, "县气象局"));
    }

    @Test
    void shouldFilterProjectsAsTheParametersSayAndRefuseAnUnknownLightNamingIt() throws Exception {
        when(query.projectList(any())).thenReturn(Listing.of(List.of()));

        HttpResponse<String> listed = get("/api/projects?area=URBAN&unit=" + URLEncoder.encode("县住建局", StandardCharsets.UTF_8)
                + "&township=&light=RED");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(json(listed).isArray()).isTrue();
        assertThat(listed.headers().firstValue("X-Total-Count")).contains("0");
        ArgumentCaptor<ProjectFilter> filter = ArgumentCaptor.forClass(ProjectFilter.class);
        verify(query).projectList(filter.capture());
        assertThat(filter.getValue()).isEqualTo(new ProjectFilter(2022, WorkArea.URBAN, "县住建局", null, null, Light.RED, null));

        reset(query);
        HttpResponse<String> purple = get("/api/projects?light=PURPLE");
        JsonNode error = refused(purple, 400, "light");
        assertThat(error.get("value").asText()).isEqualTo("\"PURPLE\"");
        assertThat(error.get("expected").asText()).contains("GREEN", "YELLOW", "RED");
        verify(query, never()).projectList(any());
    }

    @Test
    void shouldAnswer404NamingTheProjectWhenNoInstanceHoldsIt() throws Exception {
        when(query.locatedProject("TZ-404", null)).thenReturn(new Located<>(Optional.empty(), "localhost:8080"));

        HttpResponse<String> answer = get("/api/projects/TZ-404");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).get("message").asText()).contains("TZ-404", "POST /api/projects");
    }

    @Test
    void shouldPageAListWithItsTotalCountAndACursorToTheNextPage() throws Exception {
        List<OutlierLine> rows = IntStream.rangeClosed(1, 5).mapToObj(i -> new OutlierLine("TZ-" + i, "项目" + i,
                "县住建局", "2022-05", new BigDecimal("950.00"), new BigDecimal("100.00"), "设备集中到货")).toList();
        when(query.outliers(2022, null)).thenReturn(rows);

        HttpResponse<String> first = get("/api/outliers?limit=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).findValuesAsText("projectId")).containsExactly("TZ-1", "TZ-2");
        assertThat(first.headers().firstValue("X-Total-Count")).contains("5");
        String cursor = first.headers().firstValue("X-Next-Cursor").orElseThrow();

        HttpResponse<String> second = get("/api/outliers?limit=2&cursor=" + cursor);
        assertThat(json(second).findValuesAsText("projectId")).containsExactly("TZ-3", "TZ-4");

        JsonNode tooMany = refused(get("/api/outliers?limit=1001"), 400, "limit");
        assertThat(tooMany.get("value").asText()).isEqualTo("\"1001\"");
        refused(get("/api/outliers?cursor=not-a-cursor"), 400, "cursor");
        refused(get("/api/outliers?format=pdf"), 400, "format");
    }

    @Test
    void shouldMakeOnlyThePageAskedOfAListKnownByItsKeysAndGoOnAfterTheLastKeySeen() throws Exception {
        List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> "TZ-" + i).toList();
        List<List<String>> made = new java.util.ArrayList<>();
        // Between the two pages a project enters before the cursor's row, and every row's figures
        // change: only a cursor that names the last row's key goes on after TZ-2 (by row it would
        // not find TZ-2 again, and by position it would repeat it).
        when(query.warningList(any())).thenAnswer(call -> {
            List<String> keys = made.isEmpty() ? ids : java.util.stream.Stream.concat(java.util.stream.Stream.of("TZ-0"),
                    ids.stream()).toList();
            BigDecimal deviation = new BigDecimal("-" + (made.size() + 1));
            return Listing.keyed(keys, page -> {
                made.add(List.copyOf(page));
                return page.stream().map(id -> new Warning(id, "项目" + id, "县住建局", "城关镇", WorkArea.URBAN, Light.RED,
                        deviation, List.of("进度滞后"), List.of("Behind plan"))).toList();
            });
        });

        HttpResponse<String> first = get("/api/warnings?limit=2");
        assertThat(json(first).findValuesAsText("projectId")).containsExactly("TZ-1", "TZ-2");
        assertThat(first.headers().firstValue("X-Total-Count")).contains("5");
        HttpResponse<String> second = get("/api/warnings?limit=2&cursor=" + first.headers().firstValue("X-Next-Cursor").orElseThrow());
        assertThat(json(second).findValuesAsText("projectId")).containsExactly("TZ-3", "TZ-4");
        assertThat(second.headers().firstValue("X-Total-Count")).contains("6");
        // each page's rows were made from its own keys only
        assertThat(made).containsExactly(List.of("TZ-1", "TZ-2"), List.of("TZ-3", "TZ-4"));
    }

    private JsonNode refused(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = json(answer).get("errors").get(0);
        assertThat(error.get("field").asText()).as(answer.body()).isEqualTo(field);
        return error;
    }

    private HttpResponse<String> get(String path) {
        return client.get(path, client.token("screen", Role.VIEWER));
    }
}
