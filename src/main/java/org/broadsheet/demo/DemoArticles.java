package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.article.ArticleType;
import org.broadsheet.article.NewArticle;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.shared.Slugs;

/**
 * The demo articles, read with plain Java from {@code classpath:demo/articles.txt}.
 *
 * <p>Each article starts with a line {@code === article}, followed by {@code key: value} header lines, a line
 * {@code ---} and the Markdown body, which runs to the next {@code === article}. Dates in the header are either
 * relative to the moment the demo is loaded ({@code -2d 5h}, {@code +2d}, or {@code -22d @22:05} for that day at
 * 22:05 London time), fixed local times in Europe/London
 * ({@code 2021-05-06T17:24}) or {@code draft}. In the body, {@code {time +40m}} and {@code {weekday -1d}} print
 * the clock time or the day of the week at that offset from the article's publication, so that live blogs and
 * "on Tuesday" stay consistent with the dateline whatever the day the demo is started.
 */
final class DemoArticles {

    static final String RESOURCE = "demo/articles.txt";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int IMAGE_WIDTH = 1200;
    static final int IMAGE_HEIGHT = 675;
    static final int VIDEO_WIDTH = 640;
    static final int VIDEO_HEIGHT = 360;
    /** The widths of the demo pictures' versions, and of the video posters'. */
    static final int[] IMAGE_WIDTHS = { 480, 800, IMAGE_WIDTH };
    static final int[] POSTER_WIDTHS = { 480, VIDEO_WIDTH };

    private static final String START = "=== article";
    private static final String BODY = "---";
    private static final Pattern OFFSET_PART = Pattern.compile("(\\d+)([wdhm])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(time|weekday) ([^}]+)}");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private DemoArticles() {
    }

    /** When an article is (or is not) published. */
    sealed interface Timing {
        /** The publication instant given the moment the demo is loaded; null for a draft. */
        Instant at(Instant now);
    }

    record Draft() implements Timing {
        @Override
        public Instant at(Instant now) {
            return null;
        }
    }

    /** So long before or after the moment the demo is loaded, optionally at a set time of day in London. */
    record Relative(Duration offset, LocalTime timeOfDay) implements Timing {
        @Override
        public Instant at(Instant now) {
            Instant at = now.plus(offset);
            return timeOfDay == null ? at : at.atZone(LONDON).with(timeOfDay).toInstant();
        }
    }

    record Fixed(Instant instant) implements Timing {
        @Override
        public Instant at(Instant now) {
            return instant;
        }
    }

    /** One article of the demo file, as written there. */
    record DemoArticle(int line, String slug, String headline, String standfirst, ArticleType type,
            List<String> sections, List<String> authors, List<String> tags, Timing published, Duration updatedAfter,
            boolean commentsOpen, Lead lead, String body, String seoTitle, String seoDescription) {

        String primarySection() {
            return sections.get(0);
        }

        Instant publishedAt(Instant now) {
            return published.at(now);
        }

        Instant updatedAt(Instant now) {
            Instant at = publishedAt(now);
            return at == null || updatedAfter == null ? null : at.plus(updatedAfter);
        }

        /** The body with its time placeholders printed for a publication at this instant. */
        String bodyAt(Instant now) {
            Instant base = publishedAt(now) != null ? publishedAt(now) : now;
            Matcher m = PLACEHOLDER.matcher(body);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                var local = base.plus(offset(m.group(2), line)).atZone(LONDON);
                String text = m.group(1).equals("time") ? CLOCK.format(local)
                        : local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
                m.appendReplacement(out, Matcher.quoteReplacement(text));
            }
            m.appendTail(out);
            return out.toString();
        }

