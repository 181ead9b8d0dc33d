package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceJvm;
import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.NetworkLabExtension;
import dev.confab.testkit.net.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server runs on the lab's public host, as it would on the internet: devices behind the NATs reach it at its
 * public address, and the test reaches it through a bridge into that host.
 */
class ServerInLabHostTest {
    @RegisterExtension
    final NetworkLabExtension labs = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));

    @Test
    void devicesBehindTheNatsAndTheTestReachTheServerOnThePublicHost() throws Exception {
        NetworkLab lab = labs.lab();
        Host server = lab.host("server");
        try (ServerProcess process = ServerProcess.builder()
                .inLabHost(server.namespace(), server.address().getHostAddress()).build().start();
                HttpClient http = HttpClient.newHttpClient()) {
            assertThat(process.labUrl()).isEqualTo("http://" + server.address().getHostAddress() + ":"
                    + process.port());
            HttpResponse<Void> here = http.send(HttpRequest.newBuilder(URI.create(process.baseUrl() + "/health"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(here.statusCode()).isEqualTo(200);
            try (NamespaceJvm alice = NamespaceJvm.start(lab.host("alice").namespace(), LabHttpGetMain.class,
                    process.labUrl() + "/health")) {
                assertThat(alice.awaitLine(line -> true, Duration.ofSeconds(30))).isEqualTo("status 200");
            }
        }
    }
}
