package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.broadsheet.shared.VideoEmbeds;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the Markdown that editors write into HTML, then sanitizes it, once, when an article is saved.
 * Only the tags of ordinary article prose survive: no script, no style, no event handlers, no foreign frames
 * (the one frame is the player of an allowed video provider, for a paragraph that is only a link to the video).
 */
@Component
public class MarkdownRenderer {

    /**
     * Web, site-relative, fragment and mail addresses, and nothing a browser would read as another site's: no
     * {@code //host}, and no backslash, space or control character anywhere, since browsers take {@code /\host}
     * for {@code //host} and drop tabs and line breaks from addresses.
     */
    private static final Pattern HTTP_URL = Pattern.compile("^(https?://|/(?!/)|#|mailto:)[^\\\\\\s\\p{Cntrl}]*$",
            Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "em", "strong", "blockquote", "ul", "ol", "li", "code", "pre",
                    "hr", "br", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
                    "sup", "sub", "del")
            .allowAttributes("href").matching(HTTP_URL).onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("src").matching(HTTP_URL).onElements("img")
            .allowAttributes("alt", "width", "height").onElements("img")
            .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown.replace("\r\n", "\n");
        Node document = parser.parse(source);
        HeadingLevels levels = new HeadingLevels();
        document.accept(levels);
        document.accept(new HeadingShift(levels.shallowest));
        String plainText = text.render(document).strip();
        VideoParagraphs videos = new VideoParagraphs();
        document.accept(videos);
        String sanitized = POLICY.sanitize(html.render(document)).strip();
        // Wide tables scroll inside their own box rather than widening the page; the wrapper is ours, added
        // after sanitizing, so editors cannot add markup through it.
        String wrapped = sanitized.replace("<table>", "<div class=\"table-scroll\"><table>")
                .replace("</table>", "</table></div>");
        return new RenderedBody(source, videos.embed(wrapped), plainText);
    }

    /**
     * A paragraph of its own holding nothing but a link to a video on an allowed provider (bare, or as
     * {@code <https://...>}) becomes that provider's player. The paragraph is swapped for a marker that nobody
     * can guess before sanitizing, and the marker for the player after it: the sanitizer still admits no frame,
     * and the player's address is built by {@link VideoEmbeds} from the video's id alone.
     */
    private static final class VideoParagraphs extends AbstractVisitor {
        private final String nonce = UUID.randomUUID().toString().replace("-", "");
        private final List<String> players = new ArrayList<>();

        @Override
        public void visit(Paragraph paragraph) {
            Optional<String> player = paragraph.getParent() instanceof Document
                    ? VideoEmbeds.embedUrl(onlyLink(paragraph)) : Optional.empty();
            if (player.isEmpty()) {
                visitChildren(paragraph);
                return;
            }
            while (paragraph.getFirstChild() != null) {
                paragraph.getFirstChild().unlink();
            }
            paragraph.appendChild(new Text(marker(players.size())));
            players.add(player.get());
        }

        /** The link a paragraph consists of, or null when it holds anything else. */
        private static String onlyLink(Paragraph paragraph) {
            Node first = paragraph.getFirstChild();
            if (first instanceof Link link && link.getNext() == null && link.getFirstChild() instanceof Text label
                    && label.getNext() == null && label.getLiteral().equals(link.getDestination())) {
                return link.getDestination();
            }
            StringBuilder text = new StringBuilder();
            for (Node node = first; node != null; node = node.getNext()) {
                if (!(node instanceof Text part)) {
                    return null;
                }
                text.append(part.getLiteral());
            }
            return text.toString().strip();
        }

        private String marker(int index) {
            return "video-" + nonce + "-" + index;
        }

        String embed(String html) {
            String result = html;
            for (int i = 0; i < players.size(); i++) {
                result = result.replace("<p>" + marker(i) + "</p>", "<figure class=\"embed\"><iframe src=\""
                        + players.get(i) + "\" title=\"Video\" loading=\"lazy\" allowfullscreen"
                        + " referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></figure>");
            }
            return result;
        }
    }

    /** Finds the shallowest heading level the editor used. */
    private static final class HeadingLevels extends AbstractVisitor {
        private int shallowest = 6;

        @Override
        public void visit(Heading heading) {
            shallowest = Math.min(shallowest, heading.getLevel());
            visitChildren(heading);
        }
    }

    /** The headline is the page's h1: the editor's shallowest heading becomes h2, the others follow it. */
    private static final class HeadingShift extends AbstractVisitor {
        private final int shallowest;

        private HeadingShift(int shallowest) {
            this.shallowest = shallowest;
        }

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() - shallowest + 2));
            visitChildren(heading);
        }
    }
}
