package org.broadsheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's nginx ({@code /usr/sbin/nginx}) running the documented {@code docs/nginx/broadsheet.conf} in a
 * directory of its own: the file's instance address, cache directory, ports and certificate swapped for the
 * test's (a self-signed certificate made with the JDK's keytool), everything else as written. Each swap must
 * find its text, so a change to the documented file that the test no longer understands fails here rather
 * than testing something else.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");
    public static final Path DOCUMENTED = Path.of("docs/nginx/broadsheet.conf");
    private static final String PASSWORD = "nginx-test";

    private final Path dir;
    private final int httpPort;
    private final int httpsPort;
    private final SSLContext trust;
    private Process process;

    private Nginx(Path dir, int httpPort, int httpsPort, SSLContext trust) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.trust = trust;
    }

    /** Why nginx cannot run here, if it cannot. */
    public static Optional<String> unavailableReason() {
        return Files.isExecutable(BINARY) ? Optional.empty()
                : Optional.of(BINARY + " not installed (apt-get install -y nginx)");
    }

    /** Writes the configuration, checks it with {@code nginx -t}, starts nginx and waits for its ports. */
    public static Nginx start(int upstreamPort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("broadsheet-nginx-");
        int http = freePort();
        int https = freePort();
        SSLContext trust = certificate(dir);
        Nginx nginx = new Nginx(dir, http, https, trust);
        Files.writeString(dir.resolve("broadsheet.conf"), nginx.site(Files.readString(DOCUMENTED), upstreamPort));
        Files.writeString(dir.resolve("nginx.conf"), nginx.main());
        Process check = nginx.command("-t").redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("nginx -t refused the configuration:\n" + checked);
        }
        nginx.process = nginx.command().redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        nginx.awaitPorts();
        return nginx;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** Trusts the certificate nginx presents (for 127.0.0.1 and localhost). */
    public SSLContext sslContext() {
        return trust;
    }

    public String errorLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The documented server blocks with the test's addresses: every swap must find what it replaces. */
    private String site(String documented, int upstreamPort) {
        Map<String, String> swaps = new LinkedHashMap<>();
        swaps.put("server 127.0.0.1:8080 ", "server 127.0.0.1:" + upstreamPort + " ");
        swaps.put("/var/cache/nginx/broadsheet", dir.resolve("cache").toString());
        swaps.put("    listen [::]:80;\n", "");
        swaps.put("    listen [::]:443 ssl http2;\n", "");
        swaps.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        swaps.put("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;");
        swaps.put("/etc/letsencrypt/live/news.example.com/fullchain.pem", dir.resolve("cert.pem").toString());
        swaps.put("/etc/letsencrypt/live/news.example.com/privkey.pem", dir.resolve("key.pem").toString());
        swaps.put("/var/www/letsencrypt", dir.resolve("acme").toString());
        swaps.put("return 301 https://$host$request_uri;", "return 301 https://$host:" + httpsPort + "$request_uri;");
        String site = documented;
        for (Map.Entry<String, String> swap : swaps.entrySet()) {
            if (!site.contains(swap.getKey())) {
                throw new IllegalStateException(DOCUMENTED + " no longer contains \"" + swap.getKey().strip()
                        + "\": update the swaps in " + Nginx.class.getName());
            }
            site = site.replace(swap.getKey(), swap.getValue());
        }
        return site;
    }

    /** What Debian's /etc/nginx/nginx.conf would wrap it in, with every file nginx writes inside {@link #dir}. */
    private String main() {
        String d = dir.toString();
        // As root (a CI container), nginx's workers would otherwise run as nobody, who cannot write to dir.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events {
                    worker_connections 256;
                }
                http {
                    include /etc/nginx/mime.types;
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/broadsheet.conf;
                }
                """.formatted(d);
    }

    private ProcessBuilder command(String... extra) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-p", dir + "/", "-c",
                dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    private void awaitPorts() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        for (int port : new int[] { httpPort, httpsPort }) {
            while (!answers(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("nginx did not start:\n" + errorLog());
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, as PEM for nginx, and a context that trusts it. */
    private static SSLContext certificate(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("tls.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "nginx", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
                "san=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed:\n" + output);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            Certificate certificate = keys.getCertificate("nginx");
            PrivateKey key = (PrivateKey) keys.getKey("nginx", PASSWORD.toCharArray());
            pem(dir.resolve("cert.pem"), "CERTIFICATE", certificate.getEncoded());
            pem(dir.resolve("key.pem"), "PRIVATE KEY", key.getEncoded());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("nginx", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pem(Path file, String type, byte[] der) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("-----BEGIN " + type + "-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der));
            out.write("\n-----END " + type + "-----\n");
        }
    }

    /**
     * Runs a test class only where nginx is installed; under {@code CI=true} a missing nginx fails it instead.
     * Use with {@code @ExtendWith(Nginx.Required.class)}.
     */
    public static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> problem = unavailableReason();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled(BINARY + " is installed");
            }
            if (CiMode.isCi()) {
                // An exception from a condition fails the test class instead of skipping it.
                throw new IllegalStateException(problem.get() + " and CI=true: failing instead of skipping nginx tests");
            }
            return ConditionEvaluationResult.disabled(problem.get() + ": skipping nginx tests");
        }
    }
}
