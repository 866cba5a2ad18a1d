package pulse.server.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.HostInfo;
import pulse.model.ProjectView;
import pulse.model.PulseJson;
import pulse.server.kafka.StoreUnavailableException;
import pulse.server.security.PeerToken;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStateSerde;
import pulse.topology.Topics;

/** Asks another Pulse instance for what only it holds, through its internal endpoints. */
@Singleton
class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A peer asked to catch up first may wait for its stream thread up to {@link ProcessedPosition}'s 10 s. */
    private static final Duration CAUGHT_UP_TIMEOUT = Duration.ofSeconds(12);
    /** After a peer failed to answer, it is not asked again for this long: reads go to a standby at once. */
    private static final Duration BACK_OFF = Duration.ofSeconds(5);

    private static final ProjectStateSerde STATES = new ProjectStateSerde();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final PeerToken token;
    private final Map<HostInfo, Instant> silentUntil = new ConcurrentHashMap<>();

    PeerClient(PeerToken token) {
        this.token = token;
    }

    /**
     * The project from the instance that holds its {@code partition}; empty when that instance says it
     * has no such project. The partition goes with every read of one project: an instance that no
     * longer holds it (the group has just moved it) answers 503, where a look through the partitions
     * it still holds would answer a false 404.
     */
    Optional<ProjectView> project(HostInfo peer, String projectId, int partition, Integer year, boolean stale) {
        HttpResponse<String> response = get(peer, path(projectId, "", partition, stale)
                + (year == null ? "" : "&year=" + year));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response, new TypeReference<ProjectView>() {}, peer));
    }

    /** The project's state from the instance that holds it, in the store's own format; empty when it has none. */
    Optional<ProjectState> state(HostInfo peer, String projectId, int partition, boolean stale) {
        return state(peer, path(projectId, "/state", partition, stale), TIMEOUT);
    }

    /** The project's state once the peer has processed its partition as far as it was written (it waits up to 10 s). */
    Optional<ProjectState> stateOnceCaughtUp(HostInfo peer, String projectId, int partition) {
        return state(peer, path(projectId, "/state", partition, false) + "&caughtUp=true", CAUGHT_UP_TIMEOUT);
    }

    /** The internal path of one project's {@code what}, on its partition. */
    private static String path(String projectId, String what, int partition, boolean stale) {
        return "/api/internal/projects/" + encode(projectId) + what + "?partition=" + partition + "&stale=" + stale;
    }

    private Optional<ProjectState> state(HostInfo peer, String path, Duration timeout) {
        HttpResponse<byte[]> response = get(peer, path, HttpResponse.BodyHandlers.ofByteArray(), timeout);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new StoreUnavailableException("instance " + peer + " answered " + response.statusCode());
        }
        try {
            return Optional.of(STATES.deserializer().deserialize(Topics.EVENTS.name(), response.body()));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("instance " + peer + " answered a state it cannot be read: " + e.getMessage());
        }
    }

    List<JsonNode> history(HostInfo peer, String projectId, int partition, boolean stale) {
        return read(get(peer, path(projectId, "/history", partition, stale)),
                new TypeReference<List<JsonNode>>() {}, peer);
    }

    List<ProjectView> projects(HostInfo peer, ProjectFilter filter) {
        StringBuilder query = new StringBuilder("/api/internal/projects?year=" + filter.year() + "&");
        append(query, "area", filter.area() == null ? null : filter.area().name());
        append(query, "unit", filter.unit());
        append(query, "township", filter.township());
        append(query, "status", filter.status() == null ? null : filter.status().name());
        append(query, "light", filter.light() == null ? null : filter.light().name());
        append(query, "planned", filter.planned() == null ? null : filter.planned().toString());
        return read(get(peer, query.toString()), new TypeReference<List<ProjectView>>() {}, peer);
    }

    private HttpResponse<String> get(HostInfo peer, String path) {
        return get(peer, path, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), TIMEOUT);
    }

    private <T> HttpResponse<T> get(HostInfo peer, String path, HttpResponse.BodyHandler<T> body, Duration timeout) {
        if (peer.port() < 0) {   // Kafka Streams' HostInfo.unavailable(): that instance runs without an address
            throw new StoreUnavailableException("the instance holding this has no PULSE_ADVERTISED_ADDRESS; every"
                    + " instance of a cluster needs one");
        }
        Instant silent = silentUntil.get(peer);
        if (silent != null && Instant.now().isBefore(silent)) {
            throw new StoreUnavailableException("instance " + peer + " did not answer a moment ago");
        }
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path);
        try {
            HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", token.authorization()).GET().build(), body);
            silentUntil.remove(peer);
            return response;
        } catch (IOException e) {
            silentUntil.put(peer, Instant.now().plus(BACK_OFF));
            throw new StoreUnavailableException("instance " + peer + " does not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking " + peer);
        }
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type, HostInfo peer) {
        if (response.statusCode() != 200) {
            throw new StoreUnavailableException("instance " + peer + " answered " + response.statusCode());
        }
        try {
            return PulseJson.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new StoreUnavailableException("instance " + peer + " answered something unreadable");
        }
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(name).append('=').append(encode(value)).append('&');
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
