package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In production the log is JSON, a line an object, with the request's id on each line of a request. The site is
 * started with the {@code prod} profile's own logging setting (read from its file, so that the two cannot drift
 * apart) on the tests' database.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

    private static final String FORMAT = "logging.structured.format.console";
    /** Where Boot's logging listener passes the format on to Logback's configuration. */
    private static final String FORMAT_PROPERTY = "CONSOLE_LOG_STRUCTURED_FORMAT";

    @Test
    void shouldLogJsonLinesWithTheRequestIdAsProductionDoes(CapturedOutput output) throws Exception {
        String format = prodSetting(FORMAT);
        assertThat(format).as("%s in application-prod.properties", FORMAT).isNotBlank();

        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // Another test's site, still open, set the logging up once for the whole JVM: this one sets it up again.
        logging.cleanUp();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BroadsheetApplication.class,
                LoggingPage.class).profiles("test").run("--server.port=0", "--management.server.port=0",
                        "--spring.main.banner-mode=off", "--" + FORMAT + "=" + format)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/test/json-logged"))
                    .header(RequestIds.HEADER, "json-request-5").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            // Plain lines again for the tests that follow in this JVM: Boot keeps the format as a system property,
            // which it sets only when absent (the prod profile started by another test may have set it too).
            System.clearProperty(FORMAT_PROPERTY);
            logging.cleanUp();
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        }

        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = output.getOut().lines().filter(line -> line.contains("json probe line")).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = json.readTree(lines.get(0));
        assertThat(line.path("message").asString()).isEqualTo("json probe line");
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("requestId").asString()).isEqualTo("json-request-5");
        // Not only the probe's line: everything the site logs once started is JSON.
        assertThat(output.getOut().lines().filter(text -> text.contains("Tomcat started on port")))
                .isNotEmpty().allSatisfy(text -> assertThat(json.readTree(text).path("message").asString())
                        .startsWith("Tomcat started on port"));
    }

    private static String prodSetting(String name) throws Exception {
        Properties prod = new Properties();
        try (InputStream in = new ClassPathResource("application-prod.properties").getInputStream()) {
            prod.load(in);
        }
        return prod.getProperty(name);
    }

    /** A page that logs one line, for this test only. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class LoggingPage {

        private static final Logger log = LoggerFactory.getLogger(LoggingPage.class);

        @GetMapping("/test/json-logged")
        String logged() {
            log.info("json probe line");
            return "logged";
        }
    }
}
