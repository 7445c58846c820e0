package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.servlet.ServletContext;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may send the site a large multipart body, over real HTTP with the real limits (200 MB a file): only a
 * session signed in as an editor, and only to the upload forms. Anyone else gets the 413 or 403 page before the
 * body is read: each test sends the headers and the first 1.5 MB of a 20 MB body, then waits for the answer
 * without sending the rest, which the site could not give if it read the body first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MultipartGateTests {

    private static final String PASSWORD = "harbour-wall-at-dusk";
    private static final String BOUNDARY = "----broadsheet-gate-boundary";
    private static final long ANNOUNCED = 20L * 1024 * 1024;
    /** More than the size kept in memory (1 MB): a part read this far would be in a temporary file. */
    private static final int SENT = 1_500_000;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServletContext servletContext;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/login", "/search", "/admin/articles/1/delete", "/account/profile" })
    void shouldRefuseALargeMultipartBodyToAnyOtherAddressWithoutReadingIt(String path) throws Exception {
        Answer answer = postWithoutTheRest(path, null, false);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.page().select("h1").text()).isEqualTo("File too large");
        assertThat(answer.uploadsOnDisk()).isZero();
    }

    @Test
    void shouldRefuseAMultipartBodyOfUnknownLengthToAnyOtherAddressWithoutReadingIt() throws Exception {
        Answer answer = postWithoutTheRest("/", null, true);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.page().select("h1").text()).isEqualTo("File too large");
    }

    @Test
    void shouldRefuseALargeMultipartBodyToAnyOtherAddressFromASignedInReaderToo() throws Exception {
        String session = signIn("gatereader", Role.READER);

        assertThat(postWithoutTheRest("/account/profile", session, false).status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/articles", "/admin/articles/12", "/admin/articles/preview",
            "/admin/articles/12/preview", "/admin/authors/new", "/admin/authors/3" })
    void shouldRefuseAnUploadWithoutAnEditorsSessionWithoutReadingIt(String path) throws Exception {
        Answer anonymous = postWithoutTheRest(path, null, false);
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.page().select("h1").text()).isEqualTo("Access denied");
        assertThat(anonymous.uploadsOnDisk()).isZero();

        assertThat(postWithoutTheRest(path, "JSESSIONID=no-such-session", false).status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseAnUploadFromAReaderOrModeratorWithoutReadingIt() throws Exception {
        assertThat(postWithoutTheRest("/admin/articles", signIn("gatereader2", Role.READER), true).status())
                .isEqualTo(403);
        assertThat(postWithoutTheRest("/admin/authors/new", signIn("gatemoderator", Role.MODERATOR), false)
                .status()).isEqualTo(403);
    }

    @Test
    void shouldStillLetSpringSecurityRefuseASmallMultipartPostWithoutItsToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(field("name", "value") + "--" + BOUNDARY + "--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldStoreAnEditorsUploadThroughTheRealForm() throws Exception {
        HttpClient editor = client();
        signIn(editor, "gateeditor", Role.EDITOR);
        String csrf = Jsoup.parse(get(editor, "/admin/authors/new").body()).select("main input[name=_csrf]")
                .attr("value");
        String body = field("_csrf", csrf) + field("name", "Gate Keeper") + field("slug", "gate-keeper")
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photoFile\"; filename=\"me.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        byte[] upload = concat(body.getBytes(StandardCharsets.ISO_8859_1), jpeg(),
                ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));

        HttpResponse<String> response = editor.send(HttpRequest.newBuilder(uri("/admin/authors/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/admin/authors"));
        assertThat(jdbc.queryForObject("select photo_url from author where slug = 'gate-keeper'", String.class))
                .matches("/media/[a-z2-7]{26}/480\\.jpg");
    }

    @Test
    void shouldReadAnEditorsLargeUploadToThePreviewAsToSave() throws Exception {
        HttpClient editor = client();
        signIn(editor, "gatepreviewer", Role.EDITOR);
        String csrf = Jsoup.parse(get(editor, "/admin/articles/new").body()).select("main input[name=_csrf]")
                .attr("value");
        String body = field("_csrf", csrf) + field("headline", "") + "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"padding\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "p".repeat(3 * 1024 * 1024) + "\r\n--" + BOUNDARY
                + "--\r\n";

        HttpResponse<String> response = editor.send(HttpRequest.newBuilder(uri("/admin/articles/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("read, then sent back for its missing headline").isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select("form.editor-form")).isNotEmpty();
    }

    @Test
    void shouldGateEveryHandlerThatTakesFiles(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers) {
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            boolean takesFiles = java.util.Arrays.stream(method.getMethodParameters()).anyMatch(parameter ->
                    org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(parameter.getParameterType()));
            if (takesFiles) {
                assertThat(method.hasMethodAnnotation(org.broadsheet.shared.web.UploadForm.class))
                        .as("%s is marked @UploadForm", mapping).isTrue();
            }
        });
    }

    /** What the site answered to the start of a 20 MB multipart body, and what it had on disk at that moment. */
    private record Answer(int status, Document page, long uploadsOnDisk) {
    }

    /**
     * Sends the headers (a Content-Length of 20 MB, or chunked) and the first 1.5 MB of the body, then reads the
     * answer without sending the rest. The socket times out if the site waits for the body.
     */
    private Answer postWithoutTheRest(String path, String cookie, boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nAccept: text/html\r\n")
                    .append("Content-Type: multipart/form-data; boundary=").append(BOUNDARY).append("\r\n");
            if (cookie != null) {
                head.append("Cookie: ").append(cookie).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + ANNOUNCED).append("\r\n\r\n");
            byte[] start = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n" + "x".repeat(SENT))
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(start);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            String html = new String(body(in, headers), StandardCharsets.UTF_8);
            // Still connected, the rest of the body unsent: nothing of it may be in a temporary file.
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), Jsoup.parse(html), uploadsOnDisk());
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        assertThat(headers.get("transfer-encoding")).isEqualTo("chunked");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0], 16); size > 0;
                size = Integer.parseInt(line(in).split(";")[0], 16)) {
            body.writeBytes(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Parts Tomcat has spooled to its temporary directory (the multipart location), named upload_*.tmp. */
    private long uploadsOnDisk() {
        File temp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        File[] uploads = temp.listFiles((dir, name) -> name.startsWith("upload_"));
        return uploads == null ? 0 : uploads.length;
    }

    private String signIn(String username, Role role) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        signIn(client, username, role);
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return "JSESSIONID=" + session.getValue();
    }

    private void signIn(HttpClient client, String username, Role role) throws Exception {
        accounts.createVerified(username, "Gate " + username, username + "@example.com", PASSWORD, EnumSet.of(role));
        String csrf = Jsoup.parse(get(client, "/login").body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD
                        + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
