package dev.confab.server.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Run inside a lab host: GETs the URL in its argument and prints {@code status N}, or {@code failed <reason>}. */
public final class LabHttpGetMain {
    private LabHttpGetMain() {
    }

    public static void main(String[] args) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(args[0]))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            System.out.println("status " + response.statusCode());
        } catch (Exception e) {
            System.out.println("failed " + e);
        }
    }
}
