package org.broadsheet.instances;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.broadsheet.support.SiteInstance;
import org.jsoup.Connection.KeyVal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * One browser, as far as the site can tell: its own cookies (kept by hand, since the {@code prod} profile's
 * cookies are {@code Secure} and the instances speak plain HTTP on loopback), sent to whichever instance it asks,
 * and forms filled in the way a browser submits them (every field as the page has it, CSRF token included, with
 * the test's values in place of some).
 */
final class Visitor {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> cookies = new LinkedHashMap<>();

    Map<String, String> cookies() {
        return cookies;
    }

    /** A visitor with only this one of the cookies (another browser holding a copy of it). */
    Visitor withOnly(String name) {
        Visitor other = new Visitor();
        if (cookies.containsKey(name)) {
            other.cookies.put(name, cookies.get(name));
        }
        return other;
    }

    HttpResponse<String> get(SiteInstance site, String path) {
        return send(site, request(site, path).GET());
    }

    /** The page's document; fails unless it answered 200. */
    Document page(SiteInstance site, String path) {
        HttpResponse<String> response = get(site, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on " + site.name() + " answered " + response.statusCode()
                    + " " + response.headers().firstValue("Location").orElse(""));
        }
        return Jsoup.parse(response.body(), site.uri(path).toString());
    }

    /**
     * Fills the form the page at {@code path} holds ({@code selector}) and submits it to the same instance:
     * every value the page gives, with {@code values} in place of the fields they name (a list for several).
     */
    HttpResponse<String> submit(SiteInstance site, String path, String selector, Map<String, ?> values) {
        Document page = page(site, path);
        FormElement form = (FormElement) page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " in " + path + " on " + site.name() + ":\n" + page);
        }
        List<String[]> fields = new ArrayList<>();
        for (KeyVal field : form.formData()) {
            if (!values.containsKey(field.key())) {
                fields.add(new String[] { field.key(), field.value() });
            }
        }
        values.forEach((name, value) -> {
            Stream<?> each = value instanceof List<?> list ? list.stream() : Stream.of(value);
            each.forEach(one -> fields.add(new String[] { name, String.valueOf(one) }));
        });
        String body = fields.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"));
        URI action = URI.create(form.absUrl("action").isEmpty() ? site.uri(path).toString() : form.absUrl("action"));
        return send(site, request(site, action.getRawPath() + (action.getRawQuery() == null ? ""
                : "?" + action.getRawQuery())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens a stream (server-sent events) and hands back its lines as they come. */
    HttpResponse<Stream<String>> stream(SiteInstance site, String path) throws IOException, InterruptedException {
        HttpRequest request = request(site, path).header("Accept", "text/event-stream").GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest.Builder request(SiteInstance site, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(site.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(SiteInstance site, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean gone = value.isEmpty() || header.toLowerCase().contains("max-age=0");
                if (gone) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("Request to " + site.name() + " failed: " + e + "\n" + site.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