        NewArticle toCommand(Instant now) {
            return new NewArticle(slug, headline, standfirst, bodyAt(now), type, primarySection(),
                    sections.subList(1, sections.size()), authors, tags, lead, publishedAt(now), updatedAt(now),
                    commentsOpen, seoTitle, seoDescription);
        }
    }

    static List<DemoArticle> load() {
        try (InputStream in = DemoArticles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DemoArticle> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<DemoArticle> result = new ArrayList<>();
        int i = 0;
        while (i < lines.length && !lines[i].equals(START)) {
            i++;
        }
        while (i < lines.length) {
            int start = i + 1;
            i++;
            Map<String, String> header = new LinkedHashMap<>();
            while (i < lines.length && !lines[i].equals(BODY)) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 'key: value'");
                    }
                    header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
                i++;
            }
            if (i == lines.length) {
                throw new IllegalStateException(RESOURCE + ":" + start + ": no '---' before the body");
            }
            i++;
            StringBuilder body = new StringBuilder();
            while (i < lines.length && !lines[i].equals(START)) {
                body.append(lines[i]).append('\n');
                i++;
            }
            result.add(article(start, header, body.toString().strip()));
        }
        return List.copyOf(result);
    }

    private static DemoArticle article(int line, Map<String, String> h, String body) {
        String headline = required(h, "headline", line);
        String slug = h.containsKey("slug") ? h.get("slug") : Slugs.of(headline);
        List<String> sections = list(required(h, "sections", line));
        if (sections.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ":" + line + ": no section");
        }
        return new DemoArticle(line, slug, headline, required(h, "standfirst", line),
                ArticleType.valueOf(required(h, "type", line)), sections, list(required(h, "authors", line)),
                list(required(h, "tags", line)), timing(required(h, "published", line), line),
                h.containsKey("updated") ? offset(h.get("updated"), line) : null,
                !"closed".equals(h.getOrDefault("comments", "open")), lead(h, line), body, h.get("seo-title"),
                h.get("seo-description"));
    }

    private static Lead lead(Map<String, String> h, int line) {
        if (h.containsKey("image")) {
            String[] p = parts(h.get("image"), line);
            String base = "/images/demo/" + p[0];
            return new Lead("IMAGE", base + ".jpg", p[1], p[2], p[3], null, null, IMAGE_WIDTH, IMAGE_HEIGHT,
                    srcset(base, ".jpg", IMAGE_WIDTHS), srcset(base, ".webp", IMAGE_WIDTHS));
        }
        if (h.containsKey("video")) {
            String[] p = parts(h.get("video"), line);
            String base = "/media/demo/" + p[0];
            return new Lead("VIDEO", base + ".mp4", p[1], p[2], p[3], base + ".jpg", base + ".vtt", VIDEO_WIDTH,
                    VIDEO_HEIGHT, srcset(base, ".jpg", POSTER_WIDTHS), srcset(base, ".webp", POSTER_WIDTHS));
        }
        return null;
    }

    /**
     * The versions of a demo picture or poster beside it in {@code static/}: {@code name-480.jpg} and so on, the
     * widest being the picture itself ({@code name.jpg}), each also as {@code .webp}.
     */
    static String srcset(String base, String extension, int[] widths) {
        StringBuilder srcset = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            boolean widest = i == widths.length - 1;
            srcset.append(i == 0 ? "" : ", ").append(base).append(widest ? "" : "-" + widths[i]).append(extension)
                    .append(' ').append(widths[i]).append('w');
        }
        return srcset.toString();
    }

    /** name | alt | caption | credit */
    private static String[] parts(String value, int line) {
        String[] p = Arrays.stream(value.split("\\|")).map(String::strip).toArray(String[]::new);
        if (p.length != 4) {
            throw new IllegalStateException(RESOURCE + ":" + line + ": lead needs 'name | alt | caption | credit'");
        }
        return p;
    }

    private static Timing timing(String value, int line) {
        if (value.equals("draft")) {
            return new Draft();
        }
        if (value.startsWith("+") || value.startsWith("-")) {
            int at = value.indexOf('@');
            if (at < 0) {
                return new Relative(offset(value, line), null);
            }
            return new Relative(offset(value.substring(0, at), line),
                    LocalTime.parse(value.substring(at + 1).strip()));
        }
        return new Fixed(LocalDateTime.parse(value).atZone(LONDON).toInstant());
    }

    /** "-2d 5h 30m", "+2d", "+40m", "3h" (weeks, days, hours, minutes). */
    static Duration offset(String value, int line) {
        String v = value.strip();
        boolean negative = v.startsWith("-");
        if (negative || v.startsWith("+")) {
            v = v.substring(1).strip();
        }
        Duration total = Duration.ZERO;
        for (String part : v.split("\\s+")) {
            Matcher m = OFFSET_PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalStateException(RESOURCE + ":" + line + ": bad offset '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
        }
        return negative ? total.negated() : total;
    }

    private static String required(Map<String, String> h, String key, int line) {
        String value = h.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ":" + line + ": missing '" + key + "'");
        }
        return value;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
