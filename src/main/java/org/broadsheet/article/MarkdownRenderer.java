package org.broadsheet.article;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the Markdown that editors write into HTML, then sanitizes it, once, when an article is saved.
 * Only the tags of ordinary article prose survive: no script, no style, no event handlers, no foreign frames.
 */
@Component
public class MarkdownRenderer {

    private static final Pattern HTTP_URL = Pattern.compile("^(https?://|/(?!/)|#|mailto:).*", Pattern.CASE_INSENSITIVE);

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
    // Editors' h1 would compete with the headline: headings start at h2.
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown.replace("\r\n", "\n");
        Node document = parser.parse(source);
        document.accept(new HeadingShift());
        String rendered = html.render(document);
        return new RenderedBody(source, POLICY.sanitize(rendered).strip(), text.render(document).strip());
    }

    private static final class HeadingShift extends org.commonmark.node.AbstractVisitor {
        @Override
        public void visit(org.commonmark.node.Heading heading) {
            heading.setLevel(Math.min(4, Math.max(2, heading.getLevel() + 1)));
            visitChildren(heading);
        }
    }
}
