package org.broadsheet.pages;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.Fragment;
import org.thymeleaf.standard.expression.FragmentExpression;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * The {@code bs:} attributes that place {@link PagePart}s in templates: {@code <th:block bs:comment-tools="${c}"/>}
 * puts the part there, given the value of the expression. In a page that is kept for everyone the part's place is
 * marked and rendered for each reader afterwards; anywhere else it is rendered for the reader at once.
 */
@Component
class PartsDialect extends AbstractProcessorDialect {

    static final String PREFIX = "bs";

    private final ObjectProvider<PagePart<?, ?>> parts;
    private final ObjectProvider<PartRendering> rendering;

    PartsDialect(ObjectProvider<PagePart<?, ?>> parts, ObjectProvider<PartRendering> rendering) {
        super("Broadsheet page parts", PREFIX, 1000);
        this.parts = parts;
        this.rendering = rendering;
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        Set<IProcessor> processors = new LinkedHashSet<>();
        parts.orderedStream().forEach(part -> processors.add(new Place(dialectPrefix, part)));
        return processors;
    }

    private final class Place extends AbstractAttributeTagProcessor {

        private final PagePart<?, ?> part;
        private volatile FragmentExpression parsed;

        Place(String prefix, PagePart<?, ?> part) {
            super(TemplateMode.HTML, prefix, null, false, part.name(), true, 1000, true);
            this.part = part;
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String value, IElementTagStructureHandler structure) {
            Object args = value == null || value.isBlank() ? null
                    : StandardExpressions.getExpressionParser(context.getConfiguration())
                            .parseExpression(context, value).execute(context);
            if (!(context instanceof IWebContext web) || !(web.getExchange() instanceof IServletWebExchange exchange)) {
                throw new IllegalStateException("The part " + part.name() + " needs a web request");
            }
            HttpServletRequest request = (HttpServletRequest) exchange.getNativeRequestObject();
            PageAssembly assembly = PageAssembly.of(request);
            if (assembly != null) {
                structure.replaceWith(assembly.place(part, args), false);
                return;
            }
            // Not kept: the part's fragment goes in here, in this render, as th:replace would put it.
            Map<String, Object> model = rendering.getObject().modelNow(part, args, request);
            model.forEach(structure::setLocalVariable);
            structure.replaceWith(fragment(context).getTemplateModel(), true);
        }

        private Fragment fragment(ITemplateContext context) {
            FragmentExpression expression = parsed;
            if (expression == null) {
                expression = (FragmentExpression) StandardExpressions.getExpressionParser(context.getConfiguration())
                        .parseExpression(context, "~{" + part.fragment() + "}");
                parsed = expression;
            }
            return FragmentExpression.resolveExecutedFragmentExpression(context,
                    FragmentExpression.createExecutedFragmentExpression(context, expression), true);
        }
    }
}
