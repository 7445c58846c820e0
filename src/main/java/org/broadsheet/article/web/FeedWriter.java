package org.broadsheet.article.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.SitemapEntry;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the machine-readable documents: RSS 2.0 feeds, sitemaps, the Google News sitemap and robots.txt.
 * All XML goes through a StAX writer, so every headline is escaped however odd its characters; all links are
 * absolute.
 */
final class FeedWriter {

    static final String RSS_LANGUAGE = "en-gb";
    static final String NEWS_LANGUAGE = "en";
    static final String SITEMAP_PATH = "/sitemap.xml";
    static final String NEWS_SITEMAP_PATH = "/news-sitemap.xml";
    static final String PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";
    static final List<String> DISALLOWED = List.of("/admin/", "/account/", "/search");

    private static final String ENCODING = "UTF-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final SiteProperties site;
    private final SiteAddress address;

    FeedWriter(SiteProperties site, SiteAddress address) {
        this.site = site;
        this.address = address;
    }

    /** What an RSS channel says about itself; {@code link} and {@code selfPath} are site paths. */
    record Channel(String title, String link, String description, String selfPath) {
    }

    byte[] rss(Channel channel, List<ArticleCard> items, Instant builtAt) {
        return xml(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM);
            xml.writeNamespace("dc", DC);
            xml.writeStartElement("channel");
            element(xml, "title", channel.title());
            element(xml, "link", address.absolute(channel.link()));
            element(xml, "description", HtmlUtils.htmlEscape(channel.description(), "UTF-8"));
            element(xml, "language", RSS_LANGUAGE);
            element(xml, "lastBuildDate", rfc1123(builtAt));
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", address.absolute(channel.selfPath()));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (ArticleCard card : items) {
                item(xml, card);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private void item(XMLStreamWriter xml, ArticleCard card) throws XMLStreamException {
        String link = address.absolute(card.url());
        xml.writeStartElement("item");
        element(xml, "title", card.headline());
        element(xml, "link", link);
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "true");
        text(xml, link);
        xml.writeEndElement();
        // RSS readers show a description as HTML; a standfirst is plain text, so it is escaped for HTML first
        // (and then, like everything here, for XML).
        element(xml, "description", HtmlUtils.htmlEscape(card.standfirst(), "UTF-8"));
        if (card.published() != null) {
            element(xml, "pubDate", rfc1123(OffsetDateTime.parse(card.published().iso()).toInstant()));
        }
        for (AuthorLink author : card.authors()) {
            xml.writeStartElement("dc", "creator", DC);
            text(xml, author.name());
            xml.writeEndElement();
        }
        if (card.section() != null) {
            element(xml, "category", card.section().name());
        }
        xml.writeEndElement();
    }

    /** The path of a month's sitemap: {@code /sitemaps/2021-05.xml}. */
    static String monthPath(YearMonth month) {
        return "/sitemaps/" + month + ".xml";
    }

    /** A sitemap index of these sitemaps (site paths); without {@code lastmod}, which is optional. */
    byte[] sitemapIndex(List<String> paths) {
        return xml(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP);
            locations(xml, "sitemap", paths);
            xml.writeEndElement();
        });
    }

    /** A sitemap of these pages (site paths, no date) and articles (each with its last change). */
    byte[] sitemap(List<String> pagePaths, List<SitemapEntry> articles) {
        return xml(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            locations(xml, "url", pagePaths);
            for (SitemapEntry entry : articles) {
                xml.writeStartElement("url");
                element(xml, "loc", address.absolute(entry.path()));
                if (entry.lastModified() != null) {
                    element(xml, "lastmod", w3c(entry.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** One {@code element} holding only its absolute {@code loc} for each site path. */
    private void locations(XMLStreamWriter xml, String element, List<String> paths) throws XMLStreamException {
        for (String path : paths) {
            xml.writeStartElement(element);
            element(xml, "loc", address.absolute(path));
            xml.writeEndElement();
        }
    }

    byte[] newsSitemap(List<SitemapEntry> articles) {
        return xml(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (SitemapEntry entry : articles) {
                xml.writeStartElement("url");
                element(xml, "loc", address.absolute(entry.path()));
                xml.writeStartElement("news", "news", NEWS);
                xml.writeStartElement("news", "publication", NEWS);
                newsElement(xml, "name", site.name());
                newsElement(xml, "language", NEWS_LANGUAGE);
                xml.writeEndElement();
                newsElement(xml, "publication_date", w3c(entry.publishedAt()));
                newsElement(xml, "title", entry.title());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    byte[] robots() {
        StringBuilder text = new StringBuilder("User-agent: *\nAllow: /\n");
        DISALLOWED.forEach(path -> text.append("Disallow: ").append(path).append('\n'));
        text.append('\n')
                .append("Sitemap: ").append(address.absolute(SITEMAP_PATH)).append('\n')
                .append("Sitemap: ").append(address.absolute(NEWS_SITEMAP_PATH)).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- helpers

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] xml(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, ENCODING);
            xml.writeStartDocument(ENCODING, "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        text(xml, value);
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS);
        text(xml, value);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeCharacters(xmlSafe(value));
        }
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
    static String xmlSafe(String value) {
        StringBuilder safe = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (safe != null) {
                    safe.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && safe == null) {
                safe = new StringBuilder(value.length()).append(value, 0, i);
            } else if (ok && safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? value : safe.toString();
    }

    static String rfc1123(Instant instant) {
        return RFC_1123.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String w3c(Instant instant) {
        return W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
