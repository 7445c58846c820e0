package org.broadsheet.generator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A reader's browser without a browser: cookies, the CSRF token of the last page, forms posted, no redirects followed. */
final class SiteClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    SiteClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in with the sign-in form; the answer is the redirect after it. */
    HttpResponse<String> signIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    HttpResponse<String> postComment(long articleId, String text) {
        return post("/articles/" + articleId + "/comments", Map.of("text", text, "key", UUID.randomUUID().toString()));
    }

    /** The article's current address, from the redirect its slug under any old address answers with. */
    String articlePath(String slug) {
        HttpResponse<String> moved = get("/news/2000/01/01/" + slug);
        if (moved.statusCode() != 301) {
            throw new IllegalStateException("/news/2000/01/01/" + slug + " answered " + moved.statusCode());
        }
        return URI.create(base).resolve(moved.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
