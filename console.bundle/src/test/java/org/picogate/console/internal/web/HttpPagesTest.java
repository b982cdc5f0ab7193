package org.picogate.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.picogate.http.runtime.ConnectionDTO;
import org.picogate.http.runtime.HttpRuntime;
import org.picogate.http.runtime.HttpStats;
import org.picogate.http.runtime.RouteDTO;
import org.picogate.streams.ServerStats;
import org.picogate.streams.StreamState;
import org.picogate.streams.runtime.ClientStreamDTO;
import org.picogate.streams.runtime.ServerDTO;
import org.picogate.streams.runtime.StreamDTO;
import org.picogate.streams.runtime.StreamServiceRuntime;
import org.picogate.streams.runtime.StreamsSnapshot;

/**
 * The connections page rendered from its runtime services, each of which may be absent: the HTTP part, the stream
 * servers with their owners and connections, the client streams, and every value HTML-escaped.
 */
class HttpPagesTest {

    private static final HttpRuntime HTTP = new HttpRuntime() {
        @Override
        public List<RouteDTO> routes() {
            return List.of();
        }

        @Override
        public HttpStats stats() {
            return new HttpStats(List.of(), List.of(), new HttpStats.Connections(1, 9, 0, 100, 200));
        }

        @Override
        public List<ConnectionDTO> connections() {
            return List.of(new ConnectionDTO("127.0.0.1:50001", 8080, Duration.ofSeconds(2), 3,
                    ConnectionDTO.Phase.BUSY, 100, 200, false));
        }
    };

    private static final StreamsSnapshot SNAPSHOT = new StreamsSnapshot(
            List.of(new ServerDTO("mqtt <broker>", "org.example.mqtt", 42, "*:1883", 1883,
                    new ServerStats(1, 5, 2, 1, 700, 800),
                    List.of(new StreamDTO("192.0.2.7:40001", Duration.ofSeconds(75), StreamState.OUTPUT_SHUT, true,
                            70, 80))),
                    new ServerDTO("idle", "org.example.idle", 44, "127.0.0.1:7000", 7000,
                            new ServerStats(0, 0, 0, 0, 0, 0), List.of())),
            List.of(new ClientStreamDTO("org.example.<poller>", 43, new StreamDTO("[::1]:502",
                    Duration.ofMillis(250), StreamState.OPEN, false, 12, 34))));

    private static String page(HttpRuntime http, StreamServiceRuntime streams) throws Exception {
        Exchange x = new Exchange("127.0.0.1");
        x.path = "/console/connections";
        new HttpPages(() -> http, () -> streams, new Pages()).connections(x.request(), x.response(),
                new Caller(null, "127.0.0.1"));
        assertThat(x.status).isEqualTo(200);
        return x.body.toString();
    }

    @Test
    void streamServersShowTheirOwnerAddressCountersAndConnectionsAndClientStreamsTheirOwner() throws Exception {
        String page = page(HTTP, () -> SNAPSHOT);

        assertThat(page).contains("<td>127.0.0.1:50001</td><td>8080</td><td>no</td><td>busy</td>"); // HTTP, as before
        assertThat(page).contains("<tr><td>mqtt &lt;broker&gt;</td><td>org.example.mqtt [42]</td><td>*:1883</td>"
                + "<td>1</td><td>5</td>\n<td>2</td><td>1</td><td>700</td><td>800</td></tr>");
        assertThat(page).contains("<tr><td>idle</td><td>org.example.idle [44]</td><td>127.0.0.1:7000</td>");
        assertThat(page).contains("<tr><td>mqtt &lt;broker&gt;</td><td>1883</td><td>192.0.2.7:40001</td><td>yes</td>"
                + "<td>output shut</td>\n<td>1m15s</td><td>70</td><td>80</td></tr>");
        assertThat(page).contains("<tr><td>org.example.&lt;poller&gt; [43]</td><td>[::1]:502</td><td>no</td>"
                + "<td>open</td>\n<td>250ms</td><td>12</td><td>34</td></tr>");
        assertThat(page).doesNotContain("<broker>").doesNotContain("<poller>").doesNotContain("not there");
        assertThat(page).containsSubsequence("id=\"connections-live\"", "id=\"http-connections\"",
                "id=\"stream-servers\"", "id=\"stream-connection-list\"", "id=\"client-streams\"", "</div>");
    }

    @Test
    void withoutTheStreamsRuntimeServiceTheHttpPartStaysAndThePageSaysSo() throws Exception {
        String page = page(HTTP, null);

        assertThat(page).contains("<td>127.0.0.1:50001</td><td>8080</td>");
        assertThat(page).contains("The stream service's runtime service is not there");
        assertThat(page).doesNotContain("id=\"stream-servers\"").doesNotContain("id=\"client-streams\"")
                .doesNotContain("The HTTP server's runtime service is not there");
    }

    @Test
    void withoutTheHttpRuntimeServiceTheStreamsPartStaysAndThePageSaysSo() throws Exception {
        String page = page(null, () -> SNAPSHOT);

        assertThat(page).contains("The HTTP server's runtime service is not there");
        assertThat(page).doesNotContain("id=\"http-connections\"");
        assertThat(page).contains("<td>org.example.mqtt [42]</td>").contains("<td>[::1]:502</td>")
                .doesNotContain("The stream service's runtime service is not there");
    }

    @Test
    void withoutEitherServiceThePageStillAnswersSayingSoTwice() throws Exception {
        String page = page(null, null);

        assertThat(page).contains("The HTTP server's runtime service is not there")
                .contains("The stream service's runtime service is not there").contains("id=\"connections-live\"");
    }

    @Test
    void nothingOpenGivesEmptyTables() throws Exception {
        String page = page(HTTP, () -> StreamsSnapshot.EMPTY);

        assertThat(page).contains("<table id=\"stream-servers\">").contains("<table id=\"client-streams\">")
                .doesNotContain("org.example.");
    }
}
