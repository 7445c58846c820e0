package org.broadsheet.web;

import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code bs:srcset="${lead.srcset}"}: a {@code srcset} whose every address is written as {@code @{...}} would
 * write it, so that the site's own pictures get their content-hashed asset addresses (a year in browsers' caches)
 * like any {@code th:src}. A null or blank value leaves the attribute out.
 */
@Component
class SrcsetDialect extends AbstractProcessorDialect {

    SrcsetDialect() {
        super("Broadsheet srcset", "bs", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Srcset(dialectPrefix));
    }

    /** Each candidate of a srcset ({@code /images/x-480.jpg 480w}) with its address built as a link. */
    static String srcset(String candidates, UnaryOperator<String> link) {
        return Arrays.stream(candidates.split(",")).map(String::strip).filter(candidate -> !candidate.isEmpty())
                .map(candidate -> {
                    int space = candidate.indexOf(' ');
                    return space < 0 ? link.apply(candidate)
                            : link.apply(candidate.substring(0, space)) + candidate.substring(space);
                })
                .collect(Collectors.joining(", "));
    }

    private static final class Srcset extends AbstractAttributeTagProcessor {

        Srcset(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "srcset", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String value, IElementTagStructureHandler structure) {
            Object candidates = value == null || value.isBlank() ? null
                    : StandardExpressions.getExpressionParser(context.getConfiguration())
                            .parseExpression(context, value).execute(context);
            if (candidates == null || candidates.toString().isBlank()) {
                return;
            }
            String srcset = srcset(candidates.toString(), url -> context.buildLink(url, null));
            structure.setAttribute("srcset", HtmlEscape.escapeHtml4Xml(srcset));
        }
    }
}
